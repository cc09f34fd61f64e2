// uPlot charts sized to their container and coloured by the theme. A figure describes a chart
// as uPlot options (without width and height) and its data columns; the chart is rebuilt only
// when the options' signature changes (language, theme, axes), and otherwise updated in place:
// changed series are swapped, fixed scale ranges follow the newest options, and the canvas is
// repainted within the call.

import { displayColor } from "./palette.js";

const uPlot = () => globalThis.uPlot;

export function axis(label, t, extra = {}) {
  return {
    label,
    stroke: t.fg,
    font: t.font,
    labelFont: t.font,
    grid: { stroke: t.grid, width: 1 },
    ticks: { stroke: t.grid, width: 1 },
    space: (u, axisIndex) => (axisIndex === 0 ? 44 : 24), // x labels are wider than tall
    ...extra,
  };
}

export function series(
  label,
  color,
  { dash = null, width = 2, points = false } = {},
) {
  return {
    label,
    stroke: displayColor(color),
    width,
    dash: dash ?? undefined,
    points: { show: points },
  };
}

// 1e-3 for 10^-3 (canvas fonts often lack superscript digits); other values in short form.
export function powerOfTenLabel(v) {
  const e = Math.round(Math.log10(v));
  if (Math.abs(v / 10 ** e - 1) > 1e-9) return String(Number(v.toPrecision(2)));
  if (e >= 0 && e <= 3) return String(10 ** e);
  return `1e${e}`;
}

const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 50, 100];

// A log axis ticks whole decades only, every one or every few so that labels keep ~24 px apart;
// the ticked exponents are multiples of the step, so 1 (10^0) is ticked whenever it is shown.
export function decadeTicks(min, max, room) {
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  if (hi < lo) return [min, max];
  const needed = Math.ceil((hi - lo + 1) / Math.max(2, room));
  const step = DECADE_STEPS.find((s) => s >= needed) ?? needed;
  const splits = [];
  for (let e = Math.ceil(lo / step) * step; e <= hi; e += step)
    splits.push(Number(`1e${e}`));
  return splits.length ? splits : [Number(`1e${hi}`)];
}

function decadeSplits(u, axisIndex, min, max) {
  return decadeTicks(
    min,
    max,
    Math.floor(u.bbox.height / (devicePixelRatio || 1) / 24),
  );
}

export const LOG_AXIS = {
  splits: decadeSplits,
  filter: (u, splits) => splits, // uPlot's log filter would blank the decades we skip between

  values: (u, splits) => splits.map(powerOfTenLabel),
};

// uPlot keeps the scales it was built with; these read the range from the newest options, so
// that a fixed range (z from..to, layers 0.5..L+0.5) follows an in-place update.
function liveScales(scales, latest) {
  const live = {};
  for (const [key, scale] of Object.entries(scales ?? {})) {
    live[key] =
      scale.range === undefined
        ? scale
        : {
            ...scale,
            range: (u, min, max) => {
              const range = latest().scales[key].range;
              return typeof range === "function"
                ? range(u, min, max, key)
                : [range[0], range[1]];
            },
          };
  }
  return live;
}

// What identifies a series' look (its plain option values; functions are not compared).
function seriesKey(options) {
  return JSON.stringify(options);
}

export class Chart {
  // container: an element whose width the chart follows; height: CSS px.
  constructor(container, { height, syncKey = null }) {
    this.container = container;
    this.height = height;
    this.syncKey = syncKey;
    this.plot = null;
    this.options = null;
    this.signature = "";
    this.seriesKeys = [];
    // The container's width as last observed, read when the observer reports (layout is then
    // up to date): reading it while drawing would force a layout after every DOM write before.
    this.observedWidth = null;
    this.observer = new ResizeObserver(() => {
      this.observedWidth = this.container.clientWidth;
      this.resize();
    });
    this.observer.observe(container);
  }

  width() {
    return Math.max(
      200,
      Math.floor(this.observedWidth ?? this.container.clientWidth),
    );
  }

  // options: uPlot options without width/height; data: uPlot's column arrays; signature: what
  // besides series, scale ranges and data shapes the options (a change rebuilds the chart).
  draw(options, data, signature) {
    this.options = options;
    const keys = options.series.map(seriesKey);
    if (this.plot && signature === this.signature) {
      // uPlot commits its changes in a microtask unless batched: batch() paints now, once.
      this.plot.batch((u) => {
        for (let i = keys.length; i < this.seriesKeys.length; i++)
          u.delSeries(keys.length);
        keys.forEach((key, i) => {
          if (i === 0 || key === this.seriesKeys[i]) return;
          if (i < u.series.length) u.delSeries(i);
          u.addSeries(options.series[i], i);
        });
        u.setData(data); // a scale that changes recomputes its axis; the others keep theirs
      });
      this.seriesKeys = keys;
      return;
    }
    this.plot?.destroy();
    this.signature = signature;
    this.seriesKeys = keys;
    const full = {
      ...options,
      scales: liveScales(options.scales, () => this.options),
      width: this.width(),
      height: this.height,
    };
    if (this.syncKey)
      full.cursor = { ...(options.cursor ?? {}), sync: { key: this.syncKey } };
    this.plot = new (uPlot())(full, data, (u, init) => {
      this.container.append(u.root);
      u.batch(init);
    });
  }

  setHeight(height) {
    this.height = height;
    this.resize();
  }

  resize() {
    const size = { width: this.width(), height: this.height };
    if (
      this.plot &&
      (size.width !== this.plot.width || size.height !== this.plot.height)
    )
      this.plot.setSize(size);
  }

  canvas() {
    return this.plot?.ctx.canvas ?? null;
  }

  destroy() {
    this.observer.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}

// A log10 scale for positive values; zeros and negatives are not drawn (null).
export const LOG_SCALE = { distr: 3, log: 10 };

// A log range symmetric about 1, in whole decades: at least [10^-d, 10^d] (d = minDecades),
// widened to hold the positive data in [min, max], so that a value of 1 sits mid-axis.
export function decadesAroundOne(min, max, minDecades = 1) {
  const reach = [min, max]
    .filter((v) => v > 0 && Number.isFinite(v))
    .map((v) => Math.ceil(Math.abs(Math.log10(v)) - 1e-9));
  const decades = Math.max(minDecades, ...reach);
  return [10 ** -decades, 10 ** decades];
}

export function positiveOrNull(values) {
  return Array.from(values, (v) => (v > 0 && Number.isFinite(v) ? v : null));
}

// The y-axis width every chart of a figure shares, so their x positions line up.
export const Y_AXIS_SIZE = 64;

// Layer numbers 1..L as uPlot's x column.
export function layerNumbers(depth) {
  return Array.from({ length: depth }, (_, i) => i + 1);
}

// Integer-only tick labels (layers, k).
export function integerValues(u, splits) {
  return splits.map((v) => (Number.isInteger(v) ? String(v) : ""));
}
