// The page: reads the state from the URL, lays out the lecture (or, in embed mode, one
// figure), and keeps the URL, the controls and the figures in step. Back/forward restore a
// view; a bad URL value is clamped with a notice.
import { Card } from "./card.js";
import { BUILT_CATALOG } from "./engine-catalog.js";
import { Engine } from "./engine.js";
import { FIGURES } from "./figures/index.js";
import { displayName, translatorOf } from "./i18n/translate.js";
import {
  LANGUAGE_NAMES,
  loadStrings,
  loadedStrings,
} from "./i18n/languages.js";
import { renderRich } from "./katex.js";
import { setNumberLanguage } from "./numbers.js";
import { presetList } from "./presets.js";
import { theme } from "./plot/palette.js";
import {
  FIGURE_IDS,
  LANGUAGES,
  createSchema,
  parseState,
  stateToQuery,
  withParam,
} from "./state.js";
import { element } from "./dom.js";
import { parseControls, withControls } from "./embed-options.js";
import { embedSnippets } from "./embed-panel.js";
import { postHeights } from "./embed-resize.js";
import { missingLibraries } from "./libraries.js";
import { connectScorm } from "./scorm.js";

// A row wider than its box scrolls sideways; a fade at each end that hides links says so
// (classes clipped-start / clipped-end, see styles.css). Returns the observer to disconnect.
function fadeClippedEnds(scroller) {
  const update = () => {
    const hidden = scroller.scrollWidth - scroller.clientWidth;
    scroller.classList.toggle("clipped-start", scroller.scrollLeft > 1);
    scroller.classList.toggle("clipped-end", scroller.scrollLeft < hidden - 1);
  };
  scroller.addEventListener("scroll", update, { passive: true });
  const observer = new ResizeObserver(update);
  observer.observe(scroller);
  observer.observe(scroller.firstElementChild);
  return observer;
}

// later: where the paragraphs' formulas are left to be typeset (renderRich), or null.
function paragraphs(texts, className = "", later = null) {
  return texts.map((text) => {
    const p = element("p", className ? { class: className } : {});
    renderRich(p, text, later);
    return p;
  });
}

// The sections below the one the page opens at join the page, and their formulas are typeset,
// in slices of this many ms from the first figure drawn on (or from FIRST_DRAW_WAIT_MS after the
// render, whichever is first): the first figure waits only for its own section's text, style
// and layout.
const TYPESET_SLICE_MS = 8;
const FIRST_DRAW_WAIT_MS = 1000;
const URL_WRITE_MS = 200;

