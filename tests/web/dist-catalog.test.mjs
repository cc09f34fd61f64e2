// The engine's catalog built into dist/ (scripts/build-site.mjs, web/engine-catalog.js): the
// page lays out its figures' frames before the wasm has arrived, checks the built catalog
// against the module's once it has (data-catalog="checked"), and a built catalog that differs
// is caught: the page says so in the console and is laid out again with the module's.
import assert from "node:assert/strict";
import {
  cpSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";

import { launchChromium } from "../../scripts/chromium.mjs";
import { card, waitDrawn } from "./browser.mjs";
import { dist, ensureDist, tempFolder } from "./dist.mjs";
import { serveFolder } from "./plain-server.mjs";

let folder;
let server;
let browser;
before(async () => {
  ensureDist();
  folder = tempFolder();
  cpSync(join(dist, "site"), join(folder, "site"), { recursive: true });
  // A copy whose built catalog names the identity otherwise than the module does.
  cpSync(join(dist, "site"), join(folder, "altered"), { recursive: true });
  const assets = join(folder, "altered/assets");
  const app = readdirSync(assets).find((f) => /^app-.*\.js$/.test(f));
  const source = readFileSync(join(assets, app), "utf8");
  const altered = source.replace(
    '"name":"Identity"',
    '"name":"Identity (built)"',
  );
  assert.notEqual(altered, source, "the app bundle holds the catalog as JSON");
  writeFileSync(join(assets, app), altered);
  server = await serveFolder(folder);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

// Opens `url`; with `holdWasm`, the wasm is not answered until the returned release() is called.
async function open(url, holdWasm = false) {
  const context = await browser.newContext({ locale: "en-US" });
  let release = () => {};
  if (holdWasm) {
    const held = new Promise((resolve) => (release = resolve));
    await context.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
  }
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors, context, release };
}

const catalogState = (page) =>
  page.waitForFunction(() => document.body.dataset.catalog, null, {
    timeout: 60000,
  });

describe("the catalog built into dist/", () => {
  test("dist/site lays out its figures before the wasm arrives, then checks the catalog", async () => {
    const { page, errors, context, release } = await open(
      `${server.origin}/site/`,
      true,
    );
    // The first section and its figure's card (controls from the catalog), no number yet.
    await page.waitForSelector(`${card("act")} select, ${card("act")} input`);
    assert.equal(await page.$eval(card("act"), (el) => el.dataset.drawn), "0");
    assert.equal(
      await page.evaluate(() => document.body.dataset.catalog ?? null),
      null,
    );
    assert.ok(
      (await page.$$eval(`${card("act")} option`, (list) => list.length)) > 5,
      "the activation choice lists the catalog's activations",
    );
    release();
    await catalogState(page);
    assert.equal(
      await page.evaluate(() => document.body.dataset.catalog),
      "checked",
    );
    await waitDrawn(page, "act");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("dist/actlab.html from file:// checks its catalog too", async () => {
    const { page, errors, context } = await open(
      pathToFileURL(join(dist, "actlab.html")).href,
    );
    await catalogState(page);
    assert.equal(
      await page.evaluate(() => document.body.dataset.catalog),
      "checked",
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a built catalog that differs from the module's is caught and replaced", async () => {
    const { page, errors, context } = await open(`${server.origin}/altered/`);
    await catalogState(page);
    assert.equal(
      await page.evaluate(() => document.body.dataset.catalog),
      "differs",
    );
    assert.deepEqual(errors, [
      "actlab: the built catalog differs from the engine's",
    ]);
    await waitDrawn(page, "act");
    await context.close();
  });
});
