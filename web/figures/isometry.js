// Figure 8: dynamical isometry (Pennington, Schoenholz & Ganguli 2017). The histogram of the
// singular values s of a real network's input-output Jacobian J = D_L W_L ... D_1 W_1, for
// Gaussian and orthogonal weights of the same sigma_w2, on a log axis of s with the engine's
// shared bins; beside it the mean and variance of lambda = s^2 measured and predicted by
// free probability, and the mean-field chi1 and q* at (sigma_w2, sigma_b2).
import { formatShort, toCsv } from "../format.js";
import { renderRich } from "../katex.js";
import { localNumber } from "../numbers.js";
import { Chart, LOG_AXIS, LOG_SCALE, axis, series } from "../plot/chart.js";
import { OKABE_ITO, displayColor } from "../plot/palette.js";
import { WEIGHT_RUNS } from "../isometry/ops.js";

export const WEIGHT_COLORS = {
  gaussian: OKABE_ITO.blue,
  orthogonal: OKABE_ITO.vermillion,
};
// The moments chart's rows, top to bottom, and each run's offset within a row.
const MOMENT_ROWS = ["mean", "variance"];
const RUN_OFFSET = { gaussian: 0.15, orthogonal: -0.15 };
// A moment this far below the largest one shown is drawn at the axis's left end (0 included).
const MOMENT_DECADES = 12;

// A moment past double precision (variance of lambda at sigma_w2 = 10, depth 200) reads as ∞.
const number = (x) =>
  Number.isFinite(x) ? localNumber(formatShort(x, 4)) : x > 0 ? "∞" : "—";
// Both charts' y axes, wide enough for the rows' names at the export's 14 px, so that their
// x axes line up.
const AXIS_SIZE = 84;

function chartBox(host) {
  const box = document.createElement("div");
  box.className = "chart";
  box.setAttribute("role", "img");
  host.append(box);
  return box;
}

// Whole decades around [lo, hi], at least one on each side of a single value.
function decadeRange(lo, hi) {
  let a = Math.floor(Math.log10(lo) + 1e-9);
  let b = Math.ceil(Math.log10(hi) - 1e-9);
  if (b - a < 2) [a, b] = [a - 1, b + 1];
  return [Number(`1e${a}`), Number(`1e${b}`)];
}

// The moments a run shows: measured, and predicted for its own kind of weights.
function runMoments(run) {
  return { measured: run.moments, predicted: run.predicted[run.weights] };
}

function weightsLabel(t, weights) {
  return t(`figures.iso.weights.${weights}`);
}

