// One figure's card: title, notices, controls, the figure itself, legend, and the Link /
// Embed / PNG / CSV buttons. The card asks the engine for numbers and hands them to its
// figure module; data-status ("busy" | "ready" | "error") and data-drawn (a counter) on the
// card tell tests and embedding pages when the figure shows the current parameters, data-ms
// and data-thread ("worker" | "main") how long the engine took and where.
import { buildControls } from "./controls.js";
import { embedPanel } from "./embed-panel.js";
import {
  DEFAULT_EXPORT_SCALE,
  EXPORT_SCALES,
  downloadCsv,
  downloadPng,
  downloadSvg,
  hasVector,
  renderPng,
  renderSvg,
} from "./export.js";
import { renderRich } from "./katex.js";
import { appendSubscripted, plainSubscripts } from "./rich_text.js";
import { noticeText, noticeTitle } from "./notices.js";
import { displayColor, theme } from "./plot/palette.js";
import { element } from "./dom.js";
import { REFINE_DELAY_MS, coarseView } from "./refine.js";

const PROGRESS_DELAY_MS = 200;

export class Card {
  // figure: a module of web/figures; app: {engine, schema, ctx, onChange, linkFor,
  // embedSnippets, shownControls}.
  constructor(figure, app) {
    this.figure = figure;
    this.app = app;
    this.drawn = 0;
    this.values = null; // the controls' values, the newest asked for
    this.result = null;
    this.resultValues = null; // the values `result` was computed for, which it is drawn with
    this.asked = 0; // update() calls so far; drawnAsk: the one whose result is drawn
    this.drawnAsk = 0;
    this.element = element("section", {
      class: "card",
      id: `fig-${figure.id}`,
      "data-figure": figure.id,
      "data-status": "busy",
      "data-drawn": "0",
      "aria-labelledby": `fig-${figure.id}-title`,
    });
    this.build();
  }

  build() {
    const { t } = this.app.ctx;
    const id = this.figure.id;
    this.title = element("h3", { class: "card-title", id: `fig-${id}-title` });
    appendSubscripted(this.title, t(`figures.${id}.title`));
    this.notices = element("div", {
      class: "notices",
      role: "status",
      hidden: "",
    });
    this.form = element("form", {
      class: "controls",
      "aria-label": plainSubscripts(t(`figures.${id}.title`)),
    });
    this.form.addEventListener("submit", (event) => event.preventDefault());
    const shown = this.app.shownControls(
      id,
      this.figure.controls.map((def) => def.name),
    );
    this.controls = buildControls(
      this.form,
      id,
      this.figure.controls.filter((def) => shown.includes(def.name)),
      this.app.schema,
      this.app.ctx,
      (name, raw, commit) => this.app.onChange(id, name, raw, commit),
    );
    this.host = element("div", { class: "figure-host" });
    this.error = element("p", {
      class: "figure-error",
      role: "alert",
      hidden: "",
    });
    // A coarse view being refined (web/refine.js) says so beside the title, off the plots.
    this.refining = element("p", {
      class: "refining",
      role: "status",
      hidden: "",
    });
    this.progress = element(
      "div",
      { class: "progress", role: "status", "aria-live": "polite", hidden: "" },
      [
        element("span", { class: "spinner", "aria-hidden": "true" }),
        element("span", { text: t("status.computing") }),
      ],
    );
    this.legend = element("ul", { class: "legend" });
    this.toast = element("p", {
      class: "toast",
      role: "status",
      "aria-live": "polite",
    });
    const actions = (this.actions = element("div", { class: "card-actions" }, [
      this.button("link", () => this.copy(this.app.linkFor(id))),
      this.button("embed", () => this.showEmbed()),
      this.button("png", () => this.exportPng(true)),
      this.button("pngPage", () => this.exportPng(false)),
      this.scaleChoice(),
      (this.svgButton = this.button("svg", () => this.exportSvg())),
      this.button("csv", () => this.exportCsv()),
    ]));
    const stage = element("div", { class: "stage" }, [
      this.host,
      this.progress,
    ]);
    // Embedded in a small frame, the controls fold away so that the figure keeps the room.
    const controls = this.app.ctx.embed
      ? element("details", { class: "embed-controls" }, [
          element("summary", { text: t("actions.parameters") }),
          this.form,
        ])
      : this.form;
    if (this.app.ctx.embed && innerHeight >= 560) controls.open = true;
    this.element.append(
      this.refining,
      this.title,
      this.notices,
      ...(shown.length ? [controls] : []),
      stage,
      this.error,
      this.legend,
      actions,
      this.toast,
    );
    this.view = this.figure.create(this.host, this.app.ctx);
  }

