// The prose of figures 2 and 3 against the engine's numbers at the figures' defaults (and the
// other settings the prose names): every number and comparison the text states is checked here,
// so that a change of default or of the engine that makes a sentence false fails a test.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { loadActlab } from "../wasm/module.mjs";
import {
  perUpstreamUnit,
  underflowFrom,
} from "../../web/figures/gradient_rows.js";
import { OPS } from "../../web/ops.js";
import { createSchema } from "../../web/state.js";

let actlab;
let schema;
before(async () => {
  actlab = await loadActlab();
  schema = createSchema(OPS.catalog(actlab));
});

const defaults = (figure) =>
  Object.fromEntries(
    Object.entries(schema[figure]).map(([key, spec]) => [key, spec.default]),
  );
const spread = (values) => Math.max(...values) / Math.min(...values);

function gradients(overrides = {}) {
  const values = { ...defaults("grad"), ...overrides };
  const result = OPS.gradients(actlab, values);
  const run = (act) => result.runs.find((r) => r.act === act);
  const measured = (act, y = values.y) => perUpstreamUnit(run(act), y);
  return { values, result, run, measured };
}

test("figure 2's defaults: Glorot uniform, 30 layers, the per-example weight gradient", () => {
  const { values } = gradients();
  assert.equal(values.init, "glorot-uniform");
  assert.equal(values.depth, 30);
  assert.equal(values.y, "example_weight_grad_rms");
});

test("figure 2: sigmoid starts at about 0.12, falls by about 0.24 a layer, ends near 1e-18 of the top", () => {
  const { measured } = gradients();
  const w = measured("sigmoid");
  assert.ok(w[0] > 0.1 && w[0] < 0.14, `k = 0: ${w[0]}`);
  const perLayer = (w[29] / w[0]) ** (1 / 29);
  assert.ok(perLayer > 0.22 && perLayer < 0.25, `per layer ${perLayer}`);
  const ratio = w[29] / w[0];
  assert.ok(
    ratio > 10 ** -18.5 && ratio < 10 ** -17.5,
    `k = 29 / k = 0: ${ratio}`,
  );
  w.forEach((m, k) =>
    assert.ok(m < 0.25 ** (k + 1), `under the bound at ${k}`),
  );
  const z = measured("sigmoid", "grad_pre_std");
  assert.ok(z[0] > 0.2 && z[0] < 0.25, `sigma' at the top: ${z[0]}`);
});

test("figure 2: with Glorot, tanh, ELU and SELU stay within an order of magnitude; SELU grows threefold", () => {
  const { measured } = gradients();
  for (const act of ["tanh", "elu", "selu"]) {
    const w = measured(act);
    assert.ok(
      w.every((m) => m > w[0] / 10 && m < w[0] * 10),
      `${act}: ${w[0]} .. ${w.at(-1)}`,
    );
  }
  const selu = measured("selu");
  assert.ok(selu[29] / selu[0] > 2.5 && selu[29] / selu[0] < 3.5);
});

test("figure 2: ReLU's weight gradient is flat near 1e-5, its dL/dz loses over four orders (0.67 to 2e-5)", () => {
  const { measured } = gradients();
  const w = measured("relu");
  assert.ok(
    w.every((m) => m > 5e-6 && m < 5e-5),
    `${Math.min(...w)} .. ${Math.max(...w)}`,
  );
  assert.ok(spread(w) < 3);
  const z = measured("relu", "grad_pre_std");
  assert.ok(Math.abs(z[0] - 0.67) < 0.01, `top ${z[0]}`);
  assert.ok(z[29] > 1.5e-5 && z[29] < 2.5e-5, `k = 29: ${z[29]}`);
  assert.ok(z[0] / z[29] > 1e4);
});

