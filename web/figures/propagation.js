// Figure 3: signal propagation at initialization. Top: a layer-by-value heat map of the
// histograms of h^(l), log10|h^(l)| or log10|dL/dz^(l)|, with their tail rows (exact zeros,
// below and above the range) and a hover and keyboard readout; middle: per-layer mean and std
// (or the gradient's std, log scale); bottom: the fraction of saturated values and of dead
// units.
import { toCsv } from "../format.js";
import { shortNumber } from "../numbers.js";
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
import {
  COLORBAR_SIZE,
  cellCount,
  colorbarStops,
  drawHeatmap,
  heatLayout,
  lowEnd,
  slotFraction,
  peakCount,
} from "../plot/heatmap.js";
import { fontSizeOf } from "../plot/painter.js";
import { networkCaption } from "./caption.js";
import { theoryColumn, theoryLegend, theorySeries } from "./theory_overlay.js";
import { OverflowMark, finiteOrNull, overflowNotes } from "./overflow.js";

const COLORS = {
  mean: OKABE_ITO.blue,
  std: OKABE_ITO.vermillion,
  gradStd: OKABE_ITO.vermillion,
  saturated: OKABE_ITO.orange,
  dead: OKABE_ITO.purple,
};

const FRACTION_AXIS_SIZE = COLORBAR_SIZE; // the right margins line the layers up

// Per histogram (prop.hist): the engine's fields and the i18n key of its value axis.
export const HISTOGRAMS = {
  act: { hist: "act_hist", tails: "act_tails", edges: "act_hist_edges" },
  log_act: {
    hist: "log_act_hist",
    tails: "log_act_tails",
    edges: "log_act_hist_edges",
  },
  grad: { hist: "grad_hist", tails: "grad_tails", edges: "grad_hist_edges" },
};

// A number as the page's language writes it: the decimal comma in Russian.
const localNumber = (t, x) => shortNumber(x, 4, t.lang);

