// The page's languages as the page loads them: each one's name in itself (the language
// switch), and its strings, of which the page holds English and loads any other when it is
// shown in it (a chunk of dist/site; inlined in dist/actlab.html, which works offline).
import { joinTable } from "./join.js";
import enParts from "./table.en.js";

export const LANGUAGE_NAMES = { en: "English", ru: "Русский" };

const LOADERS = { ru: () => import("./table.ru.js") };
const en = joinTable(enParts);
const tables = { en };

// The strings of `lang`, loaded once.
export async function loadStrings(lang) {
  tables[lang] ??= joinTable((await LOADERS[lang]()).default);
  return tables[lang];
}

// The strings of `lang` if they are loaded, else English's.
export function loadedStrings(lang) {
  return tables[lang] ?? en;
}
