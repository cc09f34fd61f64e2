// Progressive refinement (web/refine.js, issue 11 item 4): a control's change to a network
// figure is drawn first with a coarse batch, marked as such, then refined; what is left drawn,
// the URL and the exports are the full request's, byte for byte what a page loaded at that URL
// exports, and an export asked for while the coarse view shows waits for the full one.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

// The CSV that figure `id`'s button downloads.
async function csvOf(page, id) {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60000 }),
    page.click(`${card(id)} [data-action=csv]`),
  ]);
  return readFileSync(await download.path(), "utf8");
}

// The CSV of figure `id` on a page loaded cold at `path`.
async function coldCsv(path, id) {
  const { page, context } = await openPage(env, path);
  await waitDrawn(page, id, 0, 60000);
  const csv = await csvOf(page, id);
  await context.close();
  return csv;
}

// A page at `path` whose figure `id` is drawn and whose main thread has its engine (where the
// coarse views are computed), with every draw of the figure recorded.
async function ready(path, id) {
  const opened = await openPage(env, path);
  await waitDrawn(opened.page, id, 0, 60000);
  await opened.page.waitForFunction(
    () => document.body.dataset.mainThreadEngine === "ready",
    null,
    { timeout: 60000 },
  );
  await opened.page.$eval(card(id), (el) => {
    globalThis.draws = [];
    el.addEventListener("actlab:drawn", () =>
      globalThis.draws.push({
        coarse: el.dataset.coarse === "true",
        status: el.dataset.status,
        values: JSON.parse(el.dataset.values),
        refining: el.querySelector(".refining").hidden
          ? null
          : el.querySelector(".refining").textContent,
      }),
    );
  });
  return opened;
}

const settled = (page, id, name, value) =>
  page.waitForFunction(
    ([selector, key, wanted]) => {
      const el = document.querySelector(selector);
      return (
        el.dataset.status === "ready" &&
        JSON.parse(el.dataset.values)[key] === wanted
      );
    },
    [card(id), name, value],
    { timeout: 60000 },
  );

test("a drag draws coarse views first and ends on the cold load's figure and CSV", async () => {
  const expected = await coldCsv("/?view=prop&prop.depth=14", "prop");

  const { page, context } = await ready("/?view=prop", "prop");
  // A 60 Hz drag of depth from 19 down to 15, then one more step to 14 whose coarse draw
  // clicks CSV at once, then the release.
  const download = page.waitForEvent("download", { timeout: 60000 });
  const clickedWhileCoarse = await page.$eval(card("prop"), async (el) => {
    const input = document.querySelector("#prop-depth");
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let depth = 19; depth >= 15; depth--) {
      input.value = String(depth);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await sleep(16);
    }
    const clicked = new Promise((resolve) => {
      const onDrawn = () => {
        if (JSON.parse(el.dataset.values).depth !== 14) return;
        el.removeEventListener("actlab:drawn", onDrawn);
        const coarse = el.dataset.coarse === "true";
        el.querySelector("[data-action=csv]").click();
        resolve(coarse);
      };
      el.addEventListener("actlab:drawn", onDrawn);
    });
    input.value = "14";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const coarse = await clicked;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    return coarse;
  });
  const exported = readFileSync(await (await download).path(), "utf8");
  await settled(page, "prop", "depth", 14);
  assert.equal(clickedWhileCoarse, true);
  assert.equal(exported, expected);

  const draws = await page.evaluate(() => globalThis.draws);
  // The first value's first draw is a coarse one: a smaller batch of the same network, marked.
  assert.equal(draws[0].values.depth, 19);
  assert.equal(draws[0].coarse, true);
  assert.equal(draws[0].status, "busy");
  assert.ok(draws[0].values.batch >= 1 && draws[0].values.batch < 128);
  assert.equal(
    draws[0].refining,
    `Refining: batch ${draws[0].values.batch} of 128…`,
  );
  // Every coarse draw is of a value the drag asked for, before that value's full draw.
  for (const [i, draw] of draws.entries()) {
    if (!draw.coarse) continue;
    assert.equal(draw.values.batch, draws[0].values.batch);
    assert.ok(
      !draws
        .slice(0, i)
        .some((d) => !d.coarse && d.values.depth === draw.values.depth),
    );
  }
  // The last draw is the full request's, with nothing marked.
  const last = draws.at(-1);
  assert.deepEqual(
    [last.coarse, last.status, last.values.depth, last.values.batch],
    [false, "ready", 14, 128],
  );
  assert.equal(last.refining, null);
  assert.match(page.url(), /prop\.depth=14/);
  // And the figure's CSV now is the cold load's too.
  assert.equal(await csvOf(page, "prop"), expected);
  await context.close();
});

test("a choice's change draws a coarse view first, in Russian too, and ends on the cold load's CSV", async () => {
  const expected = await coldCsv("/?lang=ru&view=init&init.phi=relu", "init");

  const { page, context } = await ready("/?lang=ru&view=init", "init");
  await page.selectOption("#init-phi", "relu");
  await settled(page, "init", "phi", "relu");
  const draws = await page.evaluate(() => globalThis.draws);
  assert.equal(draws[0].coarse, true);
  assert.equal(draws[0].values.phi, "relu");
  assert.equal(
    draws[0].refining,
    `Уточняем: батч ${draws[0].values.batch} из 96…`,
  );
  assert.deepEqual(
    [draws.at(-1).coarse, draws.at(-1).values.batch],
    [false, 96],
  );
  assert.equal(await csvOf(page, "init"), expected);
  await context.close();
});
