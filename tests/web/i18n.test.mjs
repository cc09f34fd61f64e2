// Every string exists in both languages, with the same placeholders, and no string is empty.
import assert from "node:assert/strict";
import { test } from "node:test";

import { STRINGS, fill, translator } from "../../web/i18n/index.js";

function leaves(node, prefix = "") {
  if (typeof node === "string") return [[prefix, node]];
  if (Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("English and Russian have the same keys", () => {
  const en = new Map(leaves(STRINGS.en));
  const ru = new Map(leaves(STRINGS.ru));
  assert.deepEqual([...ru.keys()].sort(), [...en.keys()].sort());
});

test("every string is non-empty and keeps the English placeholders", () => {
  const ru = new Map(leaves(STRINGS.ru));
  for (const [key, text] of leaves(STRINGS.en)) {
    const other = ru.get(key);
    if (Array.isArray(text)) {
      assert.equal(other.length, text.length, `${key}: paragraph count`);
      continue;
    }
    assert.ok(text.trim() && other.trim(), `${key} is empty`);
    assert.deepEqual(placeholders(other), placeholders(text), `${key}: placeholders differ`);
  }
});

test("TeX delimiters are balanced in every string", () => {
  for (const lang of Object.keys(STRINGS)) {
    for (const [key, value] of leaves(STRINGS[lang])) {
      for (const text of [value].flat()) {
        const dollars = (text.match(/\$/g) ?? []).length;
        assert.equal(dollars % 2, 0, `${lang} ${key}: unbalanced $`);
      }
    }
  }
});

test("the Russian prose is Russian", () => {
  const prose = leaves(STRINGS.ru.sections).flatMap(([, v]) => [v].flat()).join(" ");
  const cyrillic = (prose.match(/[а-яё]/gi) ?? []).length;
  const latin = (prose.replace(/\$[^$]*\$/g, "").match(/[a-z]/gi) ?? []).length;
  assert.ok(cyrillic > 5 * latin, `${cyrillic} Cyrillic vs ${latin} Latin letters`);
});

test("translator fills placeholders and shows a missing key as itself", () => {
  const t = translator("en");
  assert.equal(t("notices.range", { key: "k", given: "9", used: "1" }), "k = 9 is out of range; using 1.");
  assert.equal(t("no.such.key"), "no.such.key");
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
  assert.equal(translator("xx").lang, "xx");
});
