// Every string exists in both languages, with the same placeholders, and no string is empty.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  STRINGS,
  displayName,
  fill,
  translator,
} from "../../web/i18n/index.js";
import { cli } from "./cli.mjs";

function leaves(node, prefix = "") {
  if (typeof node === "string") return [[prefix, node]];
  if (Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

const placeholders = (text) =>
  [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
    assert.deepEqual(
      placeholders(other),
      placeholders(text),
      `${key}: placeholders differ`,
    );
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
  const prose = leaves(STRINGS.ru.sections)
    .flatMap(([, v]) => [v].flat())
    .join(" ");
  const cyrillic = (prose.match(/[а-яё]/gi) ?? []).length;
  const latin = (prose.replace(/\$[^$]*\$/g, "").match(/[a-z]/gi) ?? []).length;
  assert.ok(
    cyrillic > 5 * latin,
    `${cyrillic} Cyrillic vs ${latin} Latin letters`,
  );
});

test("translator fills placeholders and shows a missing key as itself", () => {
  const t = translator("en");
  assert.equal(
    t("notices.range", { key: "k", given: "9", used: "1" }),
    "k = 9 is out of range; using 1.",
  );
  assert.equal(t("no.such.key"), "no.such.key");
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
  assert.equal(translator("xx").lang, "xx");
});

// The engine's ids, from the native CLI: what the page's controls and legends name.
const engineIds = {
  activations: JSON.parse(cli(["list", "--format", "json"])).map((a) => a.id),
  initializers: JSON.parse(cli(["inits", "--format", "json"])).map((i) => i.id),
};

test("every activation and initializer of the engine has a display name in both languages", () => {
  for (const lang of Object.keys(STRINGS)) {
    for (const [kind, ids] of Object.entries(engineIds)) {
      const names = STRINGS[lang].names[kind];
      for (const id of ids)
        assert.ok(names[id]?.trim(), `${lang}: names.${kind}.${id} is missing`);
      assert.deepEqual(
        Object.keys(names).sort(),
        [...ids].sort(),
        `${lang}: names.${kind} names ids the engine lacks`,
      );
    }
  }
});

test("Russian display names are Russian where the name is a word", () => {
  const t = translator("ru");
  assert.equal(t("names.activations.sigmoid"), "Сигмоида");
  assert.equal(t("names.activations.identity"), "Тождественная");
  for (const id of engineIds.initializers) {
    assert.match(
      t(`names.initializers.${id}`),
      /[а-яё]/i,
      `names.initializers.${id}`,
    );
  }
});

test("displayName falls back to the engine's name, then to the id", () => {
  const catalog = {
    activations: [{ id: "newact", name: "New activation" }],
    initializers: [],
  };
  const t = translator("ru");
  assert.equal(displayName(t, catalog, "activations", "sigmoid"), "Сигмоида");
  assert.equal(
    displayName(t, catalog, "activations", "newact"),
    "New activation",
  );
  assert.equal(displayName(t, catalog, "initializers", "unknown"), "unknown");
});

// web/rich_text.js turns "_x" and "_{...}" into subscripts; "_(" would be printed as it is.
test("no string writes a subscript that would show as a raw underscore", () => {
  const texts = (node) =>
    typeof node === "string"
      ? [node]
      : Object.values(node ?? {}).flatMap((child) => texts(child));
  for (const lang of ["en", "ru"]) {
    for (const text of texts(STRINGS[lang])) {
      const outsideTex = text.replace(/\$[^$]*\$/g, "");
      assert.doesNotMatch(outsideTex, /_[(\[]/, `${lang}: ${text}`);
    }
  }
});
