// Figure 6: the training lab. A network (and optionally a second one, on the same data and
// seed) trains in the worker (web/train/session.js) while this view draws, after every reply,
// the decision boundary, loss and accuracy over steps, and two layer x step heat maps: the
// weight-gradient RMS (log colour scale) and the saturated fraction. Play runs at most one
// request per animation frame, the next one sent as soon as a reply is drawn (the wait for the
// frame overlaps the worker's work), and draws every reply; the card carries data-step and
// data-loss.
import { formatShort } from "../format.js";
import { powerOfTen, shortNumber } from "../numbers.js";
import { Chart, Y_AXIS_SIZE, axis, series } from "../plot/chart.js";
import { colorbarStops } from "../plot/heatmap.js";
import { activationColor } from "../plot/palette.js";
import { element } from "../dom.js";
import { Boundary } from "../train/boundary.js";
import { HeatMap, decadeRange } from "../train/heat.js";
import { trainOptions } from "../train/schema.js";
import { networkCaption } from "./caption.js";

const STEP_INCREMENTS = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((e) =>
  [1, 2, 5].map((m) => m * 10 ** e),
);

// The step axis under the accuracy chart: its tick labels and its title, in px.
const STEP_AXIS_SIZE = 30;
const STEP_LABEL_SIZE = 20;

const COMPARE_DASH = [6, 4];
const COMPARE_COLOR = "#999999";

function keyOf({ main, compare }) {
  return JSON.stringify({ main, compare });
}

const nextFrame = () =>
  new Promise((resolve) => requestAnimationFrame(resolve));

function mainColor(values) {
  return activationColor(values.phi);
}

