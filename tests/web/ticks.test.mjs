// Log-axis ticks at any range (issue 14): whole decades over hundreds of decades, and at
// least three labelled ticks when the range spans less than a decade; labels in the page's
// language (the decimal comma in Russian).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  linearTickLabel,
  logTickLabels,
  logTicks,
} from "../../web/plot/ticks.js";
import { localNumber, parseLocalNumber } from "../../web/numbers.js";

const within = (ticks, min, max) =>
  ticks.every((v) => v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12));

test("decade ticks over any range, with 1 among them when shown", () => {
  for (const [min, max] of [
    [1e-91, 1],
    [1e-200, 10],
    [1e-300, 1e5],
    [1e-45, 1],
  ]) {
    for (const room of [3, 8, 16]) {
      const ticks = logTicks(min, max, room);
      assert.ok(ticks.length >= 3, `${min}..${max} room ${room}: ${ticks}`);
      assert.ok(ticks.length <= Math.max(3, room) + 1, `${ticks.length}`);
      assert.ok(within(ticks, min, max));
      assert.ok(ticks.includes(1), `${min}..${max}: ${ticks}`);
    }
  }
});

test("a range under a decade still gets at least three ticks", () => {
  const cases = [
    [0.3, 2, [0.5, 1, 2]],
    [0.6, 0.95, [0.6, 0.7, 0.8, 0.9]],
    [0.95, 1.1, [0.95, 1, 1.05, 1.1]],
    [1.2, 1.3, [1.2, 1.25, 1.3]],
    [0.015, 0.09, [0.02, 0.05]], // 2 only from [1, 2, 5]: then every digit
  ];
  for (const [min, max, expected] of cases) {
    const ticks = logTicks(min, max, 8);
    assert.ok(ticks.length >= 3, `${min}..${max}: ${ticks}`);
    assert.ok(within(ticks, min, max), `${min}..${max}: ${ticks}`);
    for (const v of expected.length >= 3 ? expected : [])
      assert.ok(ticks.includes(v), `${min}..${max}: ${ticks} lacks ${v}`);
  }
  assert.deepEqual(
    logTicks(0.015, 0.09, 8),
    [0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09],
  );
});

test("labels are distinct, powers of ten as 1e-k, Russian with a decimal comma", () => {
  assert.deepEqual(logTickLabels([1e-6, 1e-3, 1, 1000], "en"), [
    "1e-6",
    "1e-3",
    "1",
    "1000",
  ]);
  assert.deepEqual(logTickLabels([0.95, 1, 1.05, 1.1], "en"), [
    "0.95",
    "1",
    "1.05",
    "1.1",
  ]);
  assert.deepEqual(logTickLabels([0.95, 1, 1.05, 1.1], "ru"), [
    "0,95",
    "1",
    "1,05",
    "1,1",
  ]);
  assert.deepEqual(logTickLabels([2e-5, 5e-5, 1e-4], "en"), [
    "2e-5",
    "5e-5",
    "1e-4",
  ]);
  assert.equal(linearTickLabel(0.25, 0.05, "ru"), "0,25");
  assert.equal(linearTickLabel(0.30000000000000004, 0.1, "en"), "0.3");
  assert.equal(linearTickLabel(-2, 1, "en"), "-2");
  // A step of 0.25 keeps both digits (0.3 under sigmoid's maximum 0.25 would mislabel it).
  assert.deepEqual(
    [0, 0.25, 0.5, 0.75, 1].map((v) => linearTickLabel(v, 0.25, "en")),
    ["0", "0.25", "0.5", "0.75", "1"],
  );
  assert.equal(linearTickLabel(1.1102230246251565e-17, 0.2, "en"), "0");
});

test("numbers read in Russian with the decimal comma, and read back", () => {
  assert.equal(localNumber("1.0507009873554805", "ru"), "1,0507009873554805");
  assert.equal(localNumber("3.2e-5", "ru"), "3,2e-5");
  assert.equal(localNumber("L = 30, 0.25", "en"), "L = 30, 0.25");
  assert.equal(parseLocalNumber("0,5"), "0.5");
  assert.equal(parseLocalNumber(" -6 "), "-6");
});