test("figure 2: with He, ReLU keeps both gradients; tanh and ELU rise above their bound of 1", () => {
  const { measured } = gradients({ init: "he-uniform" });
  for (const y of ["example_weight_grad_rms", "grad_pre_std"]) {
    const relu = measured("relu", y);
    assert.ok(
      relu.every((m) => m > 0.1 && m < 1),
      `${y}: ${relu}`,
    );
  }
  for (const act of ["tanh", "elu"])
    assert.ok(Math.max(...measured(act)) > 1, act);
});

test("figure 2: max |w| below 1 at the default width; gain 1 for Glorot, sqrt 2 for He", () => {
  const inits = [
    "standard",
    "glorot-uniform",
    "glorot-normal",
    "he-uniform",
    "he-normal",
    "lecun-uniform",
    "lecun-normal",
    "orthogonal",
  ];
  for (const init of inits) {
    const { result } = gradients({ init });
    assert.ok(Math.max(...result.weights.max_abs) < 1, init);
  }
  const gain = (init) => gradients({ init }).result.weights.gain;
  for (const g of gain("glorot-uniform")) assert.ok(Math.abs(g - 1) < 0.05);
  for (const g of gain("he-uniform"))
    assert.ok(Math.abs(g - Math.SQRT2) < 0.07);
});

test("figure 2: sigmoid's gradient is rounded to 0 in float32 below about seventy layers", () => {
  const { measured } = gradients({ depth: 100 });
  const k = underflowFrom(measured("sigmoid"));
  assert.ok(k >= 60 && k <= 80, `from k = ${k}`);
});

test("figure 3: tanh + Glorot narrows from 0.63 to 0.16 over twenty layers; standard collapses", () => {
  const values = defaults("prop");
  assert.equal(values.phi, "tanh");
  assert.equal(values.init, "glorot-uniform");
  assert.equal(values.depth, 20);
  assert.equal(values.eps, 0.1);
  const glorot = OPS.propagation(actlab, values).layers.act_std;
  assert.ok(
    Math.abs(glorot[0] - 0.63) < 0.01 && Math.abs(glorot[19] - 0.16) < 0.01,
  );
  const standard = OPS.propagation(actlab, { ...values, init: "standard" })
    .layers.act_std;
  // Exponential: a constant factor per layer, ~0.58 (1/sqrt 3), against Glorot's slowing decay.
  assert.ok(standard[19] < 1e-3, `${standard[19]}`);
  assert.ok(glorot[19] / glorot[9] > 0.5, "Glorot's decay slows");
});

test("figure 3: ReLU, between 35% and 60% of its values exactly 0, counted as saturated; dead units grow with depth; Glorot fades, He keeps", () => {
  const values = { ...defaults("prop"), phi: "relu" };
  const entries = values.width * values.batch;
  for (const init of ["glorot-uniform", "he-uniform"]) {
    const { layers } = OPS.propagation(actlab, { ...values, init });
    layers.act_tails.zero.forEach((zeros, l) => {
      assert.ok(
        zeros / entries > 0.35 && zeros / entries < 0.6,
        `${init} layer ${l + 1}`,
      );
      assert.equal(zeros, Math.round(layers.saturated[l] * entries));
    });
    assert.equal(layers.dead[0], 0);
    assert.ok(layers.dead[19] > 0.1);
    const std = layers.act_std;
    if (init === "glorot-uniform") assert.ok(std[19] < std[0] / 100);
    else assert.ok(std[19] > std[0] / 2);
  }
});

test("the SELU field's prose names the engine's number of layers per path", async () => {
  const { STRINGS } = await import("../../web/i18n/index.js");
  const steps = actlab.isometryConstants().fieldSteps;
  const prose = (lang) =>
    [
      ...STRINGS[lang].sections.selumap.before,
      ...STRINGS[lang].sections.selumap.after,
    ].join(" ");
  assert.match(prose("en"), new RegExp(`${steps} layers`));
  assert.match(prose("ru"), new RegExp(`${steps} слоёв`));
});
