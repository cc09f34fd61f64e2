// Figure 4: one network, four initializers. The standard deviation of every layer's output
// h^(l) and of its gradient dL/dz^(l) under standard, Glorot, He and LeCun weights, with the
// engine's formula of each rule.
import { toCsv } from "../format.js";
import { renderFormula } from "../katex.js";
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
import { FAMILY_COLORS, displayColor } from "../plot/palette.js";
import { networkCaption } from "./caption.js";
import { theoryColumn, theoryLegend, theorySeries } from "./theory_overlay.js";
import { OverflowMark, overflowNotes } from "./overflow.js";

// With n_in = n_out (D = N, no bottleneck) Glorot's variance 2/(n_in + n_out) is LeCun's
// 1/n_in: LeCun is dashed so that the two coinciding lines both stay visible.
const FAMILY_DASH = { lecun: [7, 5] };

function chartBox(host) {
  const box = document.createElement("div");
  box.className = "chart";
  box.setAttribute("role", "img");
  host.append(box);
  return box;
}

class InitializersView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.formulas = document.createElement("ul");
    this.formulas.className = "init-formulas";
    host.append(this.formulas);
    this.actBox = chartBox(host);
    this.gradBox = chartBox(host);
    this.overflow = new OverflowMark(host);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.actChart = new Chart(this.actBox, {
      height: narrow ? 200 : 250,
      syncKey: "init",
    });
    this.gradChart = new Chart(this.gradBox, {
      height: narrow ? 200 : 250,
      syncKey: "init",
    });
    this.current = null;
    this.compact = false;
  }

  // Built again only when the initializers, the language or the colours change: a redraw
  // for another depth or activation keeps the typeset formulas' nodes.
  renderFormulas(result, ctx) {
    const key = [ctx.t.lang, ctx.theme.fg, ...result.map((r) => r.init)].join();
    if (key === this.formulasKey) return;
    this.formulasKey = key;
    this.formulas.replaceChildren();
    for (const run of result) {
      const info = ctx.catalog.initializers.find((i) => i.id === run.init);
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.setAttribute("aria-hidden", "true");
      swatch.style.borderTopColor = displayColor(FAMILY_COLORS[run.family]);
      swatch.style.borderTopStyle = FAMILY_DASH[run.family]
        ? "dashed"
        : "solid";
      const name = document.createElement("span");
      name.className = "init-name";
      name.textContent = ctx.name("initializers", run.init);
      const formula = document.createElement("div");
      formula.className = "init-formula";
      if (info?.formula) renderFormula(formula, info.formula);
      const heading = document.createElement("div");
      heading.className = "init-heading";
      heading.append(swatch, name);
      item.append(heading, formula);
      this.formulas.append(item);
    }
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    const { t, theme } = ctx;
    this.current = { result, values };
    this.renderFormulas(result, ctx);
    this.overflow.show(
      overflowNotes(
        t,
        result.map((run) => ({
          ...run,
          name: ctx.name("initializers", run.init),
        })),
      ),
    );
    const x = layerNumbers(values.depth);
    const lines = [
      ...result.map((run) =>
        series(t(`families.${run.family}`), FAMILY_COLORS[run.family], {
          dash: FAMILY_DASH[run.family],
        }),
      ),
      ...result.map((run) =>
        theorySeries(
          `${t(`families.${run.family}`)}: ${t("figures.edge.theoryShort")}`,
          FAMILY_COLORS[run.family],
        ),
      ),
    ];
    // Compact (a small embed): the top chart drops its layer axis and the bottom one the
    // axis's name, so that both plots keep their room.
    const compact = this.compact;
    const options = (yLabel, showX) => ({
      legend: { show: false },
      readoutX: t("figures.init.layerAxis"),
      padding: [null, 18, null, null], // the same right margin with or without x labels
      scales: {
        x: { time: false, range: [0.5, values.depth + 0.5] },
        y: LOG_SCALE,
      },
      axes: [
        axis(showX && !compact ? t("figures.init.layerAxis") : null, theme, {
          values: integerValues,
          ...(showX ? {} : { size: 28, labelSize: 0 }),
          ...(compact ? { labelSize: 0 } : {}),
          ...(compact && !showX ? { show: false } : {}),
        }),
        axis(yLabel, theme, { size: Y_AXIS_SIZE, ...LOG_AXIS }),
      ],
      series: [{}, ...lines],
    });
    const signature = `${t.lang}|${theme.fg}|${compact}`;
    this.actChart.draw(
      options(t("figures.init.actAxis"), false),
      [
        x,
        ...result.map((r) => positiveOrNull(r.act_std)),
        ...result.map((r) => theoryColumn(r.theory, "act_std")),
      ],
      signature,
    );
    this.gradChart.draw(
      options(t("figures.init.gradAxis"), true),
      [
        x,
        ...result.map((r) => positiveOrNull(r.grad_pre_std)),
        ...result.map((r) => theoryColumn(r.theory, "grad_pre_std")),
      ],
      signature,
    );
    const phi = ctx.name("activations", values.phi);
    const caption = t("figures.init.caption", {
      phi,
      dist: t(`choices.dist.${values.dist}`),
      depth: values.depth,
    });
    this.actBox.setAttribute("aria-label", caption);
    this.gradBox.setAttribute("aria-label", t("figures.init.gradAxis"));
  }

  legend() {
    if (!this.current) return [];
    return [
      ...this.current.result.map((run) => ({
        label: this.ctx.name("initializers", run.init),
        color: FAMILY_COLORS[run.family],
        dash: FAMILY_DASH[run.family],
      })),
      theoryLegend(this.ctx.t, this.ctx.theme.fg),
    ];
  }

  title(values) {
    const { t } = this.ctx;
    const phi = this.ctx.name("activations", values.phi);
    const bottleneck =
      values.bn > 0 ? `, K = ${values.bn}, M = ${values.bnw}` : "";
    return `${t("figures.init.title")} — ${phi}, ${t(`choices.dist.${values.dist}`)}, D = ${values.d}${bottleneck}, ${networkCaption(this.ctx, values)}`;
  }

  canvases() {
    return [this.actChart.canvas(), this.gradChart.canvas()].filter(Boolean);
  }

  csv(result, values) {
    const header = ["layer"];
    const columns = [layerNumbers(values.depth)];
    for (const run of result) {
      header.push(`act_std_${run.init}`, `grad_pre_std_${run.init}`);
      columns.push(run.act_std, run.grad_pre_std);
    }
    return toCsv(header, columns);
  }

  // In a small embed the four formulas give their room to the charts (the legend still names
  // the rules), so that the gradient panel stays readable at 480x360.
  // Returns true when the charts must be drawn again (compact mode changed).
  fit(height) {
    const compact = height < 480;
    this.formulas.style.display = height < 360 ? "none" : ""; // 480x360: the charts need it
    const each = Math.max(
      70,
      Math.floor((height - this.formulas.offsetHeight) / 2),
    );
    this.actChart.setHeight(each);
    this.gradChart.setHeight(each);
    const changed = compact !== this.compact;
    this.compact = compact;
    return changed;
  }

  destroy() {
    this.actChart.destroy();
    this.gradChart.destroy();
  }
}

export default {
  id: "init",
  op: "initializers",
  controls: [
    { name: "phi" },
    { name: "dist" },
    { name: "depth" },
    { name: "width" },
    { name: "d" },
    { name: "bn" },
    { name: "bnw" },
    { name: "batch" },
    { name: "seed", kind: "number" },
  ],
  args: ({ phi, dist, depth, width, batch, seed, d, bn, bnw }) => ({
    phi,
    dist,
    depth,
    width,
    batch,
    seed,
    d,
    bn,
    bnw,
  }),
  create: (host, ctx) => new InitializersView(host, ctx),
};
