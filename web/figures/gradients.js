// Figure 2: the lecture's bound (sup|phi'|)^(k+1) on dL/dtheta^(L-k) beside the gradient the
// engine measures in a network at initialization, per unit of the upstream gradient at the
// top (gradient_rows.js), for sigmoid, tanh, ReLU, ELU and SELU, on a log scale against k
// (layers below the top); below it, what the bound assumes of the weights, layer by layer.
import { toCsv } from "../format.js";
import { renderRich } from "../katex.js";
import {
  Chart,
  LOG_AXIS,
  LOG_SCALE,
  Y_AXIS_SIZE,
  axis,
  integerValues,
  positiveOrNull,
  series,
} from "../plot/chart.js";
import { OKABE_ITO, activationColor, displayColor } from "../plot/palette.js";
import { fontSizeOf } from "../plot/painter.js";
import { plotBox, xPos, yPos } from "../plot/vector.js";
import { networkCaption } from "./caption.js";
import { fromTop, perUpstreamUnit, underflowFrom } from "./gradient_rows.js";
import { theoryLegend, theorySeries } from "./theory_overlay.js";

const BOUND_DASH = [6, 4];
const UNDERFLOW_DASH = [2, 3];
const GAIN_DASH = [8, 3, 2, 3];
const GAIN_COLOR = OKABE_ITO.skyBlue; // no lecture activation's colour

// The underflow marks: from the last nonzero point of each activation that underflows, a
// dotted line in its colour down to the axis, and "0" below it.
function drawUnderflow(u, p, rows, fontSize) {
  const bottom = plotBox(u).top + plotBox(u).height;
  for (const row of rows) {
    if (row.underflow === null) continue;
    const k = row.underflow - 1;
    const x = xPos(u, k);
    const y = yPos(u, row.measured[k]);
    const color = displayColor(activationColor(row.act));
    p.line(
      [
        [x, Math.min(y, bottom)],
        [x, bottom],
      ],
      { stroke: color, width: 1.5, dash: UNDERFLOW_DASH },
    );
    p.text(x + 7, bottom - 2, "0", {
      font: { size: fontSize },
      fill: color,
      align: "center",
      baseline: "bottom",
    });
  }
}

