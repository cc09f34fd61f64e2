// The page's languages as it loads them (web/i18n/languages.js): every language of the state
// has a name, and the strings the page loads for it are the whole table the build and the
// tests read (web/i18n/index.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { STRINGS } from "../../web/i18n/index.js";
import {
  LANGUAGE_NAMES,
  loadStrings,
  loadedStrings,
} from "../../web/i18n/languages.js";
import { LANGUAGES } from "../../web/state.js";

test("every language has its name, written in it", () => {
  assert.deepEqual(Object.keys(LANGUAGE_NAMES), LANGUAGES);
  assert.deepEqual(Object.keys(STRINGS), LANGUAGES);
  assert.match(LANGUAGE_NAMES.ru, /^[А-Яа-яЁё]+$/);
});

test("before any load each language has only its lines saying a part of the page did not load", () => {
  for (const lang of LANGUAGES)
    assert.deepEqual(loadedStrings(lang), { deploy: STRINGS[lang].deploy });
  assert.match(loadedStrings("ru").deploy.missing, /[А-Яа-яЁё]/);
});

test("each language loads as the whole table, once", async () => {
  for (const lang of LANGUAGES) {
    const strings = await loadStrings(lang);
    assert.deepEqual(strings, STRINGS[lang]);
    assert.equal(await loadStrings(lang), strings);
    assert.equal(loadedStrings(lang), strings);
  }
  assert.equal(loadedStrings("ru").meta.lang, "ru");
});

test("a language not loaded falls back to English once English is", async () => {
  await loadStrings("en");
  assert.equal(loadedStrings("xx"), await loadStrings("en"));
});
