// The URL state: parsing, clamping with notices, writing back, round trips.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  FIGURE_IDS,
  NETWORK_FIGURES,
  WORK_BUDGET,
  clamp,
  createSchema,
  networkWork,
  pageLimits,
  parseState,
  stateToQuery,
  withParam,
} from "../../web/state.js";
import { cli } from "./cli.mjs";
import { ISOMETRY_CONSTANTS, TRAIN_LIMITS } from "./engine-constants.mjs";

// The engine's catalog as the CLI prints it (the module's is the same, tests/wasm).
const catalog = {
  activations: JSON.parse(cli(["list", "--format", "json"])),
  initializers: JSON.parse(cli(["inits", "--format", "json"])),
  limits: JSON.parse(cli(["limits"])),
  train: TRAIN_LIMITS,
  isometry: ISOMETRY_CONSTANTS,
};
const LIMITS = pageLimits(catalog.limits);
const schema = createSchema(catalog);
const parse = (search, languages = ["en-US"]) =>
  parseState(search, schema, catalog, languages);

describe("parseState", () => {
  test("an empty query gives every figure its defaults and no notice", () => {
    const state = parse("");
    assert.deepEqual(state.notices, []);
    assert.equal(state.figures.act.phi, "sigmoid");
    assert.equal(state.figures.act.eps, 0.1);
    assert.equal(state.figures.selu.init, "lecun-normal");
    assert.equal(state.figures.selu.depth, 100);
    assert.equal(state.embed, false);
    assert.equal(state.view, null);
  });

  test("the language defaults to the browser's and the URL overrides it", () => {
    assert.equal(parse("", ["ru-RU", "en"]).lang, "ru");
    assert.equal(parse("", ["de-DE"]).lang, "en");
    assert.equal(parse("?lang=en", ["ru"]).lang, "en");
    const bad = parse("?lang=fr", ["ru"]);
    assert.equal(bad.lang, "ru");
    assert.equal(bad.notices[0].key, "lang");
  });

  test("out-of-range numbers are clamped with a notice", () => {
    const state = parse("?prop.depth=5000&act.eps=2&grad.width=-3");
    assert.equal(state.figures.prop.depth, LIMITS.depth[1]);
    assert.equal(state.figures.act.eps, LIMITS.eps[1]);
    assert.equal(state.figures.grad.width, LIMITS.width[0]);
    const keys = state.notices.map((n) => n.key).sort();
    assert.deepEqual(keys, ["act.eps", "grad.width", "prop.depth"]);
    assert.ok(state.notices.every((n) => n.reason === "range"));
    const depth = state.notices.find((n) => n.key === "prop.depth");
    assert.equal(depth.given, "5000");
    assert.equal(depth.used, String(LIMITS.depth[1]));
  });

  test("garbage becomes the default with a notice, never NaN", () => {
    const state = parse(
      "?act.from=abc&prop.sx=NaN&prop.seed=0x10&act.id=maybe&act.phi=sigmod",
    );
    assert.equal(state.figures.act.from, -6);
    assert.equal(state.figures.prop.sx, 1);
    assert.equal(state.figures.prop.seed, 1);
    assert.equal(state.figures.act.id, false);
    assert.equal(state.figures.act.phi, "sigmoid");
    assert.equal(state.notices.length, 5);
  });

  test("integers are rounded, with a notice", () => {
    const state = parse("?grad.depth=12.6");
    assert.equal(state.figures.grad.depth, 13);
    assert.equal(state.notices[0].reason, "range");
  });

  test("an empty z range is replaced by the default one", () => {
    const state = parse("?act.from=3&act.to=-3");
    assert.deepEqual([state.figures.act.from, state.figures.act.to], [-6, 6]);
    assert.equal(state.notices[0].reason, "order");
  });

  test("alpha is clamped to the chosen activation's own range, ignored for others", () => {
    assert.equal(parse("?act.phi=elu&act.alpha=50").figures.act.alpha, 10);
    assert.equal(
      parse("?act.phi=leaky-relu&act.alpha=0.2").figures.act.alpha,
      0.2,
    );
    const tanh = parse("?act.phi=tanh&act.alpha=0.2");
    assert.equal(tanh.figures.act.alpha, null);
  });

  test("compare lists keep known activations only", () => {
    const state = parse("?act.cmp=relu,nope,elu,relu");
    assert.deepEqual(state.figures.act.cmp, ["relu", "elu"]);
    assert.equal(state.notices.length, 1);
  });

  test("embed mode needs a view; an unknown view falls back to the first figure", () => {
    assert.equal(parse("?embed=1").view, FIGURE_IDS[0]);
    const bad = parse("?embed=1&view=zzz");
    assert.equal(bad.view, FIGURE_IDS[0]);
    assert.equal(bad.notices[0].key, "view");
  });
});

