// Figure 3's heat map without a DOM: the tail rows lie outside the bins' range in their order,
// every cell's count is the engine's, the colour bar's ticks, and the darkest colour keeps a
// 3:1 contrast with the dark card (issue 14: viridis' #440154 vanished on #1d2024).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  TAILS_OVER,
  TAILS_UNDER,
  cellCount,
  colorbarTicks,
  contrast,
  heatLayout,
  lowEnd,
  parseColor,
  peakCount,
  slotFraction,
} from "../../web/plot/heatmap.js";
import { viridis } from "../../web/plot/palette.js";

test("heatLayout: = 0 and below under the bins, above over them, none overlapping", () => {
  const layout = heatLayout([0, 0.5, 1, 1.5]);
  const names = layout.rows.map((r) => r.tail ?? r.bin);
  assert.deepEqual(names, ["zero", "below", 0, 1, 2, "above"]);
  assert.deepEqual(TAILS_UNDER, ["zero", "below"]);
  assert.deepEqual(TAILS_OVER, ["above"]);
  for (let r = 1; r < layout.rows.length; r++)
    assert.ok(layout.rows[r].y0 >= layout.rows[r - 1].y1);
  assert.ok(layout.rows[1].y1 < 0 && layout.rows[5].y0 > 1.5);
  assert.ok(layout.range[0] < layout.rows[0].y0);
  assert.ok(layout.range[1] > layout.rows[5].y1);
});

test("cellCount reads the bins and the tails of layer l; peakCount takes both", () => {
  const layout = heatLayout([0, 1, 2]);
  const hist = [5, 6, 7, 8]; // 2 layers x 2 bins
  const tails = { zero: [100, 1], below: [0, 2], above: [3, 4] };
  const rows = (l) =>
    layout.rows.map((_, r) => cellCount(layout, hist, tails, l, r));
  assert.deepEqual(rows(0), [100, 0, 5, 6, 3]);
  assert.deepEqual(rows(1), [1, 2, 7, 8, 4]);
  assert.equal(peakCount(layout, hist, tails, 2), 100);
});

test("colorbarTicks: decades up to the peak, and the peak", () => {
  assert.deepEqual(colorbarTicks(8200), [1, 10, 100, 1000, 8200]);
  assert.deepEqual(colorbarTicks(1500), [1, 10, 100, 1500]); // 1000 too close to 1500
  assert.deepEqual(colorbarTicks(1), [1]);
});

test("the darkest colour keeps 3:1 against both cards, and light cards keep all of viridis", () => {
  for (const card of ["#ffffff", "#1d2024"]) {
    const low = lowEnd(card);
    assert.ok(contrast(viridis(low), parseColor(card)) >= 3, card);
  }
  assert.equal(lowEnd("#ffffff"), 0);
  assert.ok(contrast(viridis(0), parseColor("#1d2024")) < 3); // the old darkest colour
  assert.ok(lowEnd("#1d2024") > 0);
  assert.deepEqual(parseColor("rgb(29, 32, 36)"), [29, 32, 36]);
});

test("slotFraction: a tail row is at least 11 px on a small plot, 7% of the span on a tall one", () => {
  for (const height of [60, 120, 300, 600]) {
    const s = slotFraction(height);
    const px = (s * height) / (1 + 5 * s);
    assert.ok(px >= 11 - 1e-9 || s === 0.25, `${height}: ${px} px`);
  }
  assert.equal(slotFraction(600), 0.07);
  assert.equal(slotFraction(20), 0.25);
});
