// The lookup of a string by its dotted key ("figures.act.title") in a language's table, with
// {name} placeholders filled from `vars`.
import { localNumber } from "../numbers.js";

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

// t("figures.act.max", {value: 0.25}) in `strings`, the table of `lang`; a missing key shows
// itself, so a gap is visible.
export function translatorOf(strings, lang) {
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
