// KaTeX's stylesheet with only the font faces the page's formulas use, each as woff2 alone
// (every browser that runs the page reads woff2). The formulas are every TeX span of the
// page's strings (both languages), of the figure modules' sources and of the engine's catalog
// (activation and initializer formulas); each is typeset with KaTeX, and a face is kept when a
// rule of katex.css that sets a font-family matches classes of the output. KaTeX_Main regular,
// the face of .katex itself, is always kept.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const katex = require("katex");

// $…$ and $$…$$ spans of a text.
function texSpans(text) {
  return [...text.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((m) => ({
    tex: m[1] ?? m[2],
    display: m[1] !== undefined,
  }));
}

function strings(node) {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === "object")
    return Object.values(node).flatMap(strings);
  return [];
}

// Every formula the page can show: strings, figure sources (JS string literals with TeX, with
// their escapes undone) and the catalog's formulas (shown in display mode and inline).
export function pageFormulas({ stringTables, figureDir, catalog }) {
  const formulas = strings(stringTables).flatMap(texSpans);
  for (const file of readdirSync(figureDir).filter((f) => f.endsWith(".js"))) {
    const source = readFileSync(join(figureDir, file), "utf8");
    for (const [literal] of source.matchAll(/"(?:[^"\\\n]|\\.)*"/g))
      formulas.push(...texSpans(JSON.parse(literal)));
  }
  for (const entry of [...catalog.activations, ...catalog.initializers]) {
    for (const tex of [entry.formula, entry.derivative].filter(Boolean)) {
      formulas.push({ tex, display: true }, { tex, display: false });
    }
  }
  return formulas;
}

// The class lists of the elements of `html`, one Set per distinct list.
function classLists(html) {
  const lists = new Map();
  for (const [, list] of html.matchAll(/class="([^"]*)"/g))
    lists.set(list, new Set(list.split(/\s+/).filter(Boolean)));
  return [...lists.values()];
}

function declaration(body, property) {
  return new RegExp(`(?:^|;)${property}:([^;]+)`).exec(body)?.[1].trim();
}

const faceKey = (family, style = "normal", weight = "400") =>
  `${family}|${style}|${weight === "bold" ? "700" : weight}`;

// The faces (family|style|weight) used by `formulas`, from katex.css's rules.
export function usedFaces(css, formulas) {
  const elements = formulas.flatMap(({ tex, display }) =>
    classLists(
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        output: "htmlAndMathml",
      }),
    ),
  );
  // A compound selector (".delimsizing.size1") matches when one element has all its classes.
  const present = (compound) => {
    const needed = [...compound.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
    return elements.some((classes) => needed.every((c) => classes.has(c)));
  };
  const faces = new Set([faceKey("KaTeX_Main")]);
  const rules = css.replace(/@font-face\{[^}]*\}/g, "");
  for (const [, selectors, body] of rules.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const family = declaration(body, "font-family");
    if (!family?.startsWith("KaTeX_")) continue;
    const matches = selectors.split(",").some((selector) =>
      selector
        .replace(/^\s*\.katex\b/, "")
        .split(/[\s>+~]+/)
        .filter(Boolean)
        .every(present),
    );
    if (matches)
      faces.add(
        faceKey(
          family.split(",")[0],
          declaration(body, "font-style"),
          declaration(body, "font-weight"),
        ),
      );
  }
  return faces;
}

// katex.min.css with the @font-face rules of `faces` only, each reduced to its woff2 source.
export function trimKatexCss(css, faces) {
  return css.replace(/@font-face\{([^}]*)\}/g, (rule, body) => {
    const key = faceKey(
      declaration(body, "font-family"),
      declaration(body, "font-style"),
      declaration(body, "font-weight"),
    );
    if (!faces.has(key)) return "";
    const woff2 = /url\(([^)]+\.woff2)\) format\("woff2"\)/.exec(body)[0];
    return `@font-face{${body.replace(/src:[^;}]+/, `src:${woff2}`)}}`;
  });
}
