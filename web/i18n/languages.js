// The page's languages as the page loads them: each one's name in itself (the language
// switch), and its strings. Each language's table is a chunk of dist/site, loaded when the page
// is shown in it (the page's head preloads the reader's: scripts/build-site.mjs); in
// dist/actlab.html they are inlined, so the switch works from file:// and offline.
import deployEn from "./deploy.en.js";
import deployRu from "./deploy.ru.js";
import { joinTable } from "./join.js";

export const LANGUAGE_NAMES = { en: "English", ru: "Русский" };

// The chunks' modules (scripts/build-site.mjs finds the chunks by these names).
export const TABLE_MODULES = { en: "table.en.js", ru: "table.ru.js" };
const LOADERS = {
  en: () => import("./table.en.js"),
  ru: () => import("./table.ru.js"),
};
// Each language's lines about the distribution (the Embed panel's, and those that say a part
// of the page did not load) are in the page itself: a table that does not load is said so.
const DEPLOY = { en: deployEn, ru: deployRu };
const tables = {};

// A language's whole table from its parts (web/i18n/table.<lang>.js) and its DEPLOY lines.
export function fullTable(lang, parts) {
  return joinTable([...parts, { deploy: DEPLOY[lang] }]);
}

// The strings of `lang`, loaded once.
export async function loadStrings(lang) {
  tables[lang] ??= fullTable(lang, (await LOADERS[lang]()).default);
  return tables[lang];
}

// The strings of `lang` if they are loaded, else English's, else only its DEPLOY lines.
export function loadedStrings(lang) {
  return tables[lang] ?? tables.en ?? { deploy: DEPLOY[lang] };
}
