// The page's languages and the lookup of a string by its dotted key ("figures.act.title"),
// with {name} placeholders filled from `vars`.
import en from "./en.js";
import ru from "./ru.js";

export const STRINGS = { en, ru };

export function lookup(strings, key) {
  return key.split(".").reduce((node, part) => (node == null ? undefined : node[part]), strings);
}

export function fill(text, vars = {}) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

// t("figures.act.max", {value: 0.25}); a missing key shows itself, so a gap is visible.
export function translator(lang) {
  const strings = STRINGS[lang] ?? en;
  const t = (key, vars) => {
    const text = lookup(strings, key);
    if (typeof text !== "string") return Array.isArray(text) ? text : key;
    return fill(text, vars);
  };
  t.lang = lang;
  return t;
}
