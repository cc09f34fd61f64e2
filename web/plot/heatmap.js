// A layer-by-value heat map drawn inside a uPlot chart: column l is layer l's histogram, each
// cell coloured by its count on a log scale (viridis: one value darkest, the fullest cell
// brightest), so that thin tails stay visible beside a spike. Below the bins, two rows of
// their own hold the exact zeros and the values below the first edge, and above them one row
// the values above the last edge (histogram_tails.hpp): no value is drawn in a bin whose range
// does not hold it. Empty cells are left blank. The colour bar, with its counts, is drawn in
// the chart's right-hand margin, so that it is part of the PNG.
import { viridis } from "./palette.js";
import { plotBox, yPos } from "./vector.js";

// The tail rows, bottom to top around the bins: [zero, below] under them, [above] over them.
export const TAILS_UNDER = ["zero", "below"];
export const TAILS_OVER = ["above"];
const SLOT = 0.07; // a tail row's height, as a fraction of the bins' span, at least
const SLOT_PX = 11; // and at least this tall, up to MAX_SLOT, so that its name is legible
const MAX_SLOT = 0.25;
export const COLORBAR_SIZE = 64; // px, the right-hand margin of every chart of the figure

// The tail rows' height as a fraction of the bins' span, on a plot `height` px tall: three
// rows of s and gaps of s/2 take (1 + 5s) spans, so a row is s height / (1 + 5s) px.
export function slotFraction(height) {
  const room = Math.max(1, height - 5 * SLOT_PX);
  return Math.min(MAX_SLOT, Math.max(SLOT, SLOT_PX / room));
}

// Where each row lies on the y scale: the bins span [edges[0], edges[M]], the tail rows lie
// beyond them with a gap between. rows[r] = {tail | bin, y0, y1}, bottom to top.
export function heatLayout(edges, fraction = SLOT) {
  const bins = edges.length - 1;
  const lo = edges[0];
  const hi = edges[bins];
  const slot = fraction * (hi - lo);
  const gap = 0.5 * slot;
  const rows = [];
  TAILS_UNDER.forEach((tail, i) => {
    const y1 = lo - gap - (TAILS_UNDER.length - 1 - i) * (slot + gap);
    rows.push({ tail, y0: y1 - slot, y1 });
  });
  for (let m = 0; m < bins; m++)
    rows.push({ bin: m, y0: edges[m], y1: edges[m + 1] });
  TAILS_OVER.forEach((tail, i) => {
    const y0 = hi + gap + i * (slot + gap);
    rows.push({ tail, y0, y1: y0 + slot });
  });
  return {
    lo,
    hi,
    rows,
    range: [rows[0].y0 - gap / 2, rows[rows.length - 1].y1 + gap / 2],
  };
}

// The count of row r of layer l (0-based); hist: L x M row-major, tails: {name: L counts}.
export function cellCount(layout, hist, tails, l, r) {
  const row = layout.rows[r];
  const bins = layout.rows.length - TAILS_UNDER.length - TAILS_OVER.length;
  return row.tail ? tails[row.tail][l] : hist[l * bins + row.bin];
}

// The largest count of any cell: the top of the colour scale.
export function peakCount(layout, hist, tails, depth) {
  let peak = 0;
  for (let l = 0; l < depth; l++)
    for (let r = 0; r < layout.rows.length; r++)
      peak = Math.max(peak, cellCount(layout, hist, tails, l, r));
  return peak;
}

// WCAG's relative luminance of an sRGB colour [r, g, b] (0..255), and the contrast of two.
function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// "#1d2024" or "rgb(29, 32, 36)" as [r, g, b].
export function parseColor(text) {
  const hex = /^#([0-9a-f]{6})$/i.exec(text.trim());
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  return (text.match(/\d+(\.\d+)?/g) ?? [255, 255, 255])
    .slice(0, 3)
    .map(Number);
}

// The start of the viridis range the map uses on a background: the darkest viridis colour
// with a contrast of at least 3:1 against it (WCAG's for graphics), so that a cell holding one
// value does not vanish on a dark card. 0 (viridis' own start) on a light one.
export function lowEnd(background) {
  const bg = parseColor(background);
  for (let t = 0; t < 1; t += 0.01) if (contrast(viridis(t), bg) >= 3) return t;
  return 0;
}

