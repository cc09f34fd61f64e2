// Plotting helpers that hold no DOM: log-axis ticks and the SELU variance axis's range.
import assert from "node:assert/strict";
import { test } from "node:test";

import { decadeTicks, decadesAroundOne } from "../../web/plot/chart.js";

test("decadesAroundOne is at least [0.1, 10], so that 1 sits mid-axis", () => {
  assert.deepEqual(decadesAroundOne(0.95, 1.1), [0.1, 10]);
  assert.deepEqual(decadesAroundOne(1, 10), [0.1, 10]);
  assert.deepEqual(decadesAroundOne(0.1, 10), [0.1, 10]);
  assert.deepEqual(decadesAroundOne(null, null), [0.1, 10]); // no positive data
});

test("decadesAroundOne widens symmetrically, in whole decades, to hold the data", () => {
  assert.deepEqual(decadesAroundOne(0.5, 250), [1e-3, 1e3]);
  assert.deepEqual(decadesAroundOne(3e-15, 1.2), [1e-15, 1e15]);
  assert.deepEqual(decadesAroundOne(0.9, 1.5e7), [1e-8, 1e8]);
  assert.deepEqual(decadesAroundOne(0, 20), [0.01, 100]); // zeros are not on a log axis
});

test("decadeTicks ticks every decade when there is room, else multiples of a round step", () => {
  assert.deepEqual(decadeTicks(0.1, 10, 8), [0.1, 1, 10]);
  assert.deepEqual(
    decadeTicks(1e-18, 1, 8),
    [1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1],
  );
  // A symmetric range keeps 1 among its ticks.
  assert.deepEqual(decadeTicks(1e-30, 1e30, 4), [1e-20, 1, 1e20]);
  assert.deepEqual(
    decadeTicks(1e-15, 1e15, 7),
    [1e-15, 1e-10, 1e-5, 1, 1e5, 1e10, 1e15],
  );
});
