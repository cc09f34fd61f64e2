// Figure 2: the lecture's bound (sup|phi'|)^(k+1) on dL/dtheta^(L-k) beside the gradient the
// engine measures in a network at initialization, relative to the top layer, for sigmoid,
// tanh, ReLU, ELU and SELU, on a log scale against k (layers below the top).
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
import { activationColor } from "../plot/palette.js";

const BOUND_DASH = [6, 4];

// measured[l] for k = 0..L-1 counted from the top, divided by the top layer's value.
function relativeToTop(values) {
  const depth = values.length;
  const top = values[depth - 1];
  return Array.from({ length: depth }, (_, k) => values[depth - 1 - k] / top);
}

class GradientsView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.formula = document.createElement("p");
    this.formula.className = "figure-formula";
    this.box = document.createElement("div");
    this.box.className = "chart";
    this.box.setAttribute("role", "img");
    host.append(this.formula, this.box);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.chart = new Chart(this.box, { height: narrow ? 300 : 400 });
    this.current = null;
  }

  rows(result, values) {
    return result.map((r) => ({
      act: r.act,
      bound: Array.from(r.bound),
      measured: relativeToTop(r[values.y]),
    }));
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    const { t, theme } = ctx;
    this.current = { result, values, rows: this.rows(result, values) };
    renderRich(
      this.formula,
      "$\\dfrac{\\partial L}{\\partial \\theta^{(L-k)}} \\le \\left(\\sup|\\varphi'|\\right)^{k+1}$",
    );
    const k = Array.from({ length: values.depth }, (_, i) => i);
    const lineSeries = [];
    const columns = [k];
    for (const row of this.current.rows) {
      const color = activationColor(row.act);
      lineSeries.push(
        series(
          t("figures.grad.bound", { name: ctx.name("activations", row.act) }),
          color,
          { dash: BOUND_DASH, width: 1.5 },
        ),
      );
      lineSeries.push(
        series(
          t("figures.grad.measured", {
            name: ctx.name("activations", row.act),
          }),
          color,
          { width: 2.5 },
        ),
      );
      columns.push(positiveOrNull(row.bound), positiveOrNull(row.measured));
    }
    this.chart.draw(
      {
        legend: { show: false },
        scales: { x: { time: false }, y: LOG_SCALE },
        axes: [
          axis(t("figures.grad.xAxis"), theme, { values: integerValues }),
          axis(t("figures.grad.yAxis"), theme, {
            size: Y_AXIS_SIZE,
            ...LOG_AXIS,
          }),
        ],
        series: [{}, ...lineSeries],
      },
      columns,
      `${t.lang}|${theme.fg}`,
    );
    const init = ctx.name("initializers", values.init);
    this.box.setAttribute(
      "aria-label",
      t("figures.grad.caption", { depth: values.depth, init }),
    );
  }

  legend() {
    if (!this.current) return [];
    const { t } = this.ctx;
    return [
      ...this.current.rows.map((row) => ({
        label: this.ctx.name("activations", row.act),
        color: activationColor(row.act),
      })),
      {
        label: t("figures.grad.legendBound"),
        color: this.ctx.theme.muted,
        dash: BOUND_DASH,
      },
      { label: t("figures.grad.legendMeasured"), color: this.ctx.theme.muted },
    ];
  }

  title(values) {
    const init = this.ctx.name("initializers", values.init);
    return `${this.ctx.t("figures.grad.title")} — L = ${values.depth}, ${init}`;
  }

  canvases() {
    return [this.chart.canvas()].filter(Boolean);
  }

  csv(result, values) {
    const rows = this.rows(result, values);
    const header = ["k"];
    const columns = [Array.from({ length: values.depth }, (_, i) => i)];
    for (const row of rows) {
      header.push(`bound_${row.act}`, `${values.y}_relative_${row.act}`);
      columns.push(row.bound, row.measured);
    }
    return toCsv(header, columns);
  }

  fit(height) {
    this.chart.setHeight(Math.max(120, height - this.formula.offsetHeight));
  }

  destroy() {
    this.chart.destroy();
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
