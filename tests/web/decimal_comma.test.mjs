// Russian writes the decimal comma wherever a person reads a number (issue 14): the page's
// visible text (prose, legends, captions, notices, the training lab's status), the fields'
// displayed values, attributes read aloud (aria-label, title), the tick labels every chart
// drew, the value readouts under the pointer or the arrow keys, and every word the charts
// draw on their canvases (reached through the SVG export, which paints the same text: axis
// labels, colour bar, tail rows, underflow marks, title, legend). The CSV keeps %.17g.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const FIGURES = ["act", "grad", "prop", "init", "selu", "train"];
// A decimal point between digits; version numbers and addresses (3.1.6, 127.0.0.1) are not
// decimals and are left out first.
const DECIMAL_POINT = /\d\.\d/;
const dotted = (text) =>
  String(text)
    .replace(/\d+(\.\d+){2,}/g, "")
    .match(/.{0,30}\d\.\d.{0,30}/g) ?? [];

// [where, text] pairs of everything the page shows or reads aloud, with the readouts of every
// chart moved to the end of its range.
async function pageTexts(page) {
  const readouts = [];
  const charts = await page.$$(".card .chart:not(.heatmap)");
  for (const chart of charts) {
    if (!(await chart.isVisible())) continue;
    await chart.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    const readout = await chart.$(".readout");
    if (readout && (await readout.isVisible()))
      readouts.push(["readout", await readout.textContent()]);
  }
  await page.focus(`${card("prop")} .chart.heatmap`);
  await page.keyboard.press("ArrowUp");
  readouts.push([
    "heat map readout",
    await page.textContent(`${card("prop")} .heatmap-readout`),
  ]);
  const texts = await page.evaluate(() => {
    const out = [["page", document.body.innerText]];
    for (const el of document.querySelectorAll("[aria-label], [title]"))
      for (const name of ["aria-label", "title"])
        if (el.hasAttribute(name)) out.push([name, el.getAttribute(name)]);
    for (const el of document.querySelectorAll("input, output, option"))
      out.push([`${el.localName} ${el.id}`, el.value || el.textContent]);
    for (const el of document.querySelectorAll(".chart[data-axis-labels]"))
      out.push(["ticks", el.dataset.axisLabels]);
    return out;
  });
  return [...texts, ...readouts];
}

async function svgTexts(page, id) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=svg]`),
  ]);
  const source = readFileSync(await file.path(), "utf8");
  return page.evaluate(
    (text) =>
      [
        ...new DOMParser()
          .parseFromString(text, "image/svg+xml")
          .querySelectorAll("text, title"),
      ].map((t) => t.textContent),
    source,
  );
}

describe("the decimal comma in Russian", () => {
  test("no decimal point anywhere a person reads a number", async () => {
    // Compared curves, an underflowing figure 2, figure 3's gradient histogram with its tails,
    // a learning rate with decimals in the training lab.
    const { page, context } = await openPage(
      env,
      "/?lang=ru&act.cmp=tanh,elu&act.eps=0.15&grad.depth=100&prop.hist=grad&prop.phi=relu&prop.eps=0.05&train.lr=0.05",
      { locale: "ru-RU" },
    );
    for (const id of FIGURES) await waitDrawn(page, id, 0, 90000);
    // The training lab's status after some steps (loss and accuracy).
    await page.click(`${card("train")} [data-action=step]`);
    await page.waitForFunction(
      (selector) => Number(document.querySelector(selector).dataset.step) > 0,
      card("train"),
    );
    const found = [];
    const texts = await pageTexts(page);
    for (const id of ["act", "grad", "prop", "init", "selu"])
      for (const text of await svgTexts(page, id))
        texts.push([`${id} SVG`, text]);
    for (const [where, text] of texts)
      for (const hit of dotted(text)) found.push(`${where}: ${hit}`);
    assert.deepEqual(found, []);
    // Not an empty check: decimals are there, with the comma.
    const all = texts.map(([, text]) => text).join("\n");
    for (const decimal of ["0,15", "0,05", "0,25"])
      assert.ok(all.includes(decimal), decimal);
    assert.match(all, /η = 0,05/);
    assert.ok(
      texts.some(([where, t]) => where === "readout" && /\d,\d/.test(t)),
      "a readout with a decimal comma",
    );
    // The CSV keeps C's %.17g with the point.
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("init")} [data-action=csv]`),
    ]);
    const csv = readFileSync(await file.path(), "utf8").split("\n")[2];
    assert.match(csv, DECIMAL_POINT);
    await context.close();
  });

  test("a notice quotes the address's value with the decimal comma", async () => {
    const { page, context } = await openPage(
      env,
      "/?lang=ru&view=act&act.eps=7.5",
      { locale: "ru-RU" },
    );
    await waitDrawn(page, "act", 0, 60000);
    const notice = await page.textContent(`${card("act")} .notices`);
    assert.match(notice, /7,5/);
    assert.deepEqual(dotted(notice), []);
    await context.close();
  });
});
