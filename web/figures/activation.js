// Figure 1: an activation phi(z) (top) and its derivative phi'(z) (bottom) on [from, to], with
// the saturation regions |phi'| < eps sup|phi'| shaded, sup|phi'| marked, other activations
// for comparison and the tanh = 2 sigma(2z) - 1 identity overlaid. All numbers: the engine's.
import { toCsv } from "../format.js";
import { prepareFormulas, renderFormula } from "../katex.js";
import { PAGE_CAPS } from "../state.js";
import { localNumber, shortNumber } from "../numbers.js";
import { Chart, axis, series } from "../plot/chart.js";
import { compareRange, supStretches } from "../plot/ranges.js";
import { plotBox, xPos, yPos } from "../plot/vector.js";
import { OKABE_ITO, activationColor, displayColor } from "../plot/palette.js";

const IDENTITY_COLOR = OKABE_ITO.skyBlue;
const IDENTITY_DASH = [5, 5];

// Shades [lo, hi] intervals of x over the plotting area.
function shadeRegions(u, p, regions, color) {
  const box = plotBox(u);
  for (const [lo, hi] of regions) {
    const x0 = Math.max(box.left, xPos(u, lo));
    const x1 = Math.min(box.left + box.width, xPos(u, hi));
    if (x1 > x0) p.rect(x0, box.top, x1 - x0, box.height, { fill: color });
  }
}

// sup|phi'|: a dot where it is attained at one point, an open dot where it is only approached,
// a dashed level over the stretches where it holds (ReLU's half-line), never where phi' is
// below it.
function markMaximum(u, p, info, curve, color, background) {
  const box = plotBox(u);
  const y = yPos(u, info.max_derivative);
  const z = info.argmax_derivative;
  const [xMin, xMax] = [u.scales.x.min, u.scales.x.max];
  if (z === null || z < xMin || z > xMax) {
    const segments = [];
    for (const [lo, hi] of supStretches(
      curve.z,
      curve.derivative,
      info.max_derivative,
    )) {
      const x0 = Math.max(box.left, xPos(u, lo));
      const x1 = Math.min(box.left + box.width, xPos(u, hi));
      segments.push([x0, y], [Math.max(x1, x0 + 1), y], null);
    }
    p.line(segments, { stroke: color, width: 2, dash: [4, 4] });
  } else {
    p.circle(
      xPos(u, z),
      y,
      5,
      info.max_attained
        ? { fill: color }
        : { fill: background, stroke: color, width: 2 },
    );
  }
}

// With other activations compared, the saturation belongs to the chosen one only: its curve
// is drawn over with a wide translucent band where it saturates, instead of shading the
// whole height (which would shade every compared curve too).
function highlightSaturated(u, p, regions, z, values, color) {
  const points = [];
  for (const [lo, hi] of regions) {
    for (let i = 0; i < z.length; i++) {
      const inside = z[i] >= lo && z[i] <= hi && Number.isFinite(values[i]);
      points.push(inside ? [xPos(u, z[i]), yPos(u, values[i])] : null);
    }
    points.push(null);
  }
  p.line(points, {
    stroke: color,
    alpha: 0.35,
    width: 9,
    cap: "round",
    join: "round",
  });
}

// Points to sample for drawing: as many as the widest canvas has device pixels.
function drawPoints(n) {
  const pixels = Math.ceil(
    (globalThis.innerWidth ?? 0) * (globalThis.devicePixelRatio || 1),
  );
  return Math.max(n, Math.min(PAGE_CAPS.curvePoints, pixels));
}