// Resolves after the frame that shows the first figure drawn under `root`, or FIRST_DRAW_WAIT_MS
// after `started` resolves, whichever is first: the work the first figure does not need waits.
function firstFigureShown(root, started) {
  return new Promise((resolve) => {
    const done = () => {
      root.removeEventListener("actlab:drawn", done, true);
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    // actlab:drawn does not bubble; a capturing listener on the root sees every card's.
    root.addEventListener("actlab:drawn", done, true);
    started.then(() => setTimeout(resolve, FIRST_DRAW_WAIT_MS));
  });
}

class App {
  constructor(root) {
    this.root = root;
    let rendered;
    this.rendered = new Promise((resolve) => (rendered = resolve));
    this.markRendered = rendered;
    this.firstShown = firstFigureShown(root, this.rendered);
    // data-main-thread-engine tells tests when figure 1 is computed on the main thread.
    this.engine = new Engine({
      onMainThread: () => (document.body.dataset.mainThreadEngine = "ready"),
      onRestart: (error) => this.showRestart(error),
      later: this.firstShown,
    });
    this.cards = new Map();
    this.urlWrittenAt = -Infinity;
    this.urlTimer = null;
    this.gestureOpen = false; // the history entry is a gesture's, not yet committed
    // For figures that run on their own (training): the engine, and a parameter setter.
    this.live = {
      engine: this.engine,
      setParam: (figure, name, raw, commit) =>
        this.change(figure, { [name]: raw }, commit),
      setParams: (figure, changes, commit) =>
        this.change(figure, changes, commit),
    };
  }

  async start() {
    const guess = parseState(
      location.search,
      emptySchema(),
      { activations: [], initializers: [] },
      navigator.languages,
    );
    // The reader's language first (English's strings are in the page; another's load now).
    try {
      await loadStrings(guess.lang);
    } catch {
      return this.showLoadError(
        translator("en")("deploy.missing", {
          names: LANGUAGE_NAMES[guess.lang],
        }),
      );
    }
    const missing = missingLibraries();
    if (missing.length)
      return this.showLoadError(
        translator(guess.lang)("deploy.missing", { names: missing.join(", ") }),
      );
    const loadError = (error) =>
      this.showLoadError(
        translator(guess.lang)("errors.load", { message: error.message }),
      );
    if (BUILT_CATALOG) {
      this.begin(BUILT_CATALOG);
      // Asked once the first figure is shown: the worker computes the figures first.
      this.firstShown.then(() =>
        this.engine
          .request("catalog", "catalog", {})
          .then(({ result }) => this.checkCatalog(result), loadError),
      );
    } else {
      this.showLoading(translator(guess.lang));
      let catalog;
      try {
        ({ result: catalog } = await this.engine.request(
          "catalog",
          "catalog",
          {},
        ));
      } catch (error) {
        return loadError(error);
      }
      this.begin(catalog);
      document.body.dataset.catalog = "engine";
    }
    addEventListener("popstate", () => this.restore());
    // Printing, or following a link within the page, shows the whole lecture as typeset.
    addEventListener("beforeprint", () => this.completeNow());
    this.root.addEventListener("click", (event) => {
      if (event.target.closest?.('a[href^="#"]')) this.completeNow();
    });
    matchMedia("(prefers-color-scheme: dark)").addEventListener(
      "change",
      () => {
        for (const card of this.cards.values()) card.redraw();
      },
    );
  }

  // The page laid out for the engine's catalog (the state read again from the URL with it).
  begin(catalog) {
    this.catalog = catalog;
    this.schema = createSchema(catalog);
    this.state = parseState(
      location.search,
      this.schema,
      catalog,
      navigator.languages,
    );
    this.scorm ??= this.state.embed ? null : connectScorm();
    this.render();
  }

  // The build's catalog against the module's: equal (data-catalog="checked", for tests), or
  // the page is laid out again for the module's, which is the engine's word, and the console
  // says so (a build whose two flavours of the module differ).
  checkCatalog(catalog) {
    if (JSON.stringify(catalog) === JSON.stringify(this.catalog)) {
      document.body.dataset.catalog = "checked";
      return;
    }
    console.error("actlab: the built catalog differs from the engine's");
    document.body.dataset.catalog = "differs";
    this.begin(catalog);
  }

  // One message in place of the page when a part of it did not load.
  showLoadError(message) {
    this.root.replaceChildren(
      element("p", { class: "figure-error", role: "alert", text: message }),
    );
    document.body.dataset.status = "error";
  }

  showLoading(t) {
    this.root.replaceChildren(
      element("p", {
        class: "loading",
        role: "status",
        text: t("status.loading"),
      }),
    );
  }

  // What figures and controls read: the translator, the engine's catalog, the theme, and
  // name(kind, id), the display name of an activation or initializer in the page's language.
  get ctx() {
    const { t, catalog } = this;
    const name = (kind, id) => displayName(t, catalog, kind, id);
    return { t, catalog, name, theme: theme(), embed: this.state.embed };
  }

  render() {
    for (const card of this.cards.values()) card.destroy();
    this.cards.clear();
    this.t = translator(this.state.lang);
    setNumberLanguage(this.state.lang);
    const t = this.t;
    document.documentElement.lang = this.state.lang;
    document.title = t("meta.title");
    document.body.classList.toggle("embed", this.state.embed);
    const app = {
      engine: this.engine,
      schema: this.schema,
      ctx: { ...this.ctx, ...this.live },
      onChange: (figure, name, raw, commit) =>
        this.change(figure, { [name]: raw }, commit),
      linkFor: (figure) => this.urlFor(figure, false),
      embedSnippets: (figure) => this.embedSnippets(figure),
      shownControls: (figure, names) => this.shownControls(figure, names),
    };
    const ids = this.state.embed
      ? [this.state.view]
      : FIGURE_IDS.filter((id) => FIGURES[id]);
    for (const id of ids) this.cards.set(id, new Card(FIGURES[id], app));

    // The figures laid out now (the embed's, or the page's down to the opened section).
    const shownNow = this.state.embed ? this.renderEmbed() : this.renderPage();
    this.showNotices();
    // Those ask for their numbers now, the lower sections' once the first figure is shown: on
    // a machine of two cores their computation (and the compilation that comes with it) took
    // the processor from the first figure's layout and draw. Each asks with the state of then.
    for (const [id, card] of this.cards) {
      if (shownNow.includes(id)) card.update(this.state.figures[id]);
      else
        this.firstShown.then(() => {
          if (this.cards.get(id) === card) card.update(this.state.figures[id]);
        });
    }
    // The section of ?view= (a figure within another's section: its card), or the page's
    // #fragment: the page is built after the browser looked for the fragment, so it scrolls
    // there itself.
    const view = this.state.view;
    const target = view
      ? sectionOf(view) === view
        ? `sec-${view}`
        : `fig-${view}`
      : decodeURIComponent(location.hash.slice(1));
    if (!this.state.embed && target && this.renderedOnce !== true) {
      document.getElementById(target)?.scrollIntoView();
    }
    this.renderedOnce = true;
    this.markRendered();
  }

  // Lays out the lecture; returns the figures in the page now (the lower sections join it
  // after the first figure).
  renderPage() {
    const t = this.t;
    // The section the page opens at (?view= or #sec-…): it and those above it are laid out
    // and typeset now, so that nothing above what the reader sees moves later.
    const opened = SECTION_IDS.findIndex((id) =>
      figuresOf(id).some(
        (fid) =>
          fid === this.state.view ||
          location.hash === `#sec-${fid}` ||
          location.hash === `#fig-${fid}`,
      ),
    );
    // soon: the opened section's prose below its last figure, typeset first after the first
    // figure (nothing above what the reader sees moves); later: the lower sections' prose.
    const soon = [];
    const later = [];
    const sections = [];
    const nav = element("nav", { "aria-label": t("header.nav") }, [
      element(
        "ul",
        {},
        SECTION_IDS.map((id, i) =>
          element("li", {}, [
            element("a", {
              href: `#sec-${id}`,
              text: `${i + 1}. ${t(`sections.${id}.nav`)}`,
            }),
          ]),
        ),
      ),
    ]);
    this.navObserver?.disconnect();
    this.navObserver = fadeClippedEnds(nav);
    const header = element("header", { class: "site-header" }, [
      element("a", { class: "skip", href: "#content", text: t("header.skip") }),
      element("a", { class: "brand", href: "#top" }, [
        element("strong", { text: t("header.brand") }),
        element("span", { class: "tagline", text: t("header.tagline") }),
      ]),
      nav,
      this.languageSwitch(),
    ]);
    this.pageNotices = element("div", {
      class: "notices page-notices",
      role: "status",
      hidden: "",
    });
    const article = element("article", { class: "lecture" }, [
      element("h1", { id: "top", text: t("intro.title") }),
      this.pageNotices,
      ...paragraphs(t("intro.lead"), "lead"),
    ]);
    for (const [index, id] of SECTION_IDS.entries()) {
      const deferred = index > Math.max(0, opened) ? later : null;
      const section = element(
        "section",
        {
          class: "lecture-section",
          id: `sec-${id}`,
          "aria-labelledby": `sec-${id}-title`,
        },
        [
          element("h2", {
            id: `sec-${id}-title`,
            text: t(`sections.${id}.title`),
          }),
          ...paragraphs(t(`sections.${id}.before`), "", deferred),
        ],
      );
      // The section's own figure, then the figures drawn within it, each between its prose.
      const figures = figuresOf(id);
      for (const [k, fid] of figures.entries()) {
        const below =
          deferred ??
          (index === Math.max(0, opened) && k === figures.length - 1
            ? soon
            : null);
        if (k > 0)
          section.append(
            ...paragraphs(t(`sections.${fid}.before`), "", deferred),
          );
        if (this.cards.has(fid)) section.append(this.cards.get(fid).element);
        section.append(
          ...[
            presetList(fid, t, this.state.langFromUrl ? this.state.lang : null),
          ].filter(Boolean),
        );
        section.append(...paragraphs(t(`sections.${fid}.after`), "", below));
      }
      sections.push(section);
    }
    const now = Math.max(0, opened) + 1;
    article.append(...sections.slice(0, now));
    // One section per step, its figures drawn as it joins (if their numbers are in).
    later.unshift(
      ...soon,
      ...SECTION_IDS.slice(now).map((id, i) => () => {
        article.append(sections[now + i]);
        for (const fid of figuresOf(id)) this.cards.get(fid)?.shown();
      }),
    );
    const footer = element("footer", { class: "site-footer" }, [
      element("p", { text: t("footer.text") }),
      element("p", { class: "references", text: t("footer.references") }),
    ]);
    const main = element("main", { id: "content", tabindex: "-1" }, [article]);
    this.root.replaceChildren(header, main, footer);
    this.scormObserver?.disconnect();
    this.scormObserver = this.scorm?.watch(sections.at(-1));
    this.completeLater(later);
    return SECTION_IDS.slice(0, now).flatMap(figuresOf);
  }

  // Runs `queue` (the lower sections joining the page, then renderRich's deferred formulas) in
  // slices between the figures' own tasks, from the first figure drawn on; a newer render's
  // queue replaces it.
  completeLater(queue) {
    clearTimeout(this.laterTimer);
    this.later = queue;
    // data-lecture="complete": every section is in the page and typeset (for tests).
    document.body.dataset.lecture = "partial";
    const slice = () => {
      if (this.later !== queue) return;
      const end = performance.now() + TYPESET_SLICE_MS;
      while (queue.length && performance.now() < end) queue.shift()();
      if (queue.length) this.laterTimer = setTimeout(slice, 0);
      else document.body.dataset.lecture = "complete";
    };
    this.firstShown.then(slice);
  }

  completeNow() {
    const queue = this.later ?? [];
    while (queue.length) queue.shift()();
    document.body.dataset.lecture = "complete";
  }

  // Lays out the embedded figure alone; returns it.
  renderEmbed() {
    const card = this.cards.get(this.state.view);
    this.pageNotices = element("div", {
      class: "notices page-notices",
      role: "status",
      hidden: "",
    });
    const open = element("a", {
      class: "open-full",
      href: this.urlFor(this.state.view, false),
      target: "_blank",
      rel: "noopener",
      text: this.t("actions.open"),
    });
    card.actions.append(open);
    const main = element("main", { id: "content", class: "embed-main" }, [
      this.pageNotices,
      card.element,
    ]);
    this.root.replaceChildren(main);
    // The stage takes the height the card's chrome leaves in the frame (CSS flex); the
    // figure's charts follow its size.
    const stage = card.host.parentElement;
    new ResizeObserver(() => card.fit(stage.clientHeight)).observe(stage);
    this.heightObserver?.disconnect();
    this.heightObserver = postHeights(this.state.view, main, stage);
    return [this.state.view];
  }

  languageSwitch() {
    const select = element("select", {
      id: "lang",
      "aria-label": `${this.t("header.language")} / Language`,
    });
    for (const lang of LANGUAGES) {
      const option = element("option", {
        value: lang,
        lang,
        text: LANGUAGE_NAMES[lang],
      });
      if (lang === this.state.lang) option.selected = true;
      select.append(option);
    }
    select.addEventListener("change", async () => {
      const lang = select.value;
      try {
        await loadStrings(lang);
      } catch {
        select.value = this.state.lang;
        return this.showLanguageError(lang);
      }
      this.state = { ...this.state, lang, langFromUrl: true };
      this.writeUrl(true);
      this.render();
      document.getElementById("lang")?.focus();
    });
    return element("div", { class: "language" }, [
      element("label", {
        for: "lang",
        class: "visually-hidden",
        text: this.t("header.language"),
      }),
      select,
    ]);
  }

  // A language whose strings did not load (a copy of the site that lacks them): the page stays
  // in its language, and one line at its top says why.
  showLanguageError(lang) {
    this.languageNotice ??= element("p", {
      class: "figure-error",
      role: "alert",
    });
    this.languageNotice.textContent = this.t("deploy.language", {
      name: LANGUAGE_NAMES[lang],
    });
    this.root.prepend(this.languageNotice);
  }

  // The engine's worker died and was replaced: one line at the top of the page says so.
  showRestart(error) {
    this.restartNotice ??= element("p", {
      class: "figure-error",
      role: "alert",
    });
    this.restartNotice.textContent = this.t("errors.restarted", {
      message: error.message,
    });
    this.root.prepend(this.restartNotice);
    document.body.dataset.engineRestarts = String(this.engine.restarts);
  }

  // Notices go to the card of the figure they concern; global ones to the top of the page.
  showNotices() {
    const byFigure = new Map();
    const global = [];
    for (const notice of this.state.notices) {
      const figure = notice.key.split(".")[0];
      if (this.cards.has(figure))
        byFigure.set(figure, [...(byFigure.get(figure) ?? []), notice]);
      else global.push(notice);
    }
    for (const [id, card] of this.cards)
      card.setNotices(byFigure.get(id) ?? []);
    const t = this.t;
    this.pageNotices.hidden = global.length === 0;
    this.pageNotices.replaceChildren(
      ...(global.length
        ? [
            element("p", { text: t("notices.title") }),
            element(
              "ul",
              {},
              global.map((n) =>
                element("li", { text: t(`notices.${n.reason}`, n) }),
              ),
            ),
          ]
        : []),
    );
  }

  // changes: {name: raw} of one figure, made as one change (one address, one request): a
  // point of the edge diagram moves sigma_w2 and sigma_b2 at once.
  change(figure, changes, commit) {
    const notices = [];
    for (const [name, raw] of Object.entries(changes)) {
      this.state = withParam(
        this.state,
        this.schema,
        this.catalog,
        figure,
        name,
        raw,
      );
      notices.push(...this.state.notices);
    }
    this.state = { ...this.state, notices };
    this.writeUrl(commit);
    const card = this.cards.get(figure);
    if (this.state.notices.length) card?.setNotices(this.state.notices);
    card?.update(this.state.figures[figure], { refine: true, commit });
  }

  // The figure's controls to show: all, except in an embed with &controls= (its notice goes
  // to the figure's card with the others).
  shownControls(figure, names) {
    if (!this.state.embed) return names;
    const {
      names: shown,
      raw,
      notice,
    } = parseControls(location.search, figure, names);
    if (notice && !this.state.notices.some((n) => n.key === notice.key))
      this.state.notices.push(notice);
    this.controlsRaw = raw;
    return shown ? names.filter((name) => shown.has(name)) : names;
  }

  // A slider's input events (commit false) rewrite the address at most every URL_WRITE_MS,
  // the newest state last: each history.replaceState is a call into the browser's process
  // (16 ms of a slider's event at load 19), and Chromium ignores a page's history calls beyond
  // a few hundred in 10 s. A commit writes the newest state at once, pending or not.
  writeUrl(commit) {
    if (!commit) {
      if (this.urlTimer) return; // the pending write takes the newest state
      const wait = this.urlWrittenAt + URL_WRITE_MS - performance.now();
      if (wait <= 0) return this.writeUrlNow(false);
      this.urlTimer = setTimeout(() => {
        this.urlTimer = null;
        this.writeUrlNow(false);
      }, wait);
      return;
    }
    clearTimeout(this.urlTimer);
    this.urlTimer = null;
    this.writeUrlNow(true);
  }

  // A gesture (a drag on the edge diagram or a slider up to its release, a click) is one
  // history entry, so that back returns to the state before it: its first write pushes the
  // entry, the rest replace it, its commit ends it; a commit on its own pushes one.
  writeUrlNow(commit) {
    this.urlWrittenAt = performance.now();
    const query = withControls(
      stateToQuery(this.state, this.schema),
      this.state.embed ? (this.controlsRaw ?? null) : null,
    );
    const url = `${location.pathname}${query}${location.hash}`;
    const same =
      url === `${location.pathname}${location.search}${location.hash}`;
    const open = this.gestureOpen;
    this.gestureOpen = !commit && (open || !same);
    if (same) return;
    if (open) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  restore() {
    clearTimeout(this.urlTimer);
    this.urlTimer = null;
    this.gestureOpen = false;
    const previous = this.state;
    this.state = parseState(
      location.search,
      this.schema,
      this.catalog,
      navigator.languages,
    );
    if (
      previous.lang !== this.state.lang ||
      previous.embed !== this.state.embed ||
      (this.state.embed && previous.view !== this.state.view)
    ) {
      const state = this.state;
      loadStrings(state.lang).then(
        () => this.state === state && this.render(),
        () => {
          if (this.state === state)
            this.state = { ...state, lang: previous.lang };
          this.showLanguageError(state.lang);
        },
      );
      return;
    }
    this.showNotices();
    for (const [id, card] of this.cards) {
      if (
        stateToQuery({ ...this.state, embed: false, view: null }, this.schema, {
          only: id,
        }) !==
        stateToQuery({ ...previous, embed: false, view: null }, this.schema, {
          only: id,
        })
      ) {
        card.update(this.state.figures[id]);
      }
    }
  }

  urlFor(figure, embed) {
    const query = stateToQuery(this.state, this.schema, {
      only: figure,
      embed,
    });
    // The page's own address, whatever its path or scheme (a file:// page has no origin).
    return `${location.href.replace(/[?#].*$/s, "")}${query}`;
  }

  embedSnippets(figure) {
    return embedSnippets(
      this.urlFor(figure, true),
      `actlab — ${this.t(`sections.${figure}.title`)}`,
    );
  }
}

// A figure may be drawn within another's section (`section` in its module: SELU's moment
// field in section 5); the page's sections are the figures that have their own.
function sectionOf(id) {
  return FIGURES[id]?.section ?? id;
}

const SECTION_IDS = FIGURE_IDS.filter((id) => sectionOf(id) === id);

// A section's figures: its own first, then those drawn within it.
function figuresOf(section) {
  return FIGURE_IDS.filter((id) => sectionOf(id) === section);
}

// t(key, vars) in `lang`, whose strings are loaded (else in English).
function translator(lang) {
  return translatorOf(loadedStrings(lang), lang);
}

// Before the engine's catalog is known only the language can be read from the URL.
function emptySchema() {
  return Object.fromEntries(FIGURE_IDS.map((id) => [id, {}]));
}

new App(document.getElementById("app")).start();