  button(action, onClick) {
    const { t } = this.app.ctx;
    const button = element("button", {
      type: "button",
      class: `action action-${action}`,
      title: t(`actions.${action}Title`),
      "data-action": action,
      text: t(`actions.${action}`),
    });
    button.addEventListener("click", onClick);
    return button;
  }

  // The PNG's scale, 1x to 3x its CSS size (2x by default: a projector's or a slide's).
  scaleChoice() {
    const { t } = this.app.ctx;
    this.scale = element(
      "select",
      {
        class: "export-scale",
        "data-action": "scale",
        title: t("actions.scaleTitle"),
        "aria-label": t("actions.scaleTitle"),
      },
      EXPORT_SCALES.map((scale) =>
        element("option", {
          value: String(scale),
          text: t("actions.scaleOption", { scale }),
        }),
      ),
    );
    this.scale.value = String(DEFAULT_EXPORT_SCALE);
    return element("label", { class: "export-scale-label" }, [
      element("span", { text: t("actions.scale") }),
      this.scale,
    ]);
  }

  setNotices(notices) {
    const { t } = this.app.ctx;
    this.notices.replaceChildren();
    this.notices.hidden = notices.length === 0;
    if (!notices.length) return;
    const list = element("ul");
    for (const n of notices)
      list.append(element("li", { text: noticeText(t, n) }));
    const dismiss = element("button", {
      type: "button",
      class: "dismiss",
      text: t("notices.dismiss"),
    });
    dismiss.addEventListener("click", () => this.setNotices([]));
    this.notices.append(
      element("p", { text: noticeTitle(t, notices) }),
      list,
      dismiss,
    );
  }

  // Shows `values` in the controls and asks the engine for the figure's numbers. refine: a
  // control's change, first drawn with a coarse batch where that is quicker (web/refine.js);
  // commit false: a slider's input event, whose full request waits until the slider rests.
  update(values, { refine = false, commit = true } = {}) {
    // A slider's release (change) repeats the value its last input event asked for: that
    // value is already drawn or on its way, so it is not computed a second time (a full
    // request still waiting for the slider to rest is sent now).
    const key = JSON.stringify(values);
    if (key === this.requested && this.element.dataset.status !== "error") {
      this.values = values;
      this.controls.sync(values);
      if (commit && this.waitingFull) this.waitingFull.send();
      return;
    }
    this.requested = key;
    this.values = values;
    const ask = ++this.asked;
    this.controls.sync(values);
    this.element.dataset.status = "busy";
    clearTimeout(this.progressTimer);
    this.progressTimer = setTimeout(
      () => (this.progress.hidden = false),
      PROGRESS_DELAY_MS,
    );
    this.waitingFull?.cancel();
    const coarse = refine ? coarseView(this.figure.id, values) : null;
    // The coarse request first, so that a busy worker computes it first.
    if (coarse)
      this.drawCoarse(ask, { ...values, batch: coarse.batch }, values.batch, {
        light: coarse.light,
      });
    if (!coarse || commit) return this.drawFull(ask, values, key);
    const waiting = (this.waitingFull = {
      send: () => {
        waiting.cancel();
        this.drawFull(ask, values, key);
      },
      cancel: () => {
        clearTimeout(waiting.timer);
        if (this.waitingFull === waiting) this.waitingFull = null;
      },
    });
    waiting.timer = setTimeout(waiting.send, REFINE_DELAY_MS);
  }

