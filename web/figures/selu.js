// Figure 5: SELU's self-normalization. The mean and the variance of every layer's output
// through up to 200 layers, against the fixed point (0, 1), for the chosen activation and
// initializer, with SELU + LeCun normal as the reference; SELU's constants from the engine's
// catalog.
import { formatG17, toCsv } from "../format.js";
import { renderRich } from "../katex.js";
import {
  Chart,
  LOG_AXIS,
  LOG_SCALE,
  Y_AXIS_SIZE,
  axis,
  decadesAroundOne,
  integerValues,
  layerNumbers,
  positiveOrNull,
  series,
} from "../plot/chart.js";
import { localNumber } from "../numbers.js";
import { activationColor } from "../plot/palette.js";
import { symmetricRange } from "../plot/ranges.js";
import { plotBox, yPos } from "../plot/vector.js";
import { networkCaption } from "./caption.js";
import { theoryLegend, theorySeries } from "./theory_overlay.js";

const REFERENCE_DASH = [6, 4];

function names(ctx, values) {
  return {
    phi: ctx.name("activations", values.phi),
    init: ctx.name("initializers", values.init),
  };
}

// The reference run, SELU + LeCun normal, named as the controls name it.
function referenceLabel(ctx) {
  return ctx.t(
    "figures.selu.chosen",
    names(ctx, { phi: "selu", init: "lecun-normal" }),
  );
}

// lambda and alpha as the engine computes with them (Klambauer et al. 2017), and
// lambda * alpha = sup|SELU'|.
function constantsText(ctx) {
  const selu = ctx.catalog.activations.find((a) => a.id === "selu");
  return ctx.t("figures.selu.constants", {
    lambda: localNumber(formatG17(selu.constants.lambda)),
    alpha: localNumber(formatG17(selu.constants.alpha)),
    lambdaAlpha: localNumber(formatG17(selu.max_derivative)),
  });
}

function chartBox(host) {
  const box = document.createElement("div");
  box.className = "chart";
  box.setAttribute("role", "img");
  host.append(box);
  return box;
}

// A horizontal line at the fixed point's value.
function targetLine(value, color) {
  return (u, p) => {
    const box = plotBox(u);
    const y = yPos(u, value);
    if (y < box.top || y > box.top + box.height) return;
    p.line(
      [
        [box.left, y],
        [box.left + box.width, y],
      ],
      { stroke: color, width: 1.5, dash: [2, 3] },
    );
  };
}