class TrainView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.host = host;
    this.key = null;
    this.runs = [];
    this.data = null;
    this.looping = false;
    this.destroyed = false;
    this.presets = [];
    this.preset = "";
    this.header = "";
    const t = ctx.t;
    this.playButton = element("button", {
      type: "button",
      class: "action",
      "data-action": "play",
    });
    this.playButton.addEventListener("click", () =>
      ctx.setParam("train", "play", this.values?.play ? "0" : "1", true),
    );
    const stepButton = element("button", {
      type: "button",
      class: "action",
      "data-action": "step",
      text: t("figures.train.step"),
    });
    stepButton.addEventListener("click", () => this.stepOnce());
    const resetButton = element("button", {
      type: "button",
      class: "action",
      "data-action": "reset",
      text: t("figures.train.reset"),
    });
    resetButton.addEventListener("click", () => this.reset());
    this.presetSelect = element("select", {
      id: "train-preset",
      "data-control": "preset",
    });
    this.presetSelect.addEventListener("change", () =>
      this.applyPreset(this.presetSelect.value),
    );
    this.status = element("p", {
      class: "train-status",
      role: "status",
      "aria-live": "off",
    });
    this.diverged = element("p", {
      class: "train-diverged",
      role: "alert",
      hidden: "",
    });
    this.expect = element("p", { class: "train-expect", hidden: "" });
    const toolbar = element("div", { class: "train-toolbar" }, [
      this.playButton,
      stepButton,
      resetButton,
      element("label", {
        for: "train-preset",
        text: t("figures.train.preset"),
      }),
      this.presetSelect,
    ]);
    this.boundaries = element("div", { class: "train-boundaries" });
    this.boundary = [
      new Boundary(this.boundaries, t("figures.train.boundary")),
      new Boundary(this.boundaries, t("figures.train.boundaryCompare")),
    ];
    const charts = element("div", { class: "train-charts" });
    this.lossBox = element("div", { class: "chart" });
    this.accBox = element("div", { class: "chart" });
    charts.append(this.lossBox, this.accBox);
    const top = element("div", { class: "train-top" }, [
      this.boundaries,
      charts,
    ]);
    this.heatBox = element("div", { class: "train-heat-box" });
    this.gradHeat = new HeatMap(this.heatBox, t("figures.train.gradMap"), 130);
    this.gradHeatCompare = new HeatMap(
      this.heatBox,
      t("figures.train.gradMapCompare"),
      130,
    );
    this.satHeat = new HeatMap(this.heatBox, t("figures.train.satMap"), 100);
    host.append(
      toolbar,
      this.expect,
      this.status,
      this.diverged,
      top,
      this.heatBox,
    );
    // The host's width as last observed, read when the observer reports (layout is then up to
    // date): reading it while drawing would force a layout after the frame's DOM writes.
    this.width = 600;
    this.observer = new ResizeObserver(() => (this.width = host.clientWidth));
    this.observer.observe(host);
    this.lossChart = new Chart(this.lossBox, { height: 150, syncKey: "train" });
    this.accChart = new Chart(this.accBox, { height: 130, syncKey: "train" });
    this.chartHeights = [150, 110];
  }

  async loadPresets() {
    const reply = await this.ctx.engine.request(
      "train-presets",
      "trainPresets",
      {},
    );
    if (reply.stale || this.destroyed) return;
    this.presets = reply.result.presets;
    this.header = reply.result.header;
    const t = this.ctx.t;
    this.presetSelect.replaceChildren(
      element("option", { value: "", text: t("figures.train.presetNone") }),
      ...this.presets.map((p) =>
        element("option", {
          value: p.id,
          text: t(`figures.train.presets.${p.id}.name`),
        }),
      ),
    );
    this.presetSelect.value = this.preset;
  }

  // Sets every parameter of a preset (one history entry), and plays.
  applyPreset(id) {
    const p = this.presets.find((q) => q.id === id);
    this.preset = p ? id : "";
    this.showExpect();
    if (!p) return;
    const m = p.main,
      c = p.compare;
    const changes = [
      ["data", m.data],
      ["noise", m.noise],
      ["phi", m.act],
      ["init", m.init],
      ["depth", m.depth],
      ["width", m.width],
      ["opt", m.optimizer],
      ["lr", m.lr],
      ["batch", m.batch],
      ["seed", m.seed],
      ["vs", c ? "1" : "0"],
      ...(c
        ? [
            ["vphi", c.act],
            ["vinit", c.init],
            ["vopt", c.optimizer],
            ["vlr", c.lr],
          ]
        : []),
      ["speed", "20"],
      ["play", "1"],
    ];
    changes.forEach(([name, value], i) =>
      this.ctx.setParam("train", name, String(value), i === changes.length - 1),
    );
  }

  showExpect() {
    this.expect.hidden = !this.preset;
    this.expect.textContent = this.preset
      ? this.ctx.t(`figures.train.presets.${this.preset}.expect`)
      : "";
  }

  request(steps, reset = false) {
    const options = trainOptions(this.values);
    return this.ctx.engine.request("train", "train", {
      key: keyOf(options),
      ...options,
      steps,
      since: this.runs.map((r) => r.entries.length),
      reset,
    });
  }

  // A reply into the history: a new session replaces it, otherwise entries from `from` on.
  absorb(result) {
    if (result.fresh || result.key !== this.key) {
      this.key = result.key;
      this.runs = [];
    }
    if (result.data) this.data = result.data;
    this.atLimit = Boolean(result.atLimit);
    this.box = result.box;
    this.grid = result.grid;
    result.runs.forEach((r, i) => {
      const old = this.runs[i]?.entries ?? [];
      this.runs[i] = { ...r, entries: old.slice(0, r.from).concat(r.entries) };
    });
    this.runs.length = result.runs.length;
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    this.values = values;
    // The presets are asked for once the figure has its first numbers: until then the worker
    // computes the figures (this one is below the page's first screen).
    if (!this.presetsAsked && !ctx.exporting) {
      this.presetsAsked = true;
      this.loadPresets();
    }
    this.absorb(result);
    this.render();
    // An export draws a copy and never trains (web/export.js).
    if (values.play && !ctx.exporting) this.loop();
  }

  // What an export draws: the history on screen now, not the reply to the last change.
  exportResult() {
    const { key, data, box, grid } = this;
    const runs = this.runs.map((run) => ({ ...run, from: 0 }));
    return { key, fresh: true, data, box, grid, runs, atLimit: this.atLimit };
  }

  async loop() {
    if (this.looping) return;
    this.looping = true;
    const playing = () =>
      this.values.play &&
      !this.destroyed &&
      !this.atLimit &&
      this.runs.some((r) => r.diverged_at === null);
    try {
      // The next request goes out before this reply is drawn, so that the worker steps while
      // the page draws: one request is always in flight, and each is answered in one reply.
      let pending = playing() ? this.request(Number(this.values.speed)) : null;
      while (pending) {
        const frame = nextFrame();
        const reply = await pending;
        if (reply.stale || this.destroyed) break;
        this.absorb(reply.result);
        if (this.atLimit) this.ctx.setParam("train", "play", "0", true);
        pending = playing() ? this.request(Number(this.values.speed)) : null;
        this.render();
        await frame;
      }
    } finally {
      this.looping = false;
    }
  }

  async stepOnce() {
    if (this.values.play) return this.ctx.setParam("train", "play", "0", true);
    const reply = await this.request(Number(this.values.speed));
    if (!reply.stale) (this.absorb(reply.result), this.render());
  }

  async reset() {
    const reply = await this.request(0, true);
    if (!reply.stale) (this.absorb(reply.result), this.render());
    if (this.values.play) this.loop();
  }

  render() {
    const { t, theme } = this.ctx;
    const values = this.values;
    const card = this.host.closest(".card");
    const [main, compare] = this.runs;
    if (!main || !this.data) return;
    const last = main.entries.at(-1);
    this.playButton.textContent = t(
      values.play ? "figures.train.pause" : "figures.train.play",
    );
    this.playButton.setAttribute(
      "aria-pressed",
      values.play ? "true" : "false",
    );
    const statusOf = (run, key) =>
      t(key, {
        step: run.steps_done,
        loss: shortNumber(run.entries.at(-1).loss),
        accuracy: `${Math.round(run.entries.at(-1).accuracy * 100)}%`,
      });
    this.status.textContent = [
      statusOf(main, "figures.train.status"),
      ...(compare ? [statusOf(compare, "figures.train.statusCompare")] : []),
    ].join("   ");
    if (card) {
      card.dataset.step = String(main.steps_done);
      card.dataset.loss = formatShort(last.loss);
      for (const name of ["vphi", "vinit", "vopt", "vlr"]) {
        const control = card.querySelector(`[data-param="${name}"]`);
        if (control) control.hidden = !values.vs;
      }
    }
    const notes = this.runs
      .filter((r) => r.diverged_at !== null)
      .map(
        (r, i) =>
          (i === 0 && r === main ? "" : "2: ") +
          t(`figures.train.diverged.${r.divergence}`, { step: r.diverged_at }),
      );
    if (this.atLimit)
      notes.push(t("figures.train.atLimit", { steps: main.steps_done }));
    this.diverged.hidden = notes.length === 0;
    this.diverged.textContent = notes.join(" ");
    this.showExpect();
    // The boundaries.
    const size = this.boundarySize(compare);
    this.runs.forEach((run, i) =>
      this.boundary[i].draw({
        grid: run.boundary,
        n: this.grid,
        data: this.data,
        box: this.box,
        size,
        colors: theme,
        ratio: this.ctx.pixelRatio,
      }),
    );
    this.boundary[1].canvas.style.display = compare ? "" : "none";
    // Loss and accuracy over steps, the second network dashed: over the steps either logged
    // (one keeps training when the other diverged).
    const steps = (run) => (run ? run.entries.map((e) => e.step) : []);
    const x = compare
      ? [...new Set([...steps(main), ...steps(compare)])].sort((a, b) => a - b)
      : steps(main);
    const column = (run, f) => {
      const at = new Map(run.entries.map((e) => [e.step, e[f]]));
      return x.map((step) => at.get(step) ?? null);
    };
    const lines = (label) => [
      series(
        t("figures.train.main", this.names(values, false)),
        mainColor(values),
        { width: 2 },
      ),
      ...(compare
        ? [
            series(
              t("figures.train.compare", this.names(values, true)),
              COMPARE_COLOR,
              { dash: COMPARE_DASH, width: 2 },
            ),
          ]
        : []),
    ];
    // The loss chart's steps are the accuracy chart's below it: gridlines, no labels.
    const options = (yLabel, showX, range, ySplits) => ({
      legend: { show: false },
      scales: { x: { time: false }, ...(range ? { y: { range } } : {}) },
      axes: [
        axis(
          showX ? t("figures.train.stepAxis") : null,
          theme,
          // Steps are whole numbers: ticks 1, 2, 5, 10, 20, ... apart, never 0.1.
          showX
            ? {
                incrs: STEP_INCREMENTS,
                size: STEP_AXIS_SIZE,
                labelSize: STEP_LABEL_SIZE,
              }
            : {
                size: 6,
                labelSize: 0,
                incrs: STEP_INCREMENTS,
                values: (u, splits) => splits.map(() => ""),
              },
        ),
        axis(yLabel, theme, {
          size: Y_AXIS_SIZE,
          ...(ySplits ? { splits: () => ySplits } : {}),
        }),
      ],
      series: [{}, ...lines()],
    });
    const signature = `${t.lang}|${theme.fg}|${Boolean(compare)}|${values.phi}|${values.vphi}`;
    // Before the first logged step after 0, the axis spans one logging period.
    const xs = x.length > 1 ? x : [0, this.ctx.catalog.train.defaultLogEvery];
    const pad = (col) => (x.length > 1 ? col : [col[0], col[0]]);
    this.lossChart.draw(
      options(t("figures.train.lossAxis"), false, (u, lo, hi) => [
        0,
        Math.max(hi, 0.1),
      ]),
      [
        xs,
        pad(column(main, "loss")),
        ...(compare ? [pad(column(compare, "loss"))] : []),
      ],
      signature,
    );
    this.accChart.draw(
      // Accuracy from chance to all: 0, 0.5 and 1 labelled at any height.
      options(t("figures.train.accuracyAxis"), true, [0, 1], [0, 0.5, 1]),
      [
        xs,
        pad(column(main, "accuracy")),
        ...(compare ? [pad(column(compare, "accuracy"))] : []),
      ],
      signature,
    );
    // The heat maps, both networks on one colour scale.
    this.scale = {
      log: true,
      ...decadeRange(
        this.runs.map((r) => r.entries),
        "weight_grad_rms",
      ),
    };
    const names = {
      output: t("figures.train.output"),
      step: t("figures.train.stepAxis"),
    };
    this.gradHeat.draw(
      main.entries,
      "weight_grad_rms",
      this.scale,
      theme,
      names,
      this.width,
      this.ctx.pixelRatio,
    );
    this.gradHeatCompare.canvas.style.display = compare ? "" : "none";
    if (compare)
      this.gradHeatCompare.draw(
        compare.entries,
        "weight_grad_rms",
        this.scale,
        theme,
        names,
        this.width,
        this.ctx.pixelRatio,
      );
    this.satHeat.draw(
      main.entries,
      "saturated",
      { log: false },
      theme,
      names,
      this.width,
      this.ctx.pixelRatio,
    );
    const caption = t("figures.train.caption", {
      depth: values.depth,
      width: values.width,
      data: t(`choices.data.${values.data}`),
    });
    this.boundary[0].canvas.setAttribute("aria-label", caption);
  }

  names(values, second) {
    const { t, name } = this.ctx;
    return second
      ? {
          phi: name("activations", values.vphi),
          init: name("initializers", values.vinit),
          opt: t(`choices.opt.${values.vopt}`),
          lr: shortNumber(values.vlr),
        }
      : {
          phi: name("activations", values.phi),
          init: name("initializers", values.init),
          opt: t(`choices.opt.${values.opt}`),
          lr: shortNumber(values.lr),
        };
  }

  legend() {
    if (!this.values) return [];
    const { t } = this.ctx;
    const items = [
      {
        label: t("figures.train.main", this.names(this.values, false)),
        color: mainColor(this.values),
      },
    ];
    if (this.values.vs)
      items.push({
        label: t("figures.train.compare", this.names(this.values, true)),
        color: COMPARE_COLOR,
        dash: COMPARE_DASH,
      });
    if (this.scale) {
      items.push({
        label: t("figures.train.colorbar", {
          lo: powerOfTen(this.scale.lo),
          hi: powerOfTen(this.scale.hi),
        }),
        gradient: colorbarStops(),
      });
      items.push({
        label: t("figures.train.satColorbar"),
        gradient: colorbarStops(),
      });
    }
    return items;
  }

  title(values) {
    const { t } = this.ctx;
    return `${t("figures.train.title")} — ${t(`choices.data.${values.data}`)}, ${t("figures.train.main", this.names(values, false))}, ${networkCaption(this.ctx, values)}`;
  }

  canvases() {
    const boundaries = this.runs.map((_, i) => this.boundary[i].canvas);
    const heats = [
      this.gradHeat,
      ...(this.runs[1] ? [this.gradHeatCompare] : []),
      this.satHeat,
    ].map((h) => h.canvas);
    return [
      ...boundaries,
      this.lossChart.canvas(),
      this.accChart.canvas(),
      ...heats,
    ].filter(Boolean);
  }

  // `actlab train --format csv` of the first network for the steps done.
  csv() {
    const main = this.runs[0];
    if (!main) return "";
    return (
      this.header + main.entries.map((e) => e.csv).join("") + main.current_csv
    );
  }

  // The side of the boundary maps, from the figure's width: the charts sit beside them.
  boundarySize(compare) {
    return Math.min(
      260,
      Math.max(160, Math.floor((this.width - 24) / (compare ? 3 : 2.2))),
    );
  }

  // The charts take at least the height of the boundary beside them, which the figure has
  // anyway, and more where the frame leaves more.
  fit(height) {
    const room = Math.max(
      this.boundarySize(Boolean(this.runs[1])),
      height - 420,
    );
    // The two plots share what the step axis below them leaves, 55 : 45.
    const plots = room - STEP_AXIS_SIZE - STEP_LABEL_SIZE;
    const loss = Math.max(70, Math.floor(plots * 0.55));
    this.lossChart.setHeight(loss);
    this.accChart.setHeight(Math.max(100, room - loss));
    return true;
  }

  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    this.lossChart.destroy();
    this.accChart.destroy();
  }
}

export default {
  id: "train",
  op: "train",
  exactCsv: true, // `actlab train --format csv`'s rows: no comment line
  controls: [
    { name: "data" },
    { name: "noise" },
    { name: "phi" },
    { name: "alpha" },
    { name: "init" },
    { name: "depth" },
    { name: "width" },
    { name: "opt" },
    { name: "lr" },
    { name: "batch", kind: "number" },
    { name: "seed", kind: "number" },
    { name: "speed" },
    { name: "vs" },
    { name: "vphi" },
    { name: "vinit" },
    { name: "vopt" },
    { name: "vlr" },
  ],
  args: (values) => {
    const options = trainOptions(values);
    return { key: keyOf(options), ...options, steps: 0, since: [] };
  },
  create: (host, ctx) => new TrainView(host, ctx),
};
