// A figure of dist/site embedded in a cross-origin iframe (the parent page served from another
// origin, as a course page is): it draws, the parent receives actlab:resize messages with a
// sensible height and resizes the frame with the Embed button's listener, controls=none hides
// every control, and controls=act,depth,nope shows those two with a notice for the third.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { launchChromium } from "../../scripts/chromium.mjs";
import { card } from "./browser.mjs";
import {
  assertEveryFigureDraws,
  dist,
  ensureDist,
  tempFolder,
} from "./dist.mjs";
import { serveFolder } from "./plain-server.mjs";
import { embedSnippets } from "../../web/embed-panel.js";

let folder;
let site;
let course;
let browser;
let page;
const errors = [];

// The course page: one iframe per source, with the auto-height snippet's listener.
function coursePage(sources) {
  const frames = sources
    .map((src, i) =>
      embedSnippets(src, `figure ${i}`)
        .auto.split("\n<script>")[0]
        .replace("<iframe ", `<iframe id="f${i}" `),
    )
    .join("\n");
  const listener = embedSnippets("x", "x").auto.split("\n").slice(1).join("\n");
  return `<!doctype html><meta charset="utf-8"><title>course</title><link rel="icon" href="data:,">
<script>window.messages = []; addEventListener("message", (e) => messages.push(e.data));</script>
${frames}
${listener}`;
}

before(async () => {
  ensureDist();
  folder = tempFolder();
  site = await serveFolder(join(dist, "site"));
  mkdirSync(join(folder, "course"));
  const base = `${site.origin}/?embed=1&view=`;
  writeFileSync(
    join(folder, "course/index.html"),
    coursePage([
      `${base}act`,
      `${base}prop&controls=none`,
      `${base}prop&prop.depth=12&controls=act,depth,nope`,
    ]),
  );
  course = await serveFolder(folder);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${course.origin}/course/`);
});
after(async () => {
  await browser?.close();
  await site?.close();
  await course?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const frame = async (i) => (await page.$(`#f${i}`)).contentFrame();

describe("a figure in a cross-origin iframe", () => {
  test("the parent and the figure are on different origins, and the figure draws", async () => {
    assert.notEqual(new URL(site.origin).port, new URL(course.origin).port);
    await assertEveryFigureDraws(await frame(0), ["act"]);
    assert.deepEqual(errors, []);
  });

  test("the parent receives actlab:resize with a sensible height, and the frame fits it", async () => {
    await page.waitForFunction(() =>
      messages.some((m) => m?.type === "actlab:resize" && m.view === "act"),
    );
    const last = await page.evaluate(() =>
      messages.filter((m) => m.view === "act").at(-1),
    );
    assert.equal(last.type, "actlab:resize");
    assert.ok(
      last.height >= 300 && last.height <= 1200,
      `height ${last.height}`,
    );
    await page.waitForFunction(
      (h) => document.querySelector("#f0").height === String(h),
      last.height,
    );
    // In a frame of that height the whole card shows: nothing is cut off.
    const inner = await frame(0);
    await page.waitForTimeout(300);
    const [scroll, client] = await inner.evaluate(() => [
      document.documentElement.scrollHeight,
      document.documentElement.clientHeight,
    ]);
    assert.ok(
      scroll <= client + 1,
      `content ${scroll} px in a ${client} px frame`,
    );
  });

  test("controls=none hides every control", async () => {
    const inner = await frame(1);
    await assertEveryFigureDraws(inner, ["prop"]);
    const controls = await inner.$$eval(
      // The PNG's scale beside the download buttons is not a parameter of the figure.
      `${card("prop")} input, ${card("prop")} select:not(.export-scale), ${card("prop")} form, ${card("prop")} details`,
      (list) => list.length,
    );
    assert.equal(controls, 0);
  });

  test("controls=phi,depth shows only those, with a notice for the unknown name", async () => {
    const inner = await frame(2);
    await assertEveryFigureDraws(inner, ["prop"]);
    const shown = await inner.$$eval(`${card("prop")} .control`, (list) =>
      list.map((el) => el.dataset.param),
    );
    assert.deepEqual(shown, ["phi", "depth"]);
    assert.equal(await inner.inputValue("#prop-depth"), "12");
    assert.match(
      await inner.textContent(`${card("prop")} .notices`),
      /controls = act,depth,nope .*phi,depth/,
    );
  });
});
