// Figure 7: the edge of chaos. The (sigma_w2, sigma_b2) phase diagram of the chosen activation
// (the engine's fixed points: the depth scale xi_c as colour, the line chi1 = 1, the initializations marked),
// and at the chosen point a real network's per-layer q_l and c_l (solid) beside the theory's
// (dashed). A click, a drag or the arrow keys on the diagram move the point: the theory's
// curves are redrawn first (edgeTheory, ahead of the measurement in the worker's queue), the
// measurement follows. The trainability hint reads the engine's 6 xi_c.
import { formatShort, toCsv } from "../format.js";
import { renderRich } from "../katex.js";
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
import { localNumber } from "../numbers.js";
import { FAMILY_COLORS, activationColor } from "../plot/palette.js";
import { element } from "../dom.js";
import { colorbarStops } from "../plot/heatmap.js";
import { paintAxisLabel } from "../plot/vector.js";
import { COLORBAR_SIZE, drawDiagram, visibleLine } from "../edge/diagram.js";
import { B2_RANGE, W2_RANGE } from "../edge/schema.js";

const THEORY_DASH = [6, 4];
const FAMILY = {
  standard: "standard",
  "glorot-uniform": "glorot",
  "he-uniform": "he",
  "lecun-uniform": "lecun",
};

const number = (x, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? "—"
    : localNumber(formatShort(x, digits));

// work() once the next frame is painted (an animation frame, then a task), or after
// FRAME_WAIT_MS where no frame comes (a hidden page draws none).
const FRAME_WAIT_MS = 100;
function afterFrame(work) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, FRAME_WAIT_MS);
}

// Rounded to what a reader would type (3 decimals), inside the window.
function snap(value, [lo, hi]) {
  return Math.round(Math.min(hi, Math.max(lo, value)) * 1000) / 1000;
}

function chartBox(host, className = "chart") {
  const box = element("div", { class: className, role: "img" });
  host.append(box);
  return box;
}