describe("stateToQuery", () => {
  test("writes only non-default values and round-trips", () => {
    const search =
      "?lang=ru&act.phi=tanh&act.cmp=relu,elu&act.id=1&prop.hist=grad&prop.depth=40&selu.init=he-normal";
    const state = parse(search);
    const query = stateToQuery(state, schema);
    assert.equal(query, search);
    assert.deepEqual(parse(query), state);
  });

  test("the defaults write an empty query", () => {
    assert.equal(stateToQuery(parse(""), schema), "");
  });

  test("a figure's link carries that figure only, and embed mode on request", () => {
    const state = parse("?act.phi=tanh&prop.depth=40");
    assert.equal(
      stateToQuery(state, schema, { only: "prop", embed: true }),
      "?embed=1&view=prop&prop.depth=40",
    );
    assert.equal(
      stateToQuery(state, schema, { only: "act" }),
      "?view=act&act.phi=tanh",
    );
  });

  test("a clamped state writes its clamped values", () => {
    assert.equal(
      stateToQuery(parse("?prop.depth=5000"), schema),
      `?prop.depth=${LIMITS.depth[1]}`,
    );
  });
});

describe("withParam", () => {
  test("sets one value, clamped, and resets alpha when the activation changes", () => {
    let state = parse("?act.phi=elu&act.alpha=2");
    state = withParam(state, schema, catalog, "act", "phi", "leaky-relu");
    assert.equal(state.figures.act.alpha, null);
    state = withParam(state, schema, catalog, "grad", "depth", "1e9");
    assert.equal(state.figures.grad.depth, LIMITS.depth[1]);
  });

  test("clamp accepts numbers as well as URL text", () => {
    const spec = schema.prop.depth;
    assert.deepEqual(clamp(spec, 7, "prop.depth"), { value: 7 });
    assert.equal(clamp(spec, "7", "prop.depth", {}, catalog).value, 7);
    // The engine's grammar (state_hardening.test.mjs): no spaces.
    const spaced = clamp(spec, " 7 ", "prop.depth", {}, catalog);
    assert.equal(spaced.notice.reason, "invalid");
    assert.equal(
      clamp(spec, "", "prop.depth", {}, catalog).notice.reason,
      "invalid",
    );
  });
});

describe("work budget", () => {
  test("a view too heavy to stay interactive is shrunk, batch first, with a notice", () => {
    const state = parse("?grad.depth=200&grad.width=512&grad.batch=512");
    const { width, batch, depth } = state.figures.grad;
    assert.equal(depth, 200);
    assert.ok(networkWork("grad", state.figures.grad) <= WORK_BUDGET);
    assert.ok(batch >= 1 && width >= 1);
    assert.ok(state.notices.some((n) => n.reason === "budget"));
  });

  test("the defaults fit well within the budget", () => {
    const state = parse("");
    for (const id of NETWORK_FIGURES) {
      assert.ok(networkWork(id, state.figures[id]) <= WORK_BUDGET / 2, id);
    }
  });

  test("normal and orthogonal weights cost more to draw than uniform ones", () => {
    const view = { depth: 200, width: 256, batch: 1 };
    const uniform = networkWork("prop", { ...view, init: "glorot-uniform" });
    const normal = networkWork("prop", { ...view, init: "glorot-normal" });
    const orthogonal = networkWork("prop", { ...view, init: "orthogonal" });
    assert.ok(normal > 2.5 * uniform && normal < 3 * uniform);
    // At width 256 the Householder QR of 200 square layers dominates (2.7 s in the module).
    assert.ok(orthogonal > 8 * uniform);
    // Figure 5 runs SELU + LeCun normal beside any other choice, and once when it is chosen.
    const selu = { ...view, phi: "selu", init: "lecun-normal" };
    assert.equal(
      networkWork("selu", selu),
      networkWork("prop", { ...view, init: "lecun-normal" }),
    );
    assert.ok(
      networkWork("selu", { ...selu, phi: "tanh" }) >
        1.9 * networkWork("selu", selu),
    );
    // Figure 4 names the distribution of its families, not one initializer.
    assert.ok(
      networkWork("init", { ...view, dist: "normal" }) >
        networkWork("init", { ...view, dist: "uniform" }),
    );
  });

  test("an orthogonal view that would take seconds is shrunk to the budget", () => {
    const state = parse("?prop.init=orthogonal&prop.depth=50&prop.width=512");
    const { width, batch } = state.figures.prop;
    assert.ok(networkWork("prop", state.figures.prop) <= WORK_BUDGET);
    assert.ok(width < 512 && batch >= 1, `width ${width}, batch ${batch}`);
    assert.ok(state.notices.some((n) => n.key === "prop.width"));
  });

  test("setting the batch shrinks the width instead", () => {
    let state = parse("?prop.depth=200&prop.width=128&prop.batch=128");
    assert.deepEqual(state.notices, []);
    state = withParam(state, schema, catalog, "prop", "batch", "512");
    assert.equal(state.figures.prop.batch, 512);
    assert.ok(state.figures.prop.width < 128);
    assert.equal(state.notices[0].key, "prop.width");
    assert.equal(state.notices[0].reason, "budgetMoved");
    assert.equal(state.notices[0].moved, "batch");
  });
});