class IsometryView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.histBox = chartBox(host);
    this.momentBox = chartBox(host);
    this.numbers = document.createElement("div");
    this.numbers.className = "figure-formula iso-numbers";
    host.append(this.numbers);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.histChart = new Chart(this.histBox, { height: narrow ? 210 : 260 });
    this.momentChart = new Chart(this.momentBox, { height: 120 });
    this.current = null;
    this.compact = false;
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    this.current = { result, values };
    this.drawHistogram(result, values, ctx);
    this.drawMoments(result, ctx);
    this.renderNumbers(result, values, ctx);
  }

  drawHistogram(result, values, ctx) {
    const { t, theme } = ctx;
    const { edges, counts } = result.histogram;
    const x = edges.length ? Array.from(edges) : [0.1, 10];
    const columns = result.runs.map((run, i) =>
      edges.length ? [...counts[i], 0] : [0, 0],
    );
    const peak = Math.max(1, ...columns.flat());
    const stepped = globalThis.uPlot.paths.stepped({ align: 1 });
    const lines = result.runs.map((run) => ({
      ...series(weightsLabel(t, run.weights), WEIGHT_COLORS[run.weights], {
        width: 2,
      }),
      paths: stepped,
      fill: `${displayColor(WEIGHT_COLORS[run.weights])}33`,
    }));
    const range = decadeRange(x[0], x[x.length - 1]);
    const options = {
      legend: { show: false },
      readoutX: t("figures.iso.binFrom"),
      padding: [12, 18, null, null],
      scales: {
        x: { ...LOG_SCALE, time: false, range },
        y: { range: [0, Math.ceil(peak * 1.08)] },
      },
      axes: [
        axis(this.compact ? null : t("figures.iso.sAxis"), theme, LOG_AXIS),
        axis(t("figures.iso.countAxis"), theme, { size: AXIS_SIZE }),
      ],
      series: [{}, ...lines],
    };
    const signature = `${t.lang}|${theme.fg}|${result.runs.map((r) => r.weights)}|${this.compact}`;
    this.histChart.draw(options, [x, ...columns], signature);
    // What is drawn, for tests: the shared edges and each run's counts.
    this.histBox.dataset.bins = JSON.stringify({
      edges: Array.from(edges),
      counts: counts.map((c) => Array.from(c)),
    });
    this.histBox.setAttribute(
      "aria-label",
      t("figures.iso.caption", {
        phi: ctx.name("activations", values.phi),
        depth: values.depth,
        width: values.width,
      }),
    );
  }

  // Dots: measured mean and variance of lambda; rings: predicted; one row each.
  drawMoments(result, ctx) {
    const { t, theme } = ctx;
    const shown = result.runs.flatMap((run) => {
      const m = runMoments(run);
      return MOMENT_ROWS.flatMap((row) => [m.measured[row], m.predicted[row]]);
    });
    // Only finite moments are drawn; the text line gives ∞ for one past double precision.
    const finite = shown.filter((v) => Number.isFinite(v) && v > 0);
    const top = Math.max(...finite, 1e-300);
    const floor = top * 10 ** -MOMENT_DECADES;
    const positive = finite.filter((v) => v >= floor);
    const range = decadeRange(Math.min(...positive), top);
    const at = (v) => Math.max(v, range[0]);
    const dpr = devicePixelRatio || 1;
    const markers = (u) => {
      const c = u.ctx;
      c.save();
      for (const run of result.runs) {
        const color = displayColor(WEIGHT_COLORS[run.weights]);
        const m = runMoments(run);
        MOMENT_ROWS.forEach((row, r) => {
          const y = u.valToPos(
            MOMENT_ROWS.length - 1 - r + RUN_OFFSET[run.weights],
            "y",
            true,
          );
          const dot = (v, filled) => {
            if (!Number.isFinite(v)) return;
            const px = u.valToPos(at(v), "x", true);
            c.beginPath();
            c.arc(px, y, (filled ? 4 : 7) * dpr, 0, 2 * Math.PI);
            c.lineWidth = 2 * dpr;
            c.strokeStyle = color;
            c.fillStyle = color;
            if (filled) c.fill();
            else c.stroke();
          };
          dot(m.predicted[row], false);
          dot(m.measured[row], true);
        });
      }
      c.restore();
    };
    const rowLabels = [t("figures.iso.varRow"), t("figures.iso.meanRow")];
    const options = {
      legend: { show: false },
      cursor: { show: false },
      padding: [6, 18, null, null],
      scales: {
        x: { ...LOG_SCALE, time: false, range },
        y: { range: [-0.5, MOMENT_ROWS.length - 0.5] },
      },
      axes: [
        axis(
          this.compact ? null : t("figures.iso.lambdaAxis"),
          theme,
          LOG_AXIS,
        ),
        axis(null, theme, {
          size: AXIS_SIZE,
          splits: () => [0, 1],
          values: () => rowLabels,
          grid: { show: false },
        }),
      ],
      series: [{}],
      hooks: { draw: [markers] },
    };
    const signature = `${t.lang}|${theme.fg}|${this.compact}|${result.runs.map((r) => r.weights)}|${range}`;
    this.momentChart.draw(options, [range], signature);
    this.momentBox.setAttribute("aria-label", t("figures.iso.momentsCaption"));
  }

  renderNumbers(result, values, ctx) {
    const { t } = ctx;
    const lines = result.runs.map((run, i) => {
      const m = runMoments(run);
      return t("figures.iso.runLine", {
        weights: weightsLabel(t, run.weights),
        mean: number(m.measured.mean),
        meanTheory: number(m.predicted.mean),
        variance: number(m.measured.variance),
        varianceTheory: number(m.predicted.variance),
        zeros: result.histogram.zeros[i],
        width: values.width,
      });
    });
    const { chi1, q_star: q } = result.fixed;
    lines.push(
      chi1 === null || q === null
        ? t("figures.iso.noFixedPoint")
        : t("figures.iso.fixedLine", {
            chi1: number(chi1),
            q: number(q),
          }),
    );
    this.numbers.replaceChildren(
      ...lines.map((text) => {
        const p = document.createElement("p");
        renderRich(p, text);
        return p;
      }),
    );
  }

  legend() {
    if (!this.current) return [];
    const { t } = this.ctx;
    const { result } = this.current;
    const items = result.runs.map((run, i) => ({
      label: t("figures.iso.legendRun", {
        weights: weightsLabel(t, run.weights),
        zeros: result.histogram.zeros[i],
        width: this.current.values.width,
      }),
      color: WEIGHT_COLORS[run.weights],
      fill: `${displayColor(WEIGHT_COLORS[run.weights])}66`,
    }));
    items.push(
      {
        label: t("figures.iso.legendMeasured"),
        color: this.ctx.theme.fg,
        marker: "dot",
      },
      {
        label: t("figures.iso.legendPredicted"),
        color: this.ctx.theme.fg,
        marker: "circle",
      },
    );
    return items;
  }

  title(values) {
    const { t, name } = this.ctx;
    return t("figures.iso.embedTitle", {
      phi: name("activations", values.phi),
      weights: WEIGHT_RUNS[values.weights]
        .map((w) => weightsLabel(t, w))
        .join(", "),
      sw2: localNumber(values.sw2),
      sb2: localNumber(values.sb2),
      sx: localNumber(values.sx),
      depth: values.depth,
      width: values.width,
      seed: values.seed,
    });
  }

  canvases() {
    return [this.histChart.canvas(), this.momentChart.canvas()].filter(Boolean);
  }

  // `actlab jacobian --format csv`'s rows for each run, one header.
  csv(result) {
    const init = [];
    const quantity = [];
    const index = [];
    const value = [];
    for (const run of result.runs) {
      run.singular_values.forEach((s, i) => {
        init.push(run.init);
        quantity.push("singular_value");
        index.push(i + 1);
        value.push(s);
      });
      const rows = [
        ["moments.mean", run.moments.mean],
        ["moments.variance", run.moments.variance],
        ["predicted.gaussian.mean", run.predicted.gaussian.mean],
        ["predicted.gaussian.variance", run.predicted.gaussian.variance],
        ["predicted.orthogonal.mean", run.predicted.orthogonal.mean],
        ["predicted.orthogonal.variance", run.predicted.orthogonal.variance],
      ];
      for (const [name, v] of rows) {
        init.push(run.init);
        quantity.push(name);
        index.push("");
        value.push(v);
      }
    }
    return toCsv(
      ["init", "quantity", "index", "value"],
      [init, quantity, index, value],
    );
  }

  // Returns true when the charts must be drawn again (compact mode changed).
  fit(height) {
    const compact = height < 480;
    this.numbers.style.display = compact ? "none" : "";
    const rest = height - this.numbers.offsetHeight;
    this.momentChart.setHeight(Math.max(70, Math.floor(rest * 0.3)));
    this.histChart.setHeight(Math.max(100, Math.floor(rest * 0.7)));
    const changed = compact !== this.compact;
    this.compact = compact;
    return changed;
  }

  destroy() {
    this.histChart.destroy();
    this.momentChart.destroy();
  }
}

export default {
  id: "iso",
  op: "isometry",
  controls: [
    { name: "phi" },
    { name: "alpha" },
    { name: "weights" },
    { name: "depth" },
    { name: "width" },
    { name: "sw2" },
    { name: "sb2" },
    { name: "sx" },
    { name: "seed", kind: "number" },
  ],
  args: ({ phi, alpha, weights, depth, width, sw2, sb2, sx, seed }) => ({
    phi,
    alpha,
    weights,
    depth,
    width,
    sw2,
    sb2,
    sx,
    seed,
  }),
  create: (host, ctx) => new IsometryView(host, ctx),
};