class ActivationView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.formulas = document.createElement("div");
    this.formulas.className = "formulas";
    this.formulaValue = document.createElement("div");
    this.formulaDerivative = document.createElement("div");
    this.formulas.append(this.formulaValue, this.formulaDerivative);
    this.valueBox = document.createElement("div");
    this.derivativeBox = document.createElement("div");
    for (const box of [this.valueBox, this.derivativeBox]) {
      box.className = "chart";
      box.setAttribute("role", "img");
    }
    host.append(this.formulas, this.valueBox, this.derivativeBox);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.valueChart = new Chart(this.valueBox, {
      height: narrow ? 190 : 240,
      syncKey: "act",
    });
    this.derivativeChart = new Chart(this.derivativeBox, {
      height: narrow ? 170 : 200,
      syncKey: "act",
    });
    this.current = null;
    prepareFormulas(
      ctx.catalog.activations.flatMap((a) => [a.formula, a.derivative]),
      { display: true },
    );
  }

  // The lines of both charts: the chosen activation, the compared ones, the identity overlay.
  lines(result, values, ctx) {
    const name = ctx.name("activations", values.phi);
    const lines = [
      {
        id: values.phi,
        name,
        color: activationColor(values.phi),
        curve: result.curve,
        width: 2.5,
      },
    ];
    for (const c of result.compare)
      lines.push({
        id: c.id,
        name: ctx.name("activations", c.id),
        color: activationColor(c.id),
        curve: c,
        width: 1.75,
      });
    return lines;
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    const { t, theme } = ctx;
    const { info } = result;
    const plot = result.plot ?? result;
    const { curve, identity } = plot;
    this.current = { result, values };

    const lines = this.lines(plot, values, ctx);
    const comparing = lines.length > 1;
    const primaryColor = displayColor(activationColor(values.phi));
    const shade = theme.shade;
    const maxLabel = this.maxLabel(info, t);
    // Without compared curves uPlot fits y to the data; with them the chosen one sets it.
    const yRange = (key) =>
      comparing
        ? compareRange(
            curve[key],
            lines.slice(1).map((l) => l.curve[key]),
          )
        : null;
    const ranges = { value: yRange("value"), derivative: yRange("derivative") };
    const chartOptions = (yLabel, key, extraSeries, paint) => ({
      legend: { show: false },
      readoutX: "z",
      scales: {
        x: { time: false, range: [values.from, values.to] },
        y: {
          range: (u, min, max) =>
            this.ranges?.[key] ??
            globalThis.uPlot.rangeNum(min, max, 0.1, true),
        },
      },
      axes: [
        key === "value"
          ? axis(null, theme, { size: 30, labelSize: 0 })
          : axis(t("figures.act.zAxis"), theme, { labelSize: 22 }),
        axis(yLabel, theme, { size: 56 }),
      ],
      series: [
        {},
        ...lines.map((l) =>
          series(key === "value" ? l.name : `${l.name}′`, l.color, {
            width: l.width,
          }),
        ),
        ...extraSeries,
      ],
      paint,
    });
    this.ranges = ranges;
    const identitySeries = (label) =>
      identity
        ? [series(label, IDENTITY_COLOR, { width: 2.5, dash: IDENTITY_DASH })]
        : [];
    const columns = (key, overlay) => [
      curve.z,
      ...lines.map((l) => l.curve[key]),
      ...(identity ? [overlay] : []),
    ];
    const signature = `${t.lang}|${theme.fg}`;
    // Shading over the whole height without compared curves; with them, a band along the
    // chosen curve only (drawn after the series, under nothing that matters).
    const saturation = (key) => ({
      drawAxes: [
        (u, p) => {
          if (!this.comparing)
            shadeRegions(u, p, this.current.result.regions, shade);
        },
      ],
      drawSeries: [
        (u, i, p) => {
          if (!this.comparing || i !== 1) return;
          const plotted = this.current.result.plot ?? this.current.result;
          highlightSaturated(
            u,
            p,
            this.current.result.regions,
            plotted.curve.z,
            plotted.curve[key],
            this.primaryColor,
          );
        },
      ],
    });
    this.comparing = comparing;
    this.primaryColor = primaryColor;

    this.valueChart.draw(
      chartOptions(
        t("figures.act.valueAxis"),
        "value",
        identitySeries(t("figures.act.identityValue")),
        saturation("value"),
      ),
      columns("value", identity?.value),
      signature,
    );
    this.derivativeChart.draw(
      chartOptions(
        t("figures.act.derivativeAxis"),
        "derivative",
        identitySeries(t("figures.act.identityDerivative")),
        {
          ...saturation("derivative"),
          draw: [
            (u, p) =>
              markMaximum(
                u,
                p,
                this.current.result.info,
                (this.current.result.plot ?? this.current.result).curve,
                this.primaryColor,
                theme.bg,
              ),
          ],
        },
      ),
      columns("derivative", identity?.derivative),
      signature,
    );
    // The formulas after the canvases: setting a canvas font updates the page's style, which
    // would then include the formulas' new nodes (the next frame styles them anyway).
    renderFormula(this.formulaValue, info.formula, { display: true });
    renderFormula(this.formulaDerivative, info.derivative, { display: true });
    const caption = t("figures.act.caption", {
      name: ctx.name("activations", values.phi),
      from: localNumber(values.from),
      to: localNumber(values.to),
      max: shortNumber(info.max_derivative, 6),
    });
    this.valueBox.setAttribute("aria-label", caption);
    this.derivativeBox.setAttribute("aria-label", maxLabel);
  }

  maxLabel(info, t) {
    const value = shortNumber(info.max_derivative, 6);
    const z = shortNumber(info.argmax_derivative);
    if (info.argmax_derivative === null) return t("figures.act.sup", { value });
    if (!info.max_attained) return t("figures.act.supApproached", { value, z });
    return t("figures.act.max", { value, z });
  }

  legend() {
    if (!this.current) return [];
    const { t } = this.ctx;
    const { result, values } = this.current;
    const items = this.lines(result, values, this.ctx).map((l) => ({
      label: l.name,
      color: l.color,
    }));
    if (result.identity) {
      const { clipped, limit } = result.identity;
      const label = `${t("figures.act.identityValue")}, ${t("figures.act.identityDerivative")}`;
      const note = clipped
        ? ` — ${t("figures.act.identityRange", { limit, range: 2 * limit })}`
        : "";
      items.push({
        label: label + note,
        color: IDENTITY_COLOR,
        dash: IDENTITY_DASH,
      });
    }
    const info = result.info;
    items.push({
      label: this.maxLabel(info, t),
      color: activationColor(values.phi),
      marker:
        info.argmax_derivative === null
          ? null
          : info.max_attained
            ? "dot"
            : "circle",
      dash: info.argmax_derivative === null ? [4, 4] : null,
    });
    const eps = localNumber(values.eps);
    if (result.compare.length)
      items.push({
        label: t("figures.act.saturatedOf", {
          name: this.ctx.name("activations", values.phi),
          eps,
        }),
        fill: displayColor(activationColor(values.phi)) + "59", // its band, alpha 0.35
      });
    else
      items.push({
        label: t("figures.act.saturated", { eps }),
        fill: this.ctx.theme.shade,
      });
    return items;
  }

  // "ELU, α = 1: φ(z) and φ′(z), z ∈ [-6; 6], ε = 0.1 — max φ′ = 1 at z = 0".
  title(values) {
    const { t, catalog } = this.ctx;
    const info = catalog.activations.find((a) => a.id === values.phi);
    const alpha = info?.alpha
      ? `, α = ${localNumber(values.alpha ?? info.alpha.default)}`
      : "";
    const range = `z ∈ [${localNumber(values.from)}; ${localNumber(values.to)}]`;
    return `${this.ctx.name("activations", values.phi)}${alpha}: ${t("figures.act.title")}, ${range}, ε = ${localNumber(values.eps)} — ${this.maxLabel(this.current.result.info, t)}`;
  }

  canvases() {
    return [this.valueChart.canvas(), this.derivativeChart.canvas()].filter(
      Boolean,
    );
  }

  // The numbers shown, in the CLI's format: `actlab curve` prints exactly the first three columns.
  csv(result) {
    const header = ["z", "value", "derivative"];
    const columns = [
      result.curve.z,
      result.curve.value,
      result.curve.derivative,
    ];
    for (const c of result.compare) {
      header.push(`value_${c.id}`, `derivative_${c.id}`);
      columns.push(c.value, c.derivative);
    }
    if (result.identity) {
      header.push("identity_value", "identity_derivative");
      columns.push(result.identity.value, result.identity.derivative);
    }
    return toCsv(header, columns);
  }

  fit(height) {
    const formulas = this.formulas.offsetHeight;
    const each = Math.max(90, Math.floor((height - formulas) / 2));
    this.valueChart.setHeight(each);
    this.derivativeChart.setHeight(each);
  }

  destroy() {
    this.valueChart.destroy();
    this.derivativeChart.destroy();
  }
}

export default {
  id: "act",
  op: "activation",
  exactCsv: true, // `actlab curve`'s bytes: no comment line
  controls: [
    { name: "phi" },
    { name: "alpha" },
    { name: "from" },
    { name: "to" },
    { name: "eps" },
    { name: "id", visibleWhen: (values) => values.phi === "tanh" },
    { name: "cmp", exclude: "phi" },
  ],
  args: (values) => ({ ...values, drawPoints: drawPoints(values.n) }),
  create: (host, ctx) => new ActivationView(host, ctx),
};