// The colour of a cell holding `count` values when the fullest holds `peak`.
export function heatColor(count, peak, low) {
  const f = peak > 1 ? Math.log(count) / Math.log(peak) : 1;
  const [r, g, b] = viridis(low + (1 - low) * f);
  return `rgb(${r},${g},${b})`;
}

// Decades 1, 10, 100, ... up to the peak, and the peak itself: the colour bar's labels.
export function colorbarTicks(peak) {
  const ticks = [];
  for (let v = 1; v < peak; v *= 10) ticks.push(v);
  if (ticks.length && peak / ticks[ticks.length - 1] < 2) ticks.pop();
  ticks.push(peak);
  return ticks;
}

// map: {layout, hist, tails, depth, peak, low, labels: {zero, below, above}, selected,
// number(x), fg, fontSize}: the cells, the tail rows' names in the left margin, the selected
// cell's outline and the colour bar in the right margin, with a painter (painter.js).
export function drawHeatmap(u, p, map) {
  const { layout, hist, tails, depth, peak, low } = map;
  const box = plotBox(u);
  // Cell edges on whole device pixels, so that neighbours leave no seam; each layer's column
  // edges and each row's edges computed once per draw.
  const snap = (v) => Math.round(v * p.scale) / p.scale;
  const xs = Array.from({ length: depth + 1 }, (_, l) =>
    snap(u.valToPos(l + 0.5, "x") + box.left),
  );
  const ys = layout.rows.map((row) => [
    snap(u.valToPos(row.y1, "y") + box.top),
    snap(u.valToPos(row.y0, "y") + box.top),
  ]);
  const min = 1 / p.scale;
  const cell = (l, r) => {
    const [y0, y1] = ys[r];
    return [
      xs[l],
      y0,
      Math.max(min, xs[l + 1] - xs[l]),
      Math.max(min, y1 - y0),
    ];
  };
  p.clip(box.left, box.top, box.width, box.height, () => {
    // The cells grouped by colour, so that each colour is set once: parsing a colour string
    // is most of a cell's cost.
    const byColor = new Map();
    const colorOf = new Map();
    for (let l = 0; l < depth; l++) {
      for (let r = 0; r < layout.rows.length; r++) {
        const count = cellCount(layout, hist, tails, l, r);
        if (count <= 0) continue;
        let color = colorOf.get(count);
        if (color === undefined) {
          color = heatColor(count, peak, low);
          colorOf.set(count, color);
        }
        if (!byColor.has(color)) byColor.set(color, []);
        byColor.get(color).push(cell(l, r));
      }
    }
    for (const [fill, cells] of byColor) p.rects(cells, { fill });
    if (map.selected)
      p.rect(...cell(map.selected.layer - 1, map.selected.row), {
        stroke: map.fg,
        width: 2,
      });
  });
  const font = { size: map.fontSize };
  for (const row of layout.rows) {
    if (!row.tail) continue;
    p.text(box.left - 6, yPos(u, (row.y0 + row.y1) / 2), map.labels[row.tail], {
      font,
      fill: map.fg,
      align: "right",
    });
  }
  drawColorbar(u, p, map, box);
}

function drawColorbar(u, p, { peak, low, number, fg, fontSize }, box) {
  const x = box.left + box.width + 8;
  const width = 10;
  const bottom = box.top + box.height;
  const stops = Array.from({ length: 11 }, (_, i) => {
    const [r, g, b] = viridis(low + ((1 - low) * i) / 10);
    return `rgb(${r},${g},${b})`;
  });
  p.gradient(x, box.top, width, box.height, stops, true);
  const ticks = [];
  for (const v of colorbarTicks(peak)) {
    const f = peak > 1 ? Math.log(v) / Math.log(peak) : 1;
    const y = bottom - f * box.height;
    ticks.push([x + width, y], [x + width + 3, y], null);
    p.text(x + width + 5, y, number(v), {
      font: { size: fontSize },
      fill: fg,
    });
  }
  p.line(ticks, { stroke: fg, width: 1 });
}

// The colour bar's stops, for the legend (CSS gradient) and the PNG export.
export function colorbarStops(low = 0, count = 6) {
  return Array.from({ length: count }, (_, i) => {
    const [r, g, b] = viridis(low + ((1 - low) * i) / (count - 1));
    return `rgb(${r},${g},${b})`;
  });
}