class GradientsView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.formula = document.createElement("p");
    this.formula.className = "figure-formula";
    this.box = document.createElement("div");
    this.box.className = "chart";
    this.box.setAttribute("role", "img");
    this.weightsBox = document.createElement("div");
    this.weightsBox.className = "chart weights";
    this.weightsBox.setAttribute("role", "img");
    host.append(this.formula, this.box, this.weightsBox);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.chart = new Chart(this.box, { height: narrow ? 300 : 380 });
    this.weights = new Chart(this.weightsBox, { height: narrow ? 130 : 150 });
    this.current = null;
    this.compact = false; // a small embed: no weights' panel
  }

  rows(result, values) {
    return result.runs.map((r) => {
      const measured = perUpstreamUnit(r, values.y);
      return {
        act: r.act,
        bound: Array.from(r.bound),
        measured,
        // The theory's, per unit of G's variance 1: the slope chi_l per layer.
        theory: r.theory ? fromTop(r.theory[values.y]) : [],
        underflow: underflowFrom(measured),
      };
    });
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    const { t, theme } = ctx;
    const rows = this.rows(result, values);
    this.current = { result, values, rows };
    renderRich(this.formula, t(`figures.grad.formula.${values.y}`));
    const k = Array.from({ length: values.depth }, (_, i) => i);
    const lineSeries = [];
    const columns = [k];
    for (const row of rows) {
      const color = activationColor(row.act);
      const name = ctx.name("activations", row.act);
      lineSeries.push(
        series(t("figures.grad.bound", { name }), color, {
          dash: BOUND_DASH,
          width: 1.5,
        }),
        series(t("figures.grad.measured", { name }), color, { width: 2.5 }),
        theorySeries(`${name}: ${t("figures.edge.theoryShort")}`, color),
      );
      columns.push(
        positiveOrNull(row.bound),
        positiveOrNull(row.measured),
        positiveOrNull(row.theory),
      );
    }
    const xAxis = axis(t("figures.grad.xAxis"), theme, {
      values: integerValues,
    });
    this.chart.draw(
      {
        legend: { show: false },
        scales: { x: { time: false }, y: LOG_SCALE },
        axes: [
          xAxis,
          axis(t(`figures.grad.yAxis.${values.y}`), theme, {
            size: Y_AXIS_SIZE,
            ...LOG_AXIS,
          }),
        ],
        series: [{}, ...lineSeries],
        paint: {
          draw: [
            (u, p) =>
              drawUnderflow(u, p, this.current.rows, fontSizeOf(theme.font)),
          ],
        },
      },
      columns,
      `${t.lang}|${theme.fg}|${values.y}`,
    );
    this.drawWeights(result, values, ctx, k);
    const init = ctx.name("initializers", values.init);
    this.box.setAttribute(
      "aria-label",
      t(`figures.grad.caption.${values.y}`, { depth: values.depth, init }),
    );
    this.weightsBox.setAttribute(
      "aria-label",
      t("figures.grad.weightsCaption", { init }),
    );
  }

  // max |w| of W^(L-k) against the lecture's |w| <= 1, and the layer's gain sqrt(N) rms(w).
  drawWeights(result, values, ctx, k) {
    const { t, theme } = ctx;
    const maxAbs = fromTop(result.weights.max_abs);
    const gain = fromTop(result.weights.gain);
    const top = Math.max(1.25, ...maxAbs, ...gain) * 1.08;
    this.weights.draw(
      {
        legend: { show: false },
        scales: { x: { time: false }, y: { range: [0, top] } },
        axes: [
          axis(t("figures.grad.xAxisWeights"), theme, {
            values: integerValues,
          }),
          axis(t("figures.grad.weightsAxis"), theme, { size: Y_AXIS_SIZE }),
        ],
        series: [
          {},
          series(t("figures.grad.assumed"), theme.reference, {
            dash: BOUND_DASH,
            width: 1.5,
          }),
          series(t("figures.grad.maxAbs"), theme.fg, { width: 2 }),
          series(t("figures.grad.gain"), GAIN_COLOR, {
            dash: GAIN_DASH,
            width: 2,
          }),
        ],
      },
      [k, k.map(() => 1), maxAbs, gain],
      `${t.lang}|${theme.fg}`,
    );
  }

  legend() {
    if (!this.current) return [];
    const { t, theme } = this.ctx;
    const { rows, values } = this.current;
    return [
      ...rows.map((row) => ({
        label: this.ctx.name("activations", row.act),
        color: activationColor(row.act),
      })),
      {
        label: t("figures.grad.legendBound"),
        color: theme.muted,
        dash: BOUND_DASH,
      },
      {
        label: t(`figures.grad.legendMeasured.${values.y}`),
        color: theme.muted,
      },
      theoryLegend(t, theme.muted, "", "gradSlope"),
      ...(rows.some((row) => row.underflow !== null)
        ? [
            {
              label: t("figures.grad.legendUnderflow"),
              color: theme.muted,
              dash: UNDERFLOW_DASH,
            },
          ]
        : []),
      ...(this.compact
        ? []
        : [
            { label: t("figures.grad.maxAbs"), color: theme.fg },
            {
              label: t("figures.grad.gain"),
              color: GAIN_COLOR,
              dash: GAIN_DASH,
            },
            {
              label: t("figures.grad.assumed"),
              color: theme.reference,
              dash: BOUND_DASH,
            },
          ]),
    ];
  }

  title(values) {
    const { t, name } = this.ctx;
    const init = name("initializers", values.init);
    return `${t(`figures.grad.quantityTitle.${values.y}`)} — ${init}, ${networkCaption(this.ctx, values)}`;
  }

  canvases() {
    const charts = this.compact ? [this.chart] : [this.chart, this.weights];
    return charts.map((c) => c.canvas()).filter(Boolean);
  }

  // k, then per activation the bound and the measured value per upstream unit, then the
  // weights of layer L - k.
  csv(result, values) {
    const rows = this.rows(result, values);
    const header = ["k", "layer"];
    const columns = [
      Array.from({ length: values.depth }, (_, i) => i),
      Array.from({ length: values.depth }, (_, i) => values.depth - i),
    ];
    for (const row of rows) {
      header.push(`bound_${row.act}`, `${values.y}_per_upstream_${row.act}`);
      columns.push(row.bound, row.measured);
    }
    header.push("weight_max_abs", "weight_gain");
    columns.push(fromTop(result.weights.max_abs), fromTop(result.weights.gain));
    return toCsv(header, columns);
  }

  // Returns true when the layout changed: below 320 px the weights' panel (and its legend)
  // gives its room to the gradients.
  fit(height) {
    const rest = Math.max(110, height - this.formula.offsetHeight);
    const compact = rest < 320;
    const changed = compact !== this.compact;
    this.compact = compact;
    this.weightsBox.hidden = compact;
    const weights = compact ? 0 : Math.max(90, Math.round(rest * 0.28));
    if (!compact) this.weights.setHeight(weights);
    this.chart.setHeight(Math.max(110, rest - weights));
    return changed;
  }

  destroy() {
    this.chart.destroy();
    this.weights.destroy();
  }
}

export default {
  id: "grad",
  op: "gradients",
  controls: [
    { name: "depth" },
    { name: "init" },
    { name: "y" },
    { name: "width" },
    { name: "batch" },
    { name: "seed", kind: "number" },
  ],
  args: ({ init, depth, width, batch, seed }) => ({
    init,
    depth,
    width,
    batch,
    seed,
  }),
  create: (host, ctx) => new GradientsView(host, ctx),
};