class EdgeView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.host = host;
    this.current = null;
    this.diagramBox = chartBox(host, "chart edge-diagram");
    this.diagramBox.dataset.keys = "arrows";
    this.readout = element("p", { class: "figure-formula edge-readout" });
    this.hint = element("p", { class: "edge-hint", role: "status" });
    host.append(this.readout, this.hint);
    this.qBox = chartBox(host);
    this.cBox = chartBox(host);
    const narrow = matchMedia("(max-width: 560px)").matches;
    // The arrow keys move the point (before the chart's own cursor keys).
    this.diagramBox.addEventListener("keydown", (event) => this.key(event));
    this.diagram = new Chart(this.diagramBox, { height: narrow ? 260 : 340 });
    this.qChart = new Chart(this.qBox, {
      height: narrow ? 160 : 190,
      syncKey: "edge",
    });
    this.cChart = new Chart(this.cBox, {
      height: narrow ? 160 : 190,
      syncKey: "edge",
    });
    this.dragging = false;
    this.texts = new WeakMap(); // element -> the text it shows (rich)
    this.asks = 0; // edgeTheory requests so far; asking: the newest, until it settles
    this.asking = null;
    this.pending = null; // the point to make the page's state: {w2, b2, commit}
    // Back or forward before a point settled: the address's state wins.
    this.dropPending = () => (this.pending = null);
    addEventListener("popstate", this.dropPending);
  }

  names(values) {
    return { phi: this.ctx.name("activations", values.phi) };
  }

  // ---- input: pointer and keys ----------------------------------------------------------

  attach(u) {
    if (this.attached === u) return;
    this.attached = u;
    const at = (event) => {
      const rect = u.over.getBoundingClientRect();
      const w2 = u.posToVal(event.clientX - rect.left, "x");
      const b2 = u.posToVal(event.clientY - rect.top, "y");
      return [snap(w2, W2_RANGE), snap(b2, B2_RANGE)];
    };
    u.over.style.cursor = "crosshair";
    u.over.addEventListener("pointerdown", (event) => {
      this.dragging = true;
      u.over.setPointerCapture?.(event.pointerId);
      this.moveTo(...at(event), false, event.timeStamp);
    });
    u.over.addEventListener("pointermove", (event) => {
      if (this.dragging) this.moveTo(...at(event), false, event.timeStamp);
    });
    const end = (event) => {
      if (!this.dragging) return;
      this.dragging = false;
      this.moveTo(...at(event), true, event.timeStamp);
    };
    u.over.addEventListener("pointerup", end);
    u.over.addEventListener("pointercancel", end);
  }

  key(event) {
    if (!this.current) return;
    const big = event.shiftKey ? 5 : 1;
    const steps = {
      ArrowRight: [0.05, 0],
      ArrowLeft: [-0.05, 0],
      ArrowUp: [0, 0.005],
      ArrowDown: [0, -0.005],
    };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    const { w2, b2 } = this.shown;
    this.moveTo(
      snap(w2 + big * step[0], W2_RANGE),
      snap(b2 + big * step[1], B2_RANGE),
      true,
      event.timeStamp,
    );
  }

  // The theory's curves first (edgeTheory, in the worker), drawn as soon as they come; the
  // point becomes the page's state (the address, the controls, the card's measurement) only
  // after that frame (settle), so that none of that work sits between the input and the
  // theory drawn. A click (pointerdown, then pointerup at the same point) is one change.
  moveTo(w2, b2, commit, started) {
    const same = w2 === this.shown?.w2 && b2 === this.shown?.b2;
    if (same && !commit) return;
    if (!same && this.pending?.commit) this.settle();
    this.pending = { w2, b2, commit: commit || Boolean(this.pending?.commit) };
    if (same) {
      if (!this.asking) this.settle();
      return;
    }
    this.shown = { w2, b2 };
    this.measured = null;
    const ask = ++this.asks;
    this.asking = ask;
    const key = `${w2},${b2}`;
    const args = {
      phi: this.current.values.phi,
      w2,
      b2,
      depth: this.current.values.depth,
    };
    const draw = (reply) => {
      // Drawn only while the point is still this one and its measurement has not come.
      if (reply.stale || `${this.shown.w2},${this.shown.b2}` !== key) return;
      if (this.measured === key) return;
      this.drawTheoryOnly(reply.result, w2, b2);
      this.host.dataset.theoryMs = (performance.now() - started).toFixed(2);
      this.host.dataset.theoryThread = reply.thread;
      requestAnimationFrame(() => {
        this.host.dataset.theoryFrameMs = (performance.now() - started).toFixed(
          2,
        );
        this.host.dispatchEvent(new CustomEvent("actlab:theory-drawn"));
      });
    };
    // The newest ask settles after its frame, whatever its reply (a stale one, an error:
    // the card's own request reports the engine's error).
    const settle = () =>
      afterFrame(() => {
        if (this.asking !== ask) return;
        this.asking = null;
        this.settle();
      });
    this.ctx.engine
      .request("edge-theory", "edgeTheory", args)
      .then(draw)
      .catch(() => {})
      .then(settle);
  }

  // The pending point made the figure's state: one change of sigma_w2 and sigma_b2 (a history
  // entry when it commits).
  settle() {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    this.ctx.setParams(
      "edge",
      { w2: String(pending.w2), b2: String(pending.b2) },
      pending.commit,
    );
  }

  // ---- drawing --------------------------------------------------------------------------

  draw(result, values, ctx) {
    this.ctx = ctx;
    this.current = { result, values };
    this.shown = { w2: values.w2, b2: values.b2 };
    this.measured = `${values.w2},${values.b2}`;
    const p = result.point;
    this.drawDiagram(result, values, ctx, [values.w2, values.b2]);
    this.drawLayers(values, ctx, {
      q: p.layers.q,
      c: p.layers.c,
      qTheory: p.layers.q_theory,
      cTheory: p.layers.c_theory,
    });
    this.textLater = null;
    this.drawText(values, ctx, p);
    this.host.dataset.point = JSON.stringify([p.sigma_w2, p.sigma_b2]);
  }

  // The theory alone at a new point (the measured lines wait for the worker).
  drawTheoryOnly(theory, w2, b2) {
    const { result, values } = this.current;
    const shown = { ...values, w2, b2 };
    this.drawDiagram(result, shown, this.ctx, [w2, b2]);
    const none = new Array(values.depth).fill(null);
    this.drawLayers(shown, this.ctx, {
      q: none,
      c: none,
      qTheory: theory.layers.q,
      cTheory: theory.layers.c,
    });
    // The readout a frame later: its KaTeX is the slowest part of this draw.
    const text = () =>
      this.drawText(shown, this.ctx, { ...theory, sigma_w2: w2, sigma_b2: b2 });
    this.textLater = text;
    afterFrame(() => {
      if (this.textLater !== text) return;
      this.textLater = null;
      text();
    });
  }

  markerList(result) {
    const { t } = this.ctx;
    return result.markers.map((m) => ({
      ...m,
      label: t(`families.${FAMILY[m.init]}`),
      color: FAMILY_COLORS[FAMILY[m.init]],
    }));
  }

  drawDiagram(result, values, ctx, point) {
    const { t, theme } = ctx;
    const signature = `${t.lang}|${theme.fg}|${values.phi}`;
    // A moved point over the same diagram: only the point is new, the chart painted again.
    if (
      this.map?.result === result &&
      this.map.theme === theme &&
      this.diagram.signature === signature
    ) {
      this.map = { ...this.map, point };
      this.diagram.repaint();
      return;
    }
    const linePoints = visibleLine(result.line, W2_RANGE, B2_RANGE);
    this.diagramBox.dataset.line = JSON.stringify(linePoints);
    this.diagramBox.dataset.markers = JSON.stringify(
      result.markers.map((m) => [m.init, m.sigma_w2, m.sigma_b2]),
    );
    const map = {
      grid: result.grid,
      linePoints,
      markers: this.markerList(result),
      point,
      w2Range: W2_RANGE,
      b2Range: B2_RANGE,
      labels: {
        ordered: t("figures.edge.ordered"),
        chaotic: t("figures.edge.chaotic"),
        xi: t("figures.edge.xiBar"),
      },
      number: (x) => localNumber(formatShort(x, 3)),
      theme,
      result,
    };
    this.map = map; // the draw hook reads the newest: a moved point repaints in place
    const options = {
      legend: { show: false },
      cursor: { show: false },
      padding: [22, COLORBAR_SIZE, null, null],
      scales: {
        x: { time: false, range: W2_RANGE },
        y: { range: B2_RANGE },
      },
      // The labels' subscripts (σ_w²) painted by the hook; uPlot keeps their room.
      axes: [axis(" ", theme), axis(" ", theme, { size: Y_AXIS_SIZE })],
      paint: {
        drawAxes: [
          (u, p) => {
            paintAxisLabel(u, 0, p, t("figures.edge.w2Axis"));
            paintAxisLabel(u, 1, p, t("figures.edge.b2Axis"));
          },
        ],
        draw: [(u, p) => drawDiagram(u, p, this.map)],
      },
      series: [{}, { show: false }],
      hooks: { ready: [(u) => this.attach(u)] },
    };
    this.diagram.draw(
      options,
      [W2_RANGE, [B2_RANGE[0], B2_RANGE[1]]],
      signature,
    );
    this.diagramBox.setAttribute(
      "aria-label",
      t("figures.edge.caption", this.names(values)),
    );
  }

  drawLayers(values, ctx, { q, c, qTheory, cTheory }) {
    const { t, theme } = ctx;
    const x = layerNumbers(values.depth);
    const color = activationColor(values.phi);
    const lines = [
      series(t("figures.edge.measuredShort"), color, { width: 2.5 }),
      series(t("figures.edge.theoryShort"), theme.fg, {
        dash: THEORY_DASH,
        width: 1.5,
      }),
    ];
    const options = (yLabel, scale, showX, log) => ({
      legend: { show: false },
      readoutX: t("figures.edge.layerAxis"),
      padding: [null, 18, null, null],
      scales: {
        x: { time: false, range: [0.5, values.depth + 0.5] },
        y: scale,
      },
      axes: [
        axis(showX ? t("figures.edge.layerAxis") : null, theme, {
          values: integerValues,
          ...(showX ? {} : { size: 28, labelSize: 0 }),
        }),
        axis(yLabel, theme, { size: Y_AXIS_SIZE, ...(log ? LOG_AXIS : {}) }),
      ],
      series: [{}, ...lines],
    });
    const signature = `${t.lang}|${theme.fg}|${values.phi}|${values.depth}`;
    this.qChart.draw(
      options(t("figures.edge.qAxis"), LOG_SCALE, false, true),
      [x, positiveOrNull(q), positiveOrNull(qTheory)],
      signature,
    );
    const finite = (v) =>
      Array.from(v, (y) => (y === null || !Number.isFinite(y) ? null : y));
    const cs = [...finite(c), ...finite(cTheory)].filter((v) => v !== null);
    const lo = Math.min(0, ...cs);
    this.cChart.draw(
      options(t("figures.edge.cAxis"), { range: [lo, 1.02] }, true, false),
      [x, finite(c), finite(cTheory)],
      signature,
    );
    this.qBox.setAttribute("aria-label", t("figures.edge.qAxis"));
    this.cBox.setAttribute("aria-label", t("figures.edge.cAxis"));
  }

  drawText(values, ctx, p) {
    const { t } = ctx;
    const k = ctx.catalog.edge.trainableDepthScales;
    const w2 = number(p.sigma_w2);
    const b2 = number(p.sigma_b2);
    if (p.q_star === null) {
      this.rich(this.readout, t("figures.edge.readoutNone", { w2, b2 }));
      this.rich(this.hint, t("figures.edge.hintNone"));
      this.hint.dataset.limit = "";
      return;
    }
    const phase =
      p.xi_c === null
        ? "phaseCritical"
        : p.chi1 < 1
          ? "phaseOrdered"
          : "phaseChaotic";
    this.rich(
      this.readout,
      t("figures.edge.readout", {
        w2,
        b2,
        chi1: number(p.chi1),
        phase: t(`figures.edge.${phase}`),
        qStar: number(p.q_star),
        cStar: number(p.c_star),
        xiC: number(p.xi_c),
      }),
    );
    if (p.xi_c === null) {
      this.rich(
        this.hint,
        t("figures.edge.hintCritical", { depth: values.depth }),
      );
      this.hint.dataset.limit = "";
      return;
    }
    const limit = p.trainable_depth; // the engine's k xi_c
    this.hint.dataset.limit = String(limit);
    this.rich(
      this.hint,
      t("figures.edge.hint", {
        k: localNumber(String(k)),
        limit: number(limit, 3),
        depth: values.depth,
        verdict: t(
          values.depth <= limit ? "figures.edge.within" : "figures.edge.beyond",
        ),
      }),
    );
  }

  // The text typeset into el unless el shows it already: the measurement's draw repeats the
  // theory's readout, and KaTeX typesets every new number.
  rich(el, text) {
    if (this.texts.get(el) === text) return;
    this.texts.set(el, text);
    renderRich(el, text);
  }

  legend() {
    if (!this.current) return [];
    const { t, theme } = this.ctx;
    const { values, result } = this.current;
    const items = [
      {
        label: t("figures.edge.measured", {
          width: result.point.width,
          pairs: result.point.pairs,
        }),
        color: activationColor(values.phi),
      },
      { label: t("figures.edge.theory"), color: theme.fg, dash: THEORY_DASH },
      { label: t("figures.edge.line"), color: theme.fg },
      { label: t("figures.edge.colour"), gradient: colorbarStops() },
    ];
    for (const m of this.markerList(result))
      items.push({
        label: `${m.label}: σ_w² = ${number(m.sigma_w2)}`,
        color: m.color,
        marker: "dot",
      });
    if (result.grid.chi1.some(Number.isNaN))
      items.push({ label: t("figures.edge.shadeNone"), fill: theme.reference });
    return items;
  }

  title(values) {
    return this.ctx.t("figures.edge.embedTitle", {
      ...this.names(values),
      w2: localNumber(String(values.w2)),
      b2: localNumber(String(values.b2)),
      depth: values.depth,
      width: values.width,
      seed: values.seed,
    });
  }

  canvases() {
    return [
      this.diagram.canvas(),
      this.qChart.canvas(),
      this.cChart.canvas(),
    ].filter(Boolean);
  }

  csv(result, values) {
    const l = result.point.layers;
    return toCsv(
      ["layer", "q_measured", "q_theory", "c_measured", "c_theory"],
      [layerNumbers(values.depth), l.q, l.q_theory, l.c, l.c_theory],
    );
  }

  fit(height) {
    const text = this.readout.offsetHeight + this.hint.offsetHeight;
    const room = Math.max(260, height - text);
    // A small frame keeps the diagram and the correlation, the section's point.
    const compact = room < 480;
    this.qBox.hidden = compact;
    this.diagram.setHeight(Math.floor(room * (compact ? 0.6 : 0.5)));
    this.qChart.setHeight(Math.max(90, Math.floor(room * 0.25)));
    this.cChart.setHeight(
      Math.max(90, Math.floor(room * (compact ? 0.4 : 0.25))),
    );
    return false;
  }

  destroy() {
    removeEventListener("popstate", this.dropPending);
    this.diagram.destroy();
    this.qChart.destroy();
    this.cChart.destroy();
  }
}

export default {
  id: "edge",
  op: "edge",
  controls: [
    { name: "phi" },
    { name: "w2" },
    { name: "b2" },
    { name: "depth" },
    { name: "width" },
    { name: "seed", kind: "number" },
  ],
  args: (values) => ({ ...values }),
  create: (host, ctx) => new EdgeView(host, ctx),
};