// An empty right-hand axis as wide as the colour bar's margin.
const EMPTY_RIGHT = {
  scale: "y",
  side: 1,
  size: COLORBAR_SIZE,
  values: (u, splits) => splits.map(() => ""),
  grid: { show: false },
  ticks: { show: false },
};

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
    // The heat map's readout: a cell under the pointer, or chosen with the arrow keys.
    this.heatBox.tabIndex = 0;
    this.readout = document.createElement("p");
    this.readout.className = "heatmap-readout";
    this.readout.setAttribute("aria-live", "polite");
    host.append(this.readout);
    this.selected = null; // {layer (1..L), row (heatLayout's)}
    this.heatBox.addEventListener("keydown", (event) => this.onKey(event));
    this.heatBox.addEventListener("focus", () => {
      if (!this.selected && this.current) this.select({ layer: 1, row: 0 });
    });
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
    const map = this.heatmap(result, values, ctx);
    this.map = map;
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
    // Read when uPlot draws, from the newest map: a redraw with the same signature keeps the
    // axes' functions of the first draw.
    const inBins = (v) => {
      const { lo, hi } = this.map.layout;
      return v >= lo - 1e-9 * (hi - lo) && v <= hi + 1e-9 * (hi - lo);
    };

    this.heat.draw(
      {
        legend: { show: false },
        cursor: { points: { show: false } },
        scales: {
          x: xScale,
          y: { range: map.layout.range },
        },
        axes: [
          layerAxis(this.compact ? "none" : "ticks"),
          axis(t(`figures.prop.valueAxis.${values.hist}`), theme, {
            size: Y_AXIS_SIZE,
            // The value axis labels the bins only; the tail rows carry their own names.
            filter: (u, splits) => splits.map((v) => (inBins(v) ? v : null)),
            values: (u, splits) =>
              splits.map((v) => (v === null ? "" : localNumber(t, v))),
          }),
          EMPTY_RIGHT,
        ],
        series: [
          {},
          { label: "", stroke: "transparent", points: { show: false } },
        ],
        paint: {
          draw: [
            (u, p) =>
              drawHeatmap(u, p, { ...this.map, selected: this.selected }),
          ],
        },
        hooks: { setCursor: [(u) => this.onCursor(u)] },
      },
      [x, x.map(() => null)],
      signature,
    );
    this.heatPlot = this.heat.plot;
    this.updateReadout();

    const theoryLabel = t("figures.edge.theoryShort");
    const statsSeries = grad
      ? [
          series(t("figures.prop.gradStd"), COLORS.gradStd),
          theorySeries(theoryLabel, COLORS.gradStd),
        ]
      : [
          series(t("figures.prop.mean"), COLORS.mean),
          series(t("figures.prop.std"), COLORS.std),
          theorySeries(theoryLabel, COLORS.std),
        ];
    const statsData = grad
      ? [
          x,
          positiveOrNull(layers.grad_pre_std),
          theoryColumn(result.theory, "grad_pre_std"),
        ]
      : [
          x,
          finiteOrNull(layers.act_mean),
          finiteOrNull(layers.act_std),
          theoryColumn(result.theory, "act_std"),
        ];
    const saturatedLabel = t("figures.prop.saturated", {
      eps: localNumber(t, values.eps),
    });
    const fractionSeries = (scale) => [
      { ...series(saturatedLabel, COLORS.saturated), scale },
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
          compact
            ? axis(t("figures.prop.fractionAxis"), theme, {
                scale: "fraction",
                side: 1,
                size: FRACTION_AXIS_SIZE,
                grid: { show: false },
              })
            : EMPTY_RIGHT,
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
            EMPTY_RIGHT,
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
      `${saturatedLabel}, ${t("figures.prop.dead")}`,
    );
  }

  // What the heat map draws for the shown histogram: rows, counts, colours, labels.
  heatmap(result, values, ctx) {
    const { t, theme } = ctx;
    const fields = HISTOGRAMS[values.hist];
    // The plot's height: the chart's less the x axis (and uPlot's padding).
    const layout = heatLayout(
      result[fields.edges],
      slotFraction(this.heat.height - 40),
    );
    const hist = result.layers[fields.hist];
    const tails = result.layers[fields.tails];
    const depth = result.depth;
    return {
      layout,
      hist,
      tails,
      depth,
      peak: peakCount(layout, hist, tails, depth),
      low: lowEnd(theme.bg),
      labels: {
        zero: t("figures.prop.tails.zero", {
          raw: t(`figures.prop.raw.${values.hist}`),
        }),
        below: t("figures.prop.tails.below"),
        above: t("figures.prop.tails.above"),
      },
      number: (v) => localNumber(t, v),
      fg: theme.fg,
      fontSize: fontSizeOf(theme.font),
    };
  }

  // The pointer over the heat map selects the cell under it.
  onCursor(u) {
    const { left, top } = u.cursor;
    if (!this.map || left === undefined || left < 0 || top < 0) return;
    const layer = Math.round(u.posToVal(left, "x"));
    const y = u.posToVal(top, "y");
    const row = this.map.layout.rows.findIndex((r) => y >= r.y0 && y < r.y1);
    if (layer < 1 || layer > this.map.depth || row < 0) return;
    this.select({ layer, row });
  }

  onKey(event) {
    if (!this.map) return;
    const moves = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowDown: [0, -1],
      ArrowUp: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const current = this.selected ?? { layer: 1, row: 0 };
    const clamp = (v, max) => Math.min(max, Math.max(0, v));
    this.select({
      layer: clamp(current.layer + move[0] - 1, this.map.depth - 1) + 1,
      row: clamp(current.row + move[1], this.map.layout.rows.length - 1),
    });
  }

  select(cell) {
    const same =
      this.selected &&
      this.selected.layer === cell.layer &&
      this.selected.row === cell.row;
    this.selected = cell;
    if (same) return;
    this.updateReadout();
    this.heatPlot?.redraw(false, false);
  }

  // "layer 3, h in [0.1, 0.2): 1234 of 16384 values".
  updateReadout() {
    const { t } = this.ctx;
    const map = this.map;
    if (!map || !this.selected) {
      // A small embed keeps its room for the heat map: the hint only on the page.
      this.readout.textContent = this.compact
        ? ""
        : t("figures.prop.readoutHint");
      return;
    }
    const { layer, row } = this.selected;
    if (layer > map.depth || row >= map.layout.rows.length) {
      this.selected = null;
      return this.updateReadout();
    }
    const r = map.layout.rows[row];
    const n = (v) => localNumber(t, v);
    const where = r.tail
      ? t(`figures.prop.readoutTail.${r.tail}`, {
          lo: n(map.layout.lo),
          hi: n(map.layout.hi),
        })
      : `∈ [${n(r.y0)}; ${n(r.y1)}${r.y1 === map.layout.hi ? "]" : ")"}`;
    const entries = this.current.result.width * this.current.result.batch;
    const hist = this.current.values.hist;
    this.readout.textContent = t("figures.prop.readout", {
      layer,
      // "= 0" counts the value itself (h or dL/dz), not its logarithm.
      quantity: t(
        `figures.prop.${r.tail === "zero" ? "raw" : "valueAxis"}.${hist}`,
      ),
      where,
      count: cellCount(map.layout, map.hist, map.tails, layer - 1, row),
      total: entries,
    });
  }

  legend() {
    if (!this.current) return [];
    const { t } = this.ctx;
    const { values } = this.current;
    const grad = values.hist === "grad";
    return [
      {
        label: t("figures.prop.count"),
        gradient: colorbarStops(this.map?.low ?? 0),
      },
      ...(grad
        ? [{ label: t("figures.prop.gradStd"), color: COLORS.gradStd }]
        : [
            { label: t("figures.prop.mean"), color: COLORS.mean },
            { label: t("figures.prop.std"), color: COLORS.std },
          ]),
      theoryLegend(t, grad ? COLORS.gradStd : COLORS.std, values.init),
      {
        label: t("figures.prop.saturated", { eps: localNumber(t, values.eps) }),
        color: COLORS.saturated,
      },
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

  // One row per layer: `actlab propagate --format text`'s columns (the engine's field table),
  // then the shown histogram's counts, bins named by edges.
  csv(result, values) {
    const { layers } = result;
    const [layer, ...keys] = this.ctx.catalog.fields.columns;
    const fields = HISTOGRAMS[values.hist];
    const edges = result[fields.edges];
    const hist = layers[fields.hist];
    const tails = layers[fields.tails];
    const bins = edges.length - 1;
    const prefix = fields.hist;
    const header = [layer, ...keys];
    const columns = [Array.from(layers.index), ...keys.map((k) => layers[k])];
    for (let m = 0; m < bins; m++) {
      const close = m === bins - 1 ? "]" : ")";
      header.push(`${prefix}[${edges[m]};${edges[m + 1]}${close}`);
      columns.push(
        Array.from({ length: result.depth }, (_, l) => hist[l * bins + m]),
      );
    }
    // The tails by the engine's names: zero, below edges[0], above edges[M] (and NaN).
    for (const [name, counts] of Object.entries(tails)) {
      header.push(`${prefix}_${name}`);
      columns.push(counts);
    }
    return toCsv(header, columns);
  }

  // Returns true when the layout changed and the figure must be drawn again.
  fit(available) {
    const height = available - this.readout.offsetHeight;
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
    { name: "eps" },
    {
      name: "istd",
      kind: "number",
      visibleWhen: (values) => values.init === "normal",
    },
    { name: "seed", kind: "number" },
  ],
  args: ({ phi, init, istd, depth, width, batch, seed, sx, bins, eps }) => ({
    phi,
    init,
    istd: init === "normal" ? istd : null,
    depth,
    width,
    batch,
    seed,
    sx,
    bins,
    eps,
  }),
  create: (host, ctx) => new PropagationView(host, ctx),
};
