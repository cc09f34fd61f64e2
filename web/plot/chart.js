// uPlot charts sized to their container and coloured by the theme. A figure describes a chart
// as uPlot options (without width and height) and its data columns; the chart is rebuilt only
// when the options' signature changes (language, theme, axes), and otherwise updated in place:
// changed series are swapped, fixed scale ranges follow the newest options, and the canvas is
// repainted within the call.

import { numberLanguage, shortNumber } from "../numbers.js";
import { CanvasPainter } from "./painter.js";
import { displayColor } from "./palette.js";
import { linearTickLabel, logTickLabels, logTicks } from "./ticks.js";
import { chartRatio, paintChart } from "./vector.js";

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
    values: (u, splits, axisIndex, space, step) =>
      splits.map((v) => linearTickLabel(v, step, numberLanguage())),
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

export { logTicks as decadeTicks } from "./ticks.js";

function logSplits(u, axisIndex, min, max) {
  return logTicks(min, max, Math.floor(u.bbox.height / chartRatio() / 24));
}

// uPlot draws no axis unless one of its `incrs` spaces the labels; its own stop at 1e16, and
// below 5 it wants one it knows the decimals of, so a range of 1e37 (SELU's bound at depth
// 150) lost every tick. Ours are all >= 5 and reach any range; the splits are our own.
const LOG_INCRS = Array.from({ length: 308 }, (_, e) => 5 * 10 ** e);

export const LOG_AXIS = {
  incrs: LOG_INCRS,
  splits: logSplits,
  filter: (u, splits) => splits, // uPlot's log filter would blank the decades we skip between
  values: (u, splits) => logTickLabels(splits, numberLanguage()),
};

// An x range fitted to one point would be uPlot's [0, 100]: a single layer gets [x - 0.5,
// x + 0.5] instead.
function autoX(u, min, max) {
  const x = u.data[0];
  return x?.length === 1 ? [x[0] - 0.5, x[0] + 0.5] : [min, max];
}

// uPlot keeps the scales it was built with; these read the range from the newest options, so
// that a fixed range (z from..to, layers 0.5..L+0.5) follows an in-place update; the x scale
// always, for autoX.
function liveScales(scales, latest) {
  const live = {};
  for (const [key, scale] of Object.entries({ x: {}, ...scales })) {
    live[key] =
      scale.range === undefined && key !== "x"
        ? scale
        : {
            ...scale,
            range: (u, min, max) => {
              const range = latest().scales?.[key]?.range;
              if (range === undefined) return autoX(u, min, max);
              return typeof range === "function"
                ? range(u, min, max, key)
                : [range[0], range[1]];
            },
          };
  }
  return live;
}

// With one data point (depth 1) a line has nothing to join: every series shows its point.
function withPoints(options, data) {
  if ((data[0]?.length ?? 0) !== 1) return options;
  return {
    ...options,
    series: options.series.map((s, i) =>
      i === 0 ? s : { ...s, points: { show: true, size: 9, fill: s.stroke } },
    ),
  };
}

// What identifies a series' look (its plain option values; functions are not compared).
function seriesKey(options) {
  return JSON.stringify(options);
}

// The Chart whose uPlot draws on a canvas (for the export, which paints it again).
const charts = new WeakMap();

export function chartOf(canvas) {
  return charts.get(canvas) ?? null;
}

