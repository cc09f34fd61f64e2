// The page's languages and the lookup of a string by its dotted key ("figures.act.title"),
// with {name} placeholders filled from `vars`.
import deployEn from "./deploy.en.js";
import deployRu from "./deploy.ru.js";
import en from "./en.js";
import exportEn from "./export.en.js";
import exportRu from "./export.ru.js";
import isometryEn from "./isometry.en.js";
import isometryRu from "./isometry.ru.js";
import refineEn from "./refine.en.js";
import refineRu from "./refine.ru.js";
import ru from "./ru.js";
import { join } from "./join.js";
import { localNumber } from "../numbers.js";
import trainEn from "./train.en.js";
import trainRu from "./train.ru.js";
import theoryEn from "./theory.en.js";
import theoryRu from "./theory.ru.js";

// Each language: its main table, then each topic's strings (web/i18n/<topic>.<lang>.js).
const joinAll = (table, ...sections) => sections.reduce(join, table);

export const STRINGS = {
  en: joinAll(
    { ...en, deploy: deployEn },
    trainEn,
    exportEn,
    isometryEn,
    theoryEn,
    refineEn,
  ),
  ru: joinAll(
    { ...ru, deploy: deployRu },
    trainRu,
    exportRu,
    isometryRu,
    theoryRu,
    refineRu,
  ),
};

export function lookup(strings, key) {
  return key
    .split(".")
    .reduce((node, part) => (node == null ? undefined : node[part]), strings);
}

export function fill(text, vars = {}) {
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    name in vars ? String(vars[name]) : whole,
  );
}

// A string's number placeholders in the language's notation (0,25 in Russian).
function localVars(vars, lang) {
  if (!vars) return vars;
  const out = {};
  for (const [name, value] of Object.entries(vars))
    out[name] =
      typeof value === "number" ? localNumber(String(value), lang) : value;
  return out;
}

// t("figures.act.max", {value: 0.25}); a missing key shows itself, so a gap is visible.
export function translator(lang) {
  const strings = STRINGS[lang] ?? en;
  const t = (key, vars) => {
    const text = lookup(strings, key);
    if (typeof text !== "string") return Array.isArray(text) ? text : key;
    return fill(text, localVars(vars, lang));
  };
  t.lang = lang;
  return t;
}

// The display name of an engine id in the page's language. kind: "activations" or
// "initializers"; catalog: the engine's lists, whose English name is the fallback for an id
// the strings do not know yet (then the id itself).
export function displayName(t, catalog, kind, id) {
  const key = `names.${kind}.${id}`;
  const text = t(key);
  if (text !== key) return text;
  return catalog?.[kind]?.find((entry) => entry.id === id)?.name ?? id;
}
