// dist/actlab.html copied under another name and opened from file://, as a teacher's USB stick
// or an LMS "file" resource would: every figure draws, nothing is requested but the file
// itself, the RU/EN switch works, an embed view opens, Link gives the file's address, PNG and
// CSV download; the file stays under 3 MB.
import assert from "node:assert/strict";
import { copyFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";

import { launchChromium } from "../../scripts/chromium.mjs";
import { card, waitDrawn } from "./browser.mjs";
import {
  assertDownloads,
  assertEveryFigureDraws,
  assertLanguageSwitch,
  dist,
  ensureDist,
  networkRequests,
  tempFolder,
} from "./dist.mjs";

let folder;
let file;
let browser;
let page;
const errors = [];
const requests = [];
before(async () => {
  ensureDist();
  folder = tempFolder();
  file = join(folder, "Лекция 4 — активации (копия).html");
  copyFileSync(join(dist, "actlab.html"), file);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "ru-RU",
    acceptDownloads: true,
  });
  context.on("request", (request) => requests.push(request.url()));
  page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(pathToFileURL(file).href);
  await assertEveryFigureDraws(page);
});
after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("dist/actlab.html from file://, renamed", () => {
  test("is one file under 3 MB", () => {
    const size = statSync(join(dist, "actlab.html")).size;
    assert.ok(size < 3 * 1024 * 1024, `${size} bytes`);
  });

  test("every figure draws, in the browser's language, with no console error", async () => {
    assert.equal(await page.getAttribute("html", "lang"), "ru");
    assert.deepEqual(errors, []);
  });

  test("nothing is requested but the file itself", () => {
    const href = pathToFileURL(file).href;
    assert.deepEqual(
      networkRequests(requests).filter((url) => url.split("?")[0] !== href),
      [],
    );
  });

  test("the RU/EN switch works and keeps the address in the file", async () => {
    await assertLanguageSwitch(page);
    assert.ok(page.url().startsWith(pathToFileURL(file).href));
    assert.match(page.url(), /\?lang=en$/);
    assert.deepEqual(errors, []);
  });

  test("an embed view opens from the file, and Link gives the file's address", async () => {
    const href = pathToFileURL(file).href;
    const embed = await page.context().newPage();
    await embed.goto(`${href}?embed=1&view=selu`);
    await assertEveryFigureDraws(embed, ["selu"]);
    await embed.click(`${card("selu")} [data-action=link]`);
    await embed.waitForFunction(
      (s) => document.querySelector(s).dataset.copied,
      `${card("selu")} .toast`,
    );
    assert.equal(
      await embed.$eval(`${card("selu")} .toast`, (el) => el.dataset.copied),
      `${href}?view=selu`,
    );
    await embed.close();
  });

  test("PNG and CSV download", async () => {
    await waitDrawn(page, "act");
    await assertDownloads(page);
  });
});