// A figure's decorations, drawn with a painter (painter.js) so that the PNG and SVG exports
// draw them too: options.paint = {drawAxes: [(u, p)], drawSeries: [(u, i, p)], draw: [(u, p)]}
// run as uPlot's hooks of those names on screen, each time from the newest options.
function paintHooks(latest) {
  const painted = (name, u, args) => {
    const fns = latest()?.paint?.[name] ?? [];
    if (!fns.length) return;
    const painter = new CanvasPainter(u.ctx, chartRatio());
    for (const f of fns) f(u, ...args, painter);
  };
  return {
    drawAxes: [(u) => painted("drawAxes", u, [])],
    drawSeries: [(u, i) => painted("drawSeries", u, [i])],
    draw: [(u) => painted("draw", u, [])],
  };
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
    // The value readout at the cursor: the pointer moves it, and so do the arrow keys once
    // the chart has the focus (Home/End: the ends; Shift: ten times the step; Escape hides).
    this.readout = document.createElement("output");
    this.readout.className = "readout";
    this.readout.hidden = true;
    container.append(this.readout);
    container.tabIndex = 0;
    container.addEventListener("keydown", (event) => this.key(event));
    container.addEventListener("blur", () => this.moveTo(null));
  }

  key(event) {
    // A figure's own keys come first (figure 3's heat map moves by cell, not by x).
    if (event.defaultPrevented) return;
    const x = this.plot?.data[0];
    if (!x?.length) return;
    const step =
      Math.max(1, Math.round(x.length / 60)) * (event.shiftKey ? 10 : 1);
    const now = this.plot.cursor.idx ?? -1;
    const moves = {
      ArrowRight: now < 0 ? 0 : now + step,
      ArrowLeft: now < 0 ? x.length - 1 : now - step,
      Home: 0,
      End: x.length - 1,
      Escape: null,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const index = moves[event.key];
    this.moveTo(
      index === null ? null : Math.min(x.length - 1, Math.max(0, index)),
    );
  }

  // Puts the cursor on data index i (null: off the chart).
  moveTo(i) {
    const u = this.plot;
    if (!u) return;
    if (i === null) {
      u.setCursor({ left: -10, top: -10 }, true, true);
      this.readout.hidden = true;
      return;
    }
    // Fired and published, so that the figure's other charts (syncKey) follow.
    u.setCursor(
      {
        left: u.valToPos(u.data[0][i], "x"),
        top: u.bbox.height / chartRatio() / 2,
      },
      true,
      true,
    );
  }

  // "z = 0.5 · Sigmoid: 0.6225 · …": the x value and every series' value at the cursor.
  showReadout(u) {
    const i = u.cursor.idx;
    if (i === null || i === undefined || u.cursor.left < 0) {
      this.readout.hidden = true;
      return;
    }
    const number = (v) => shortNumber(v, 4);
    const xName = this.options.readoutX ?? this.options.axes?.[0]?.label ?? "x";
    const parts = [`${xName} = ${number(u.data[0][i])}`];
    u.series.forEach((series, k) => {
      const v = u.data[k]?.[i];
      if (k > 0 && series.show !== false && v !== null && v !== undefined)
        parts.push(`${series.label}: ${number(v)}`);
    });
    this.readout.textContent = parts.join(" · ");
    this.readout.hidden = false;
  }

  width() {
    return Math.max(
      200,
      Math.floor(this.observedWidth ?? this.container.clientWidth),
    );
  }

  // options: uPlot options without width/height; data: uPlot's column arrays; signature: what
  // besides series, scale ranges and data shapes the options (a change rebuilds the chart).
  draw(drawn, data, signature) {
    const options = withPoints(drawn, data);
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
    const painted = paintHooks(() => this.options);
    const full = {
      ...options,
      hooks: {
        ...options.hooks,
        drawAxes: [...(options.hooks?.drawAxes ?? []), ...painted.drawAxes],
        drawSeries: [
          ...(options.hooks?.drawSeries ?? []),
          ...painted.drawSeries,
        ],
        setCursor: [
          ...(options.hooks?.setCursor ?? []),
          (u) => this.showReadout(u),
        ],
        // The tick labels drawn, for tests (data-axis-labels: one array per axis).
        draw: [
          ...(options.hooks?.draw ?? []),
          ...painted.draw,
          (u) =>
            (this.container.dataset.axisLabels = JSON.stringify(
              u.axes.map((a) => (a._show === false ? [] : (a._values ?? []))),
            )),
        ],
      },
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
    charts.set(this.plot.ctx.canvas, this);
  }

  // Paints the chart again as it stands, its decorations from the newest options' paint
  // hooks, without uPlot's scales and axes recomputed (batch: now, not in a microtask): a
  // figure whose decorations alone changed (the edge diagram's point).
  repaint() {
    this.plot?.batch((u) => u.redraw(false, false));
  }

  // The chart's CSS size and its drawing onto a painter (the export's PNG and SVG).
  size() {
    return { width: this.plot.width, height: this.plot.height };
  }

  paint(painter) {
    paintChart(this.plot, painter, this.options.paint);
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