class SeluView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.constants = document.createElement("p");
    this.constants.className = "figure-formula";
    this.meanBox = chartBox(host);
    this.varBox = chartBox(host);
    host.append(this.constants);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.meanChart = new Chart(this.meanBox, {
      height: narrow ? 170 : 210,
      syncKey: "selu",
    });
    this.varChart = new Chart(this.varBox, {
      height: narrow ? 170 : 210,
      syncKey: "selu",
    });
    this.current = null;
    this.compact = false;
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    const { t, theme } = ctx;
    this.current = { result, values };
    const x = layerNumbers(values.depth);
    const color = activationColor(values.phi);
    const chosenLabel = t("figures.selu.chosen", names(ctx, values));
    const lines = [
      series(chosenLabel, color, { width: 2.5 }),
      theorySeries(`${chosenLabel}: ${t("figures.edge.theoryShort")}`, color),
    ];
    if (result.reference)
      lines.push(
        series(referenceLabel(ctx), theme.reference, {
          dash: REFERENCE_DASH,
          width: 1.5,
        }),
      );
    // The variance on a log scale, symmetric about the fixed point 1: convergence to 1 and
    // explosion or collapse read alike.
    const logScale = {
      ...LOG_SCALE,
      range: (u, min, max) => decadesAroundOne(min, max),
    };
    // The mean on a fixed axis of at least +-1 about the fixed point 0, so that one network's
    // noise of a few hundredths stays small; widened to a round bound when the mean runs off.
    const meanScale = { range: (u, min, max) => symmetricRange(min, max, 1) };
    // Compact (a small embed): the top chart drops its layer axis and the bottom one the
    // axis's name, so that both plots keep their room (as in figure 4).
    const compact = this.compact;
    const options = (yLabel, target, showX, log) => ({
      legend: { show: false },
      readoutX: t("figures.selu.layerAxis"),
      padding: [null, 18, null, null], // the same right margin with or without x labels
      scales: {
        x: { time: false, range: [0.5, values.depth + 0.5] },
        y: log ? logScale : meanScale,
      },
      axes: [
        axis(showX && !compact ? t("figures.selu.layerAxis") : null, theme, {
          values: integerValues,
          ...(showX ? {} : { size: 28, labelSize: 0 }),
          ...(compact ? { labelSize: 0 } : {}),
          ...(compact && !showX ? { show: false } : {}),
        }),
        axis(yLabel, theme, { size: Y_AXIS_SIZE, ...(log ? LOG_AXIS : {}) }),
      ],
      series: [{}, ...lines],
      paint: { drawAxes: [targetLine(target, theme.fg)] },
    });
    const column = (values_, log) =>
      log ? positiveOrNull(values_) : Array.from(values_);
    const columns = (key, log = false) => [
      x,
      column(result.chosen[key], log),
      column(result.chosen.theory?.[key] ?? [], log),
      ...(result.reference ? [column(result.reference[key], log)] : []),
    ];
    const signature = `${t.lang}|${theme.fg}|${Boolean(result.reference)}|${values.phi}|${compact}`;
    this.meanChart.draw(
      options(t("figures.selu.meanAxis"), 0, false),
      columns("act_mean"),
      signature,
    );
    this.varChart.draw(
      options(t("figures.selu.varAxis"), 1, true, true),
      columns("act_var", true),
      signature,
    );
    renderRich(this.constants, constantsText(ctx));
    const caption = t("figures.selu.caption", {
      ...names(ctx, values),
      depth: values.depth,
    });
    this.meanBox.setAttribute("aria-label", caption);
    this.varBox.setAttribute("aria-label", t("figures.selu.varAxis"));
  }

  legend() {
    if (!this.current) return [];
    const { t, theme } = this.ctx;
    const { values, result } = this.current;
    const items = [
      {
        label: t("figures.selu.chosen", names(this.ctx, values)),
        color: activationColor(values.phi),
      },
    ];
    items.push(theoryLegend(t, activationColor(values.phi), values.init));
    if (result.reference)
      items.push({
        label: referenceLabel(this.ctx),
        color: theme.reference,
        dash: REFERENCE_DASH,
      });
    items.push({
      label: `${t("figures.selu.target")}: ${t("figures.selu.targetValue")}`,
      color: theme.fg,
      dash: [2, 3],
    });
    return items;
  }

  title(values) {
    const { phi, init } = names(this.ctx, values);
    return `${this.ctx.t("figures.selu.title")} — ${phi}, ${init}, ${networkCaption(this.ctx, values)}`;
  }

  canvases() {
    return [this.meanChart.canvas(), this.varChart.canvas()].filter(Boolean);
  }

  csv(result, values) {
    const header = ["layer", "act_mean", "act_var"];
    const columns = [
      layerNumbers(values.depth),
      result.chosen.act_mean,
      result.chosen.act_var,
    ];
    if (result.reference) {
      header.push("reference_act_mean", "reference_act_var");
      columns.push(result.reference.act_mean, result.reference.act_var);
    }
    return toCsv(header, columns);
  }

  // Returns true when the charts must be drawn again (compact mode changed).
  fit(height) {
    const compact = height < 480;
    this.constants.style.display = compact ? "none" : "";
    const each = Math.max(
      70,
      Math.floor((height - this.constants.offsetHeight) / 2),
    );
    this.meanChart.setHeight(each);
    this.varChart.setHeight(each);
    const changed = compact !== this.compact;
    this.compact = compact;
    return changed;
  }

  destroy() {
    this.meanChart.destroy();
    this.varChart.destroy();
  }
}

export default {
  id: "selu",
  op: "selu",
  controls: [
    { name: "phi" },
    { name: "init" },
    { name: "depth" },
    { name: "width" },
    { name: "batch" },
    { name: "seed", kind: "number" },
  ],
  args: ({ phi, init, depth, width, batch, seed }) => ({
    phi,
    init,
    depth,
    width,
    batch,
    seed,
  }),
  create: (host, ctx) => new SeluView(host, ctx),
};
