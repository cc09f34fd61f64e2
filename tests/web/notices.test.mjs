// A slider that makes a figure too heavy (issue 14): the notice names the control that moved
// and the value that changed because of it, in words about the controls, never "parameters
// in the address"; the moved value stays where the other size can make room for it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { translator } from "../../web/i18n/index.js";
import { noticeText, noticeTitle } from "../../web/notices.js";
import {
  WORK_BUDGET,
  createSchema,
  networkWork,
  parseState,
  withParam,
} from "../../web/state.js";
import { cli } from "./cli.mjs";
import { ISOMETRY_CONSTANTS, TRAIN_LIMITS } from "./engine-constants.mjs";

const catalog = {
  activations: JSON.parse(cli(["list", "--format", "json"])),
  initializers: [
    "standard",
    "glorot-uniform",
    "he-uniform",
    "lecun-normal",
  ].map((id) => ({ id, name: id })),
  limits: JSON.parse(cli(["limits"])),
  train: TRAIN_LIMITS,
  isometry: ISOMETRY_CONSTANTS,
};
const schema = createSchema(catalog);
const move = (search, name, value) =>
  withParam(
    parseState(search, schema, catalog, ["en"]),
    schema,
    catalog,
    "grad",
    name,
    value,
  );

test("width to 512 at depth 20: the batch makes room, and the notice says so", () => {
  const state = move("?grad.depth=20", "width", "512");
  const { width, batch } = state.figures.grad;
  assert.equal(width, 512);
  assert.ok(batch < 64 && batch >= 1, `batch ${batch}`);
  assert.ok(networkWork("grad", state.figures.grad) <= WORK_BUDGET);
  assert.ok(
    networkWork("grad", { ...state.figures.grad, batch: batch + 1 }) >
      WORK_BUDGET,
  );
  assert.equal(state.notices.length, 1);
  const [n] = state.notices;
  assert.equal(n.reason, "budgetMoved");
  for (const lang of ["en", "ru"]) {
    const t = translator(lang);
    const text = noticeText(t, n);
    const title = noticeTitle(t, state.notices);
    assert.ok(text.includes(t("params.width")), text);
    assert.ok(text.includes(t("params.batch")), text);
    assert.ok(text.includes("512") && text.includes(String(batch)), text);
    assert.ok(!/address|адрес/i.test(title + text), title);
    assert.ok(!text.includes("{"), text);
  }
});

test("width to 512 at depth 200: the width stops where it stays quick, the batch keeps its value", () => {
  const state = move("?grad.depth=200", "width", "512");
  const { width, batch } = state.figures.grad;
  assert.equal(batch, 64);
  assert.ok(width < 512, `width ${width}`);
  assert.ok(networkWork("grad", state.figures.grad) <= WORK_BUDGET);
  assert.ok(
    networkWork("grad", { ...state.figures.grad, width: width + 1 }) >
      WORK_BUDGET,
  );
  const [n] = state.notices;
  assert.equal(n.reason, "budgetSelf");
  const t = translator("en");
  const text = noticeText(t, n);
  assert.ok(text.startsWith(`${t("params.width")} 512 at depth 200`), text);
  assert.ok(text.includes(`stopped at ${width}`), text);
  assert.equal(noticeTitle(t, state.notices), t("notices.movedTitle"));
});

test("a value from the address keeps the address's wording", () => {
  const state = parseState(
    "?grad.depth=200&grad.width=512&grad.batch=512",
    schema,
    catalog,
    ["en"],
  );
  const t = translator("en");
  assert.ok(state.notices.every((n) => n.reason === "budget"));
  assert.equal(noticeTitle(t, state.notices), t("notices.title"));
});
