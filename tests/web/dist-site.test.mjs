// dist/site copied under a nested sub-path of a plain static server that sends .wasm as
// application/octet-stream (as many university and LMS servers do): every figure draws, no
// request leaves the sub-path, no console error; the language switch and the Link, Embed, PNG
// and CSV buttons work, and the embed link it gives draws.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
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
import { serveFolder } from "./plain-server.mjs";
import { STRINGS } from "../../web/i18n/index.js";

const SUB_PATH = "/~teacher/courses/dl-2026/actlab/";

let folder;
let server;
let browser;
let context;
let page;
const errors = [];
const requests = [];
before(async () => {
  ensureDist();
  folder = tempFolder();
  mkdirSync(join(folder, SUB_PATH), { recursive: true });
  cpSync(join(dist, "site"), join(folder, SUB_PATH), { recursive: true });
  server = await serveFolder(folder);
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    acceptDownloads: true,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: server.origin,
  });
  context.on("request", (request) => requests.push(request.url()));
  page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.origin + SUB_PATH);
  await assertEveryFigureDraws(page);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const copied = async (action) => {
  const toast = `${card("grad")} .toast`;
  await page.$eval(toast, (el) => delete el.dataset.copied);
  await page.click(`${card("grad")} [data-action=${action}]`);
  await page.waitForFunction(
    (s) => document.querySelector(s).dataset.copied,
    toast,
  );
  return page.$eval(toast, (el) => el.dataset.copied);
};

describe("dist/site under a sub-path of a plain static server", () => {
  test("every figure draws with no console error, the wasm sent as octet-stream", async () => {
    assert.deepEqual(errors, []);
    const wasm = requests.find((url) => url.endsWith(".wasm"));
    assert.ok(wasm, "the wasm was requested");
    const response = await context.request.get(wasm);
    assert.equal(
      response.headers()["content-type"],
      "application/octet-stream",
    );
  });

  test("no request leaves the sub-path, and the page makes few", () => {
    const outside = networkRequests(requests).filter(
      (url) => !url.startsWith(server.origin + SUB_PATH),
    );
    assert.deepEqual(outside, []);
    assert.ok(server.requests.every((path) => path.startsWith(SUB_PATH)));
    assert.ok(requests.length <= 15, `${requests.length} requests`);
  });

  test("each preloaded font is fetched once and is a face the page laid out in", async () => {
    const preloads = await page.$$eval(
      'link[rel="preload"][as="font"]',
      (links) => links.map((link) => link.href),
    );
    assert.ok(preloads.length > 0, "the page preloads its first faces");
    for (const href of preloads)
      assert.equal(requests.filter((url) => url === href).length, 1, href);
    const loaded = await page.evaluate(() =>
      [...document.fonts]
        .filter((face) => face.status === "loaded")
        .map((face) => face.family.replace(/"/g, "")),
    );
    for (const href of preloads) {
      const family = href.split("/").pop().split("-")[0];
      assert.ok(loaded.includes(family), `${family} laid out`);
    }
  });

  test("the head preloads the reader's strings, which the page then takes from that request", async () => {
    const preloaded = await page.$eval(
      'link[rel="modulepreload"]',
      (link) => link.href,
    );
    assert.equal(requests.filter((url) => url === preloaded).length, 1);
    const chunk = await (await context.request.get(preloaded)).text();
    assert.ok(chunk.includes(STRINGS.en.intro.title));
    assert.ok(!chunk.includes(STRINGS.ru.intro.title));
    const russian = await context.newPage();
    const seen = [];
    russian.on("request", (request) => seen.push(request.url()));
    await russian.goto(`${server.origin}${SUB_PATH}?lang=ru`);
    await waitDrawn(russian, "act");
    const ruChunk = await russian.$eval(
      'link[rel="modulepreload"]',
      (link) => link.href,
    );
    assert.equal(seen.filter((url) => url === ruChunk).length, 1);
    assert.ok(
      !seen.includes(preloaded),
      "a Russian reader loads no English table",
    );
    const text = await (await context.request.get(ruChunk)).text();
    assert.ok(text.includes(STRINGS.ru.intro.title));
    await russian.close();
  });

  test("the site holds only what the page loads: no sources, no node_modules", () => {
    const served = new Set(
      server.requests.map((path) => path.slice(SUB_PATH.length)),
    );
    assert.ok(
      !requests.some((url) => /node_modules|\/web\/|\/build\//.test(url)),
    );
    assert.ok(served.has("") || served.has("index.html"));
  });

  test("the language switch works", async () => {
    await assertLanguageSwitch(page);
    assert.deepEqual(errors, []);
  });

  test("Link and Embed give addresses under the sub-path, and the embed draws", async () => {
    const link = await copied("link");
    // The language chosen in the previous test is in the address, and so in the link.
    assert.equal(link, `${server.origin}${SUB_PATH}?lang=en&view=grad`);
    const snippet = await copied("embed");
    const src = `${server.origin}${SUB_PATH}?lang=en&amp;embed=1&amp;view=grad`;
    assert.ok(snippet.startsWith(`<iframe src="${src}"`), snippet);
    const auto = await page.$eval(
      `${card("grad")} textarea[data-snippet=auto]`,
      (el) => el.value,
    );
    assert.ok(
      auto.startsWith(`<iframe src="${src}"`) && auto.includes("actlab:resize"),
    );
    const embed = await context.newPage();
    await embed.goto(src.replace(/&amp;/g, "&"));
    await assertEveryFigureDraws(embed, ["grad"]);
    await embed.close();
  });

  test("PNG and CSV download", async () => {
    await waitDrawn(page, "act");
    await assertDownloads(page);
  });
});
