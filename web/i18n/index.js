// Every language's strings at once, for the build and the tests (the page loads only the
// reader's: web/i18n/languages.js), and their lookup (web/i18n/translate.js).
import en from "./table.en.js";
import ru from "./table.ru.js";
import { fullTable } from "./languages.js";
import { translatorOf } from "./translate.js";

export { displayName, fill, lookup } from "./translate.js";

export const STRINGS = { en: fullTable("en", en), ru: fullTable("ru", ru) };

// t("figures.act.max", {value: 0.25}) in `lang` (English for a language it does not know).
export function translator(lang) {
  return translatorOf(STRINGS[lang] ?? STRINGS.en, lang);
}
