// Figure 3: signal propagation at initialization. Top: a layer-by-value heat map of the
// histograms of h^(l) (or of log10|dL/dz^(l)|); middle: per-layer mean and std (or the
// gradient's std, log scale); bottom: the fractions of saturated and dead units.
import { toCsv } from "../format.js";
import {
  Chart,
  LOG_AXIS,
  LOG_SCALE,
  Y_AXIS_SIZE,
  axis,
  integerValues,
  layerNumbers,
  positiveOrNull,
  series,
} from "../plot/chart.js";
import { OKABE_ITO } from "../plot/palette.js";
import { colorbarStops, drawHeatmap } from "../plot/heatmap.js";
import { networkCaption } from "./caption.js";
import { OverflowMark, finiteOrNull, overflowNotes } from "./overflow.js";

const COLORS = {
  mean: OKABE_ITO.blue,
  std: OKABE_ITO.vermillion,
  gradStd: OKABE_ITO.vermillion,
  saturated: OKABE_ITO.orange,
  dead: OKABE_ITO.purple,
};

const FRACTION_AXIS_SIZE = 44;

function chartBox(host, className) {
  const box = document.createElement("div");
  box.className = `chart ${className}`;
  box.setAttribute("role", "img");
  host.append(box);
  return box;
}

class PropagationView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.heatBox = chartBox(host, "heatmap");
    this.statsBox = chartBox(host, "stats");
    this.fractionBox = chartBox(host, "fractions");
    this.overflow = new OverflowMark(host);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.heat = new Chart(this.heatBox, {
      height: narrow ? 220 : 300,
      syncKey: "prop",
    });
    this.stats = new Chart(this.statsBox, {
      height: narrow ? 150 : 170,
      syncKey: "prop",
    });
    this.fractions = new Chart(this.fractionBox, {
      height: narrow ? 130 : 150,
      syncKey: "prop",
    });
    // Compact (a small embed): the fractions join the statistics chart on a right-hand axis.
    this.compact = false;
    this.current = null;
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    const { t, theme } = ctx;
    this.current = { result, values };
    this.overflow.show(overflowNotes(t, [result]));
    const { layers } = result;
    const depth = result.depth;
    const x = layerNumbers(depth);
    const grad = values.hist === "grad";
    const edges = grad ? result.grad_hist_edges : result.act_hist_edges;
    const xScale = { time: false, range: [0.5, depth + 0.5] };
    // Only the lowest chart names its layer axis; compact, the heat map drops its own ticks.
    const layerAxis = (shown) => {
      if (shown === "none") return { show: false };
      if (shown === "ticks")
        return axis(null, theme, {
          values: integerValues,
          size: 28,
          labelSize: 0,
        });
      return axis(t("figures.prop.layerAxis"), theme, {
        values: integerValues,
      });
    };
    const signature = `${t.lang}|${theme.fg}|${values.hist}|${this.compact}`;

    this.heat.draw(
      {
        legend: { show: false },
        cursor: { points: { show: false } },
        scales: {
          x: xScale,
          y: { range: [edges[0], edges[edges.length - 1]] },
        },
        axes: [
          layerAxis(this.compact ? "none" : "ticks"),
          axis(
            grad ? t("figures.prop.gradAxis") : t("figures.prop.valueAxis"),
            theme,
            { size: Y_AXIS_SIZE },
          ),
          // Compact, an empty right margin as wide as the fraction axis below keeps layers aligned.
          ...(this.compact
            ? [
                {
                  scale: "y",
                  side: 1,
                  size: FRACTION_AXIS_SIZE,
                  values: (u, splits) => splits.map(() => ""),
                  grid: { show: false },
                  ticks: { show: false },
                },
              ]
            : []),
        ],
        series: [
          {},
          { label: "", stroke: "transparent", points: { show: false } },
        ],
        hooks: {
          draw: [
            (u) => {
              const { result: r, values: v } = this.current;
              const g = v.hist === "grad";
              drawHeatmap(
                u,
                g ? r.layers.grad_hist : r.layers.act_hist,
                g ? r.grad_hist_edges : r.act_hist_edges,
                r.depth,
              );
            },
          ],
        },
      },
      [x, x.map(() => null)],
      signature,
    );

    const statsSeries = grad
      ? [series(t("figures.prop.gradStd"), COLORS.gradStd)]
      : [
          series(t("figures.prop.mean"), COLORS.mean),
          series(t("figures.prop.std"), COLORS.std),
        ];
    const statsData = grad
      ? [x, positiveOrNull(layers.grad_pre_std)]
      : [x, finiteOrNull(layers.act_mean), finiteOrNull(layers.act_std)];
    const fractionSeries = (scale) => [
      { ...series(t("figures.prop.saturated"), COLORS.saturated), scale },
      {
        ...series(t("figures.prop.dead"), COLORS.dead, { dash: [5, 3] }),
        scale,
      },
    ];
    const fractionData = [
      finiteOrNull(layers.saturated),
      finiteOrNull(layers.dead),
    ];
    const compact = this.compact;
    this.fractionBox.hidden = compact;
    this.stats.draw(
      {
        legend: { show: false },
        scales: {
          x: xScale,
          y: grad ? LOG_SCALE : {},
          ...(compact ? { fraction: { range: [0, 1] } } : {}),
        },
        axes: [
          layerAxis("ticks"),
          axis(
            grad ? t("figures.prop.gradStd") : t("figures.prop.statsAxis"),
            theme,
            { size: Y_AXIS_SIZE, ...(grad ? { ...LOG_AXIS } : {}) },
          ),
          ...(compact
            ? [
                axis(t("figures.prop.fractionAxis"), theme, {
                  scale: "fraction",
                  side: 1,
                  size: FRACTION_AXIS_SIZE,
                  grid: { show: false },
                }),
              ]
            : []),
        ],
        series: [
          {},
          ...statsSeries.map((s) => ({
            ...s,
            points: { show: depth <= 40, size: 4 },
          })),
          ...(compact ? fractionSeries("fraction") : []),
        ],
      },
      compact ? [...statsData, ...fractionData] : statsData,
      `${signature}|${compact}`,
    );

    if (!compact) {
      this.fractions.draw(
        {
          legend: { show: false },
          scales: { x: xScale, y: { range: [0, 1] } },
          axes: [
            layerAxis("label"),
            axis(t("figures.prop.fractionAxis"), theme, { size: Y_AXIS_SIZE }),
          ],
          series: [{}, ...fractionSeries("y")],
        },
        [x, ...fractionData],
        signature,
      );
    }
    const caption = t("figures.prop.caption", {
      depth,
      phi: ctx.name("activations", values.phi),
      init: ctx.name("initializers", values.init),
    });
    this.heatBox.setAttribute("aria-label", caption);
    this.statsBox.setAttribute(
      "aria-label",
      statsSeries.map((s) => s.label).join(", "),
    );
    this.fractionBox.setAttribute(
      "aria-label",
      `${t("figures.prop.saturated")}, ${t("figures.prop.dead")}`,
    );
  }

  legend() {
    if (!this.current) return [];
    const { t } = this.ctx;
    const grad = this.current.values.hist === "grad";
    return [
      { label: t("figures.prop.count"), gradient: colorbarStops() },
      ...(grad
        ? [{ label: t("figures.prop.gradStd"), color: COLORS.gradStd }]
        : [
            { label: t("figures.prop.mean"), color: COLORS.mean },
            { label: t("figures.prop.std"), color: COLORS.std },
          ]),
      { label: t("figures.prop.saturated"), color: COLORS.saturated },
      { label: t("figures.prop.dead"), color: COLORS.dead, dash: [5, 3] },
    ];
  }

  title(values) {
    const ctx = this.ctx;
    return `${ctx.t("figures.prop.title")} — ${ctx.name("activations", values.phi)}, ${ctx.name("initializers", values.init)}, ${networkCaption(ctx, values)}`;
  }

  canvases() {
    const charts = this.compact
      ? [this.heat, this.stats]
      : [this.heat, this.stats, this.fractions];
    return charts.map((c) => c.canvas()).filter(Boolean);
  }

  // One row per layer: its statistics, then the shown histogram's counts, bins named by edges.
  csv(result, values) {
    const { layers } = result;
    const keys = [
      "pre_mean",
      "pre_std",
      "act_mean",
      "act_std",
      "saturated",
      "dead",
      "grad_pre_std",
      "grad_act_std",
      "weight_grad_rms",
    ];
    const grad = values.hist === "grad";
    const edges = grad ? result.grad_hist_edges : result.act_hist_edges;
    const hist = grad ? layers.grad_hist : layers.act_hist;
    const bins = edges.length - 1;
    const prefix = grad ? "grad_hist" : "act_hist";
    const header = ["layer", ...keys];
    const columns = [Array.from(layers.index), ...keys.map((k) => layers[k])];
    for (let m = 0; m < bins; m++) {
      header.push(`${prefix}[${edges[m]};${edges[m + 1]})`);
      columns.push(
        Array.from({ length: result.depth }, (_, l) => hist[l * bins + m]),
      );
    }
    return toCsv(header, columns);
  }

  // Returns true when the layout changed and the figure must be drawn again.
  fit(height) {
    const compact = height < 420;
    const changed = compact !== this.compact;
    this.compact = compact;
    if (compact) {
      this.heat.setHeight(Math.max(80, Math.round(height * 0.5)));
      this.stats.setHeight(Math.max(80, height - Math.round(height * 0.5)));
    } else {
      this.heat.setHeight(Math.max(100, Math.round(height * 0.5)));
      this.stats.setHeight(Math.max(70, Math.round(height * 0.26)));
      this.fractions.setHeight(Math.max(70, Math.round(height * 0.24)));
    }
    return changed;
  }

  destroy() {
    for (const chart of [this.heat, this.stats, this.fractions])
      chart.destroy();
  }
}

export default {
  id: "prop",
  op: "propagation",
  controls: [
    { name: "phi" },
    { name: "init" },
    { name: "hist" },
    { name: "depth" },
    { name: "width" },
    { name: "batch" },
    { name: "sx" },
    {
      name: "istd",
      kind: "number",
      visibleWhen: (values) => values.init === "normal",
    },
    { name: "seed", kind: "number" },
  ],
  args: ({ phi, init, istd, depth, width, batch, seed, sx, bins }) => ({
    phi,
    init,
    istd: init === "normal" ? istd : null,
    depth,
    width,
    batch,
    seed,
    sx,
    bins,
  }),
  create: (host, ctx) => new PropagationView(host, ctx),
};