  // The full request of ask's values, drawn as accept() says; its error is shown.
  async drawFull(ask, values, key) {
    try {
      const reply = await this.app.engine.request(
        this.figure.id,
        this.figure.op,
        this.figure.args(values),
      );
      this.accept(ask, reply, values, key);
    } catch (error) {
      const key = `errors.${error.message}`;
      const text = this.app.ctx.t(key);
      this.showError(
        text === key
          ? this.app.ctx.t("errors.engine", { message: error.message })
          : text,
      );
    } finally {
      // The newest request's end, by its values (a slider's release, or a drag's on the edge
      // diagram, repeats them in a new object): "Computing…" stayed up after it.
      if (this.requested === key) {
        clearTimeout(this.progressTimer);
        this.progress.hidden = true;
      }
    }
  }

  // The coarse view of ask's values (of the full request's batch `full`); its errors are the
  // full request's to report. light: computed on the main thread once it has its instance of
  // the module.
  async drawCoarse(ask, values, full, { light }) {
    let reply;
    try {
      reply = await this.app.engine.request(
        `${this.figure.id}:coarse`,
        this.figure.op,
        this.figure.args(values),
        light,
      );
    } catch {
      return;
    }
    this.accept(ask, reply, values, JSON.stringify(values), full);
  }

  // Draws a reply unless a newer one is drawn already: a superseded result (a newer value is
  // being computed: a slider being dragged) is drawn meanwhile, so that the figure follows
  // the drag as fast as the engine answers and ends on the newest value; a coarse one only
  // where nothing of its ask is drawn yet, and marked as such. coarseOf: the full batch of a
  // coarse view.
  accept(ask, reply, values, key, coarseOf = null) {
    const coarse = coarseOf !== null;
    if (reply.stale || ask < this.drawnAsk) return;
    if (coarse && ask === this.drawnAsk) return;
    this.drawnAsk = ask;
    this.result = reply.result;
    this.resultValues = values;
    this.resultKey = key;
    this.coarse = coarse;
    this.element.dataset.ms = reply.ms.toFixed(1);
    this.element.dataset.thread = reply.thread;
    this.error.hidden = true;
    this.host.hidden = false;
    if (coarse) {
      clearTimeout(this.progressTimer);
      this.progress.hidden = true;
      this.refining.textContent = this.app.ctx.t("status.refining", {
        batch: values.batch,
        full: coarseOf,
      });
    }
    this.refining.hidden = !coarse;
    this.redraw();
  }

  // Draws the last result again (after a theme change or a resize of the embed). A card not
  // yet in the page (web/app.js adds the lower sections after the first figure) draws once it
  // is (shown()): its charts take their width from the page.
  redraw() {
    if (!this.result) return;
    if (!this.element.isConnected) {
      this.drawWhenShown = true;
      return;
    }
    this.drawWhenShown = false;
    this.view.draw(this.result, this.resultValues, {
      ...this.app.ctx,
      theme: theme(),
    });
    this.renderLegend();
    this.drawn += 1;
    this.element.dataset.drawn = String(this.drawn);
    // busy while a newer value than the one drawn is on its way
    this.element.dataset.status =
      this.resultKey === this.requested ? "ready" : "busy";
    this.element.dataset.values = JSON.stringify(this.resultValues);
    // A coarse draw (web/refine.js) says so until the full request's result replaces it.
    if (this.coarse) this.element.dataset.coarse = "true";
    else delete this.element.dataset.coarse;
    // A figure drawn only in charts has an SVG; one with pixel images (figure 6) says so.
    const vector = hasVector(this.view);
    const { t } = this.app.ctx;
    this.svgButton.setAttribute("aria-disabled", String(!vector));
    this.svgButton.title = t(vector ? "actions.svgTitle" : "actions.svgNone");
    // An embed names what it shows: activation, initializer, L, N, B, seed.
    if (this.app.ctx.embed) {
      this.title.replaceChildren();
      appendSubscripted(this.title, this.view.title(this.resultValues));
    }
    this.element.dispatchEvent(new CustomEvent("actlab:drawn"));
  }

