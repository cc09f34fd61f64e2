// Figure 1's compare mode and figure 5's mean axis (issue 14): the chosen activation sets the
// y range, sup|phi'|'s dashed level covers only where phi' attains it, the mean's axis is at
// least +-1; and the curves are drawn on a grid as fine as the canvas while the CSV keeps the
// n-point grid of `actlab curve`.
import assert from "node:assert/strict";
import { test } from "node:test";

import { loadActlab } from "../wasm/module.mjs";
import { OPS } from "../../web/ops.js";
import {
  compareRange,
  supStretches,
  symmetricRange,
} from "../../web/plot/ranges.js";
import { cli } from "./cli.mjs";

const actlab = await loadActlab();
const figure1 = (extra) =>
  OPS.activation(actlab, {
    phi: "sigmoid",
    alpha: null,
    from: -6,
    to: 6,
    n: 241,
    eps: 0.1,
    cmp: [],
    id: false,
    ...extra,
  });

test("compared with SELU and ReLU, sigmoid keeps most of the value axis", () => {
  const r = figure1({ cmp: ["selu", "relu", "tanh"] });
  const others = r.compare.map((c) => c.value);
  const [lo, hi] = compareRange(r.curve.value, others);
  // SELU reaches 6.3 and -1.76 on [-6, 6]: uPlot's fit would give sigmoid 1/8 of the height.
  assert.ok(hi - lo <= 3.5, `${lo}..${hi}`);
  assert.ok(lo <= -1 && hi >= 1, `${lo}..${hi}`); // tanh's range still fits
  const [dlo, dhi] = compareRange(
    r.curve.derivative,
    r.compare.map((c) => c.derivative),
  );
  assert.ok(dhi >= 1.05 && dhi < 1.3, `${dlo}..${dhi}`); // ReLU's and SELU's 1, 1.05
});

test("ReLU's sup|phi'| level covers z >= 0 only; the identity's the whole axis", () => {
  const relu = figure1({ phi: "relu" }).curve;
  assert.deepEqual(supStretches(relu.z, relu.derivative, 1), [[0, 6]]);
  const identity = figure1({ phi: "identity" }).curve;
  assert.deepEqual(supStretches(identity.z, identity.derivative, 1), [[-6, 6]]);
});

test("the drawn grid is as fine as asked, the CSV's grid is actlab curve's", () => {
  const r = figure1({ cmp: ["tanh"], drawPoints: 2561 });
  assert.equal(r.plot.curve.z.length, 2561);
  assert.equal(r.plot.compare[0].z.length, 2561);
  assert.equal(r.curve.z.length, 241);
  const rows = cli(["curve", "--act", "sigmoid", "--points", "241"])
    .trim()
    .split("\n")
    .slice(1)
    .map((row) => row.split(",").map(Number));
  rows.forEach(([z, value], i) => {
    assert.equal(r.curve.z[i], z);
    assert.equal(r.curve.value[i], value);
  });
  // On the fine grid the steps between neighbours are under a pixel's worth of z.
  assert.ok(r.plot.curve.z[1] - r.plot.curve.z[0] <= 12 / 2560 + 1e-12);
  // Without drawPoints the plot is the CSV's grid.
  const plain = figure1({});
  assert.equal(plain.plot.curve, plain.curve);
});

test("figure 5's mean axis is at least +-1, widened to a round bound", () => {
  assert.deepEqual(symmetricRange(-0.06, 0.087), [-1, 1]);
  assert.deepEqual(symmetricRange(0.1, 299), [-500, 500]);
  assert.deepEqual(symmetricRange(-1.37, 0.2), [-2, 2]);
  assert.deepEqual(symmetricRange(null, null), [-1, 1]);
});
