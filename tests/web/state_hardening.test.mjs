// The page's state against the URLs that broke it: an initializer offered without the control
// it needs, alpha notices, and numbers outside the engine's one grammar.
import assert from "node:assert/strict";
import { test } from "node:test";

import { translator } from "../../web/i18n/index.js";
import { createSchema, parseState, withParam } from "../../web/state.js";
import { cli } from "./cli.mjs";
import { ISOMETRY_CONSTANTS, TRAIN_LIMITS } from "./engine-constants.mjs";

const catalog = {
  activations: JSON.parse(cli(["list", "--format", "json"])),
  initializers: JSON.parse(cli(["inits", "--format", "json"])),
  limits: JSON.parse(cli(["limits"])),
  train: TRAIN_LIMITS,
  isometry: ISOMETRY_CONSTANTS,
};
const schema = createSchema(catalog);
const parse = (search) => parseState(search, schema, catalog, ["en-US"]);

test("figures 2 and 5 have no std control: they do not offer 'normal'; figure 3 has one", () => {
  assert.ok(!schema.grad.init.choices.includes("normal"));
  assert.ok(!schema.selu.init.choices.includes("normal"));
  assert.ok(schema.prop.init.choices.includes("normal"));
  assert.equal(schema.prop.istd.default, 1);
  const state = parse(
    "?grad.init=normal&selu.init=normal&prop.init=normal&prop.istd=2",
  );
  assert.equal(state.figures.grad.init, "glorot-uniform");
  assert.equal(state.figures.selu.init, "lecun-normal");
  assert.equal(state.figures.prop.init, "normal");
  assert.equal(state.figures.prop.istd, 2);
  assert.deepEqual(
    state.notices.map((n) => [n.key, n.reason]),
    [
      ["grad.init", "choice"],
      ["selu.init", "choice"],
    ],
  );
});

test("an invalid alpha's notice names the default used", () => {
  const state = parse("?act.phi=elu&act.alpha=abc");
  assert.equal(state.figures.act.alpha, null);
  const [n] = state.notices;
  assert.equal(n.key, "act.alpha");
  assert.equal(n.given, "abc");
  const elu = catalog.activations.find((a) => a.id === "elu");
  assert.equal(n.used, String(elu.alpha.default));
  assert.equal(
    translator("en")(`notices.${n.reason}`, n),
    `act.alpha = abc is not a valid value; using ${elu.alpha.default}.`,
  );
});

test("an alpha for an activation without one is dropped with a notice", () => {
  const state = parse("?act.phi=tanh&act.alpha=5");
  assert.equal(state.figures.act.alpha, null);
  assert.equal(state.notices.length, 1);
  const n = state.notices[0];
  assert.equal(n.reason, "unused");
  for (const lang of ["en", "ru"]) {
    const text = translator(lang)(`notices.${n.reason}`, n);
    assert.ok(text.includes("act.alpha = 5") && text.includes("tanh"), text);
  }
});

test("numbers: the engine's grammar, as the CLI's (no '+', spaces or hex)", () => {
  for (const text of ["+5", " 5", "5 ", "0x10", "1e400", "Infinity", "5,0"]) {
    const state = parse(`?prop.depth=${encodeURIComponent(text)}`);
    assert.equal(state.figures.prop.depth, schema.prop.depth.default, text);
    assert.equal(state.notices[0]?.reason, "invalid", text);
  }
  assert.equal(parse("?prop.depth=1e1").figures.prop.depth, 10);
  assert.equal(parse("?act.to=1e-310").figures.act.to, 1e-310); // a subnormal is finite
  const state = withParam(parse(""), schema, catalog, "prop", "sx", "+2");
  assert.equal(state.notices[0].reason, "invalid");
});