  shown() {
    if (this.drawWhenShown) this.redraw();
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = false;
    this.element.dataset.status = "error";
    this.element.dispatchEvent(new CustomEvent("actlab:error"));
  }

  // Resolves once the drawn result is the full request's (or the request failed): the
  // exports are of the full result only, as a page loaded at the URL draws it.
  async refined() {
    while (this.coarse && this.element.dataset.status !== "error")
      await new Promise((resolve) => {
        const done = () => {
          this.element.removeEventListener("actlab:drawn", done);
          this.element.removeEventListener("actlab:error", done);
          resolve();
        };
        this.element.addEventListener("actlab:drawn", done);
        this.element.addEventListener("actlab:error", done);
      });
    return this.result && !this.coarse;
  }

  // Built again only when its items change (most redraws keep the same legend).
  renderLegend() {
    const items = this.view.legend();
    const key = JSON.stringify([this.app.ctx.t.lang, theme().fg, items]);
    if (key === this.legendKey) return;
    this.legendKey = key;
    this.legend.replaceChildren();
    for (const item of items) {
      const swatch = element("span", {
        class: "swatch",
        "aria-hidden": "true",
      });
      if (item.gradient)
        swatch.style.background = `linear-gradient(to right, ${item.gradient.join(", ")})`;
      else if (item.fill) swatch.style.background = item.fill;
      else if (item.marker) {
        swatch.classList.add(`marker-${item.marker}`);
        swatch.style.borderColor = displayColor(item.color);
        if (item.marker === "dot")
          swatch.style.background = displayColor(item.color);
      } else {
        swatch.style.borderTopColor = displayColor(item.color);
        swatch.style.borderTopStyle = item.dash ? "dashed" : "solid";
      }
      const label = element("span");
      renderRich(label, item.label);
      this.legend.append(element("li", {}, [swatch, label]));
    }
  }

  // Copies the fixed-size snippet and shows both (web/embed-panel.js) under the buttons.
  showEmbed() {
    const snippets = this.app.embedSnippets(this.figure.id);
    this.copy(snippets.fixed);
    this.embedPanel?.remove();
    this.embedPanel = embedPanel(snippets, this.app.ctx.t, (text) =>
      this.copy(text),
    );
    this.actions.after(this.embedPanel);
  }

  async copy(text) {
    const { t } = this.app.ctx;
    try {
      await navigator.clipboard.writeText(text);
      this.toast.textContent = t("actions.copied");
    } catch {
      this.toast.textContent = `${t("actions.copyFailed")} ${text}`;
    }
    this.toast.dataset.copied = text;
  }

  filename(extension) {
    return `actlab-${this.figure.id}.${extension}`;
  }

  exportOptions(light) {
    return {
      figure: this.figure,
      result: this.result,
      live: this.view, // a figure that changes on its own exports what it shows (training)
      values: this.resultValues,
      ctx: this.app.ctx,
      width: this.host.clientWidth,
      light,
    };
  }

  // light: the light colours (the default, for slides); else the page's (dark mode).
  async exportPng(light) {
    if (!(await this.refined())) return;
    const canvas = renderPng({
      ...this.exportOptions(light),
      scale: Number(this.scale.value),
    });
    downloadPng(this.filename("png"), canvas);
  }

  // In the light colours; a figure with pixel images has none, and the toast says why.
  async exportSvg() {
    if (!(await this.refined())) return;
    const svg = hasVector(this.view) && renderSvg(this.exportOptions(true));
    if (svg) downloadSvg(this.filename("svg"), svg);
    else this.toast.textContent = this.app.ctx.t("actions.svgNone");
  }

  async exportCsv() {
    if (await this.refined())
      downloadCsv(
        this.filename("csv"),
        (this.figure.exactCsv
          ? ""
          : `# ${this.view.title(this.resultValues)}\n`) +
          this.view.csv(this.result, this.resultValues),
      );
  }

  // Embed mode: the figure takes the height the iframe leaves after the card's chrome.
  fit(height) {
    if (this.view.fit?.(height)) this.redraw();
  }

  destroy() {
    this.waitingFull?.cancel();
    this.view.destroy?.();
  }
}
