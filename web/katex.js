// Formulas with KaTeX (loaded as a classic script from node_modules/katex/dist, fonts served
// locally), and rich text: a string with $inline$ and $$display$$ TeX and **bold** words.
import { whenIdle } from "./idle.js";
import { appendSubscripted } from "./rich_text.js";

function katex() {
  return globalThis.katex;
}

// KaTeX's output for each formula and mode, rendered once: a figure redrawn with the same
// formula keeps its nodes, and a formula seen before is cloned (far cheaper than typesetting).
const rendered = new Map();
const shown = new WeakMap(); // element -> the key of the formula it shows

function typeset(tex, display) {
  const key = `${display ? "$$" : "$"}${tex}`;
  if (!rendered.has(key)) {
    const template = document.createElement("span");
    katex().render(tex, template, {
      displayMode: display,
      throwOnError: false,
      output: "htmlAndMathml",
    });
    rendered.set(key, template);
  }
  return key;
}

export function renderFormula(element, tex, { display = false } = {}) {
  const key = typeset(tex, display);
  if (shown.get(element) === key) return;
  element.replaceChildren(...rendered.get(key).cloneNode(true).childNodes);
  shown.set(element, key);
}

// Typesets formulas before they are shown, while the page is idle (e.g. every activation's,
// so that choosing one clones its formulas instead of typesetting them).
export function prepareFormulas(texts, { display = false } = {}) {
  const queue = [...texts];
  const work = (deadline) => {
    while (queue.length && deadline.timeRemaining() > 2)
      typeset(queue.shift(), display);
    if (queue.length) whenIdle(work);
  };
  whenIdle(work);
}

function appendBold(parent, text) {
  text.split(/\*\*(.+?)\*\*/g).forEach((part, i) => {
    if (!part) return;
    if (i % 2) {
      const strong = document.createElement("strong");
      appendSubscripted(strong, part);
      parent.append(strong);
    } else {
      appendSubscripted(parent, part);
    }
  });
}

// Fills `element` with `text`; TeX is rendered, everything else is plain text (never HTML)
// but for its subscripts, "σ_w²" (web/rich_text.js).
// With `later` (an array), each formula is left an empty span and the work that typesets it is
// pushed onto `later` instead, for the page to run after its first figure (web/app.js).
export function renderRich(element, text, later = null) {
  element.replaceChildren();
  const pieces = text.split(/(\$\$[\s\S]+?\$\$|\$[^$]+?\$)/g);
  for (const piece of pieces) {
    if (!piece) continue;
    const display = piece.startsWith("$$");
    if (
      display ||
      (piece.startsWith("$") && piece.endsWith("$") && piece.length > 1)
    ) {
      const span = document.createElement("span");
      const tex = piece.slice(display ? 2 : 1, display ? -2 : -1);
      const typesetHere = () => renderFormula(span, tex, { display });
      if (later) later.push(typesetHere);
      else typesetHere();
      element.append(span);
    } else {
      appendBold(element, piece);
    }
  }
}
