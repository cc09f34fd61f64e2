// The page's languages and the lookup of a string by its dotted key ("figures.act.title"),
// with {name} placeholders filled from `vars`.
import deployEn from "./deploy.en.js";
import deployRu from "./deploy.ru.js";
import en from "./en.js";
import ru from "./ru.js";
import { join } from "./join.js";
import trainEn from "./train.en.js";
import trainRu from "./train.ru.js";
import theoryEn from "./theory.en.js";
import theoryRu from "./theory.ru.js";

export const STRINGS = {
  en: join(join({ ...en, deploy: deployEn }, trainEn), theoryEn),
  ru: join(join({ ...ru, deploy: deployRu }, trainRu), theoryRu),
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

// The display name of an engine id in the page's language. kind: "activations" or
// "initializers"; catalog: the engine's lists, whose English name is the fallback for an id
// the strings do not know yet (then the id itself).
export function displayName(t, catalog, kind, id) {
  const key = `names.${kind}.${id}`;
  const text = t(key);
  if (text !== key) return text;
  return catalog?.[kind]?.find((entry) => entry.id === id)?.name ?? id;
}
