// Shared set-up of the distribution tests: dist/ built once (scripts/test.sh builds it before
// the suite; a test file run alone builds it if it is missing), copies of it in a temporary
// folder, and the checks every copy of the lecture must pass.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { canvasStats, card, root, waitDrawn } from "./browser.mjs";

export const FIGURES = ["act", "grad", "prop", "init", "selu"];
export const dist = join(root, "dist");

export function ensureDist() {
  if (!existsSync(join(dist, "actlab-scorm12.zip")))
    execFileSync("node", ["scripts/build-site.mjs"], { cwd: root });
}

export const tempFolder = () => mkdtempSync(join(tmpdir(), "actlab-dist-"));

// Every figure of `on` (a page or a frame) draws and is ready.
export async function assertEveryFigureDraws(on, figures = FIGURES) {
  for (const id of figures) await waitDrawn(on, id, 0, 60000);
  for (const id of figures) {
    const stats = await canvasStats(on, id);
    assert.ok(stats.drawn > 1000, `${id}: ${stats.drawn} drawn pixels`);
    assert.equal(await on.$eval(card(id), (el) => el.dataset.status), "ready");
  }
}

// The language switch: Russian strings and lang="ru", then English again. A language's
// strings may load first (web/i18n/languages.js), then the page is laid out again.
const shownIn = (page, lang) =>
  page.waitForFunction((l) => document.documentElement.lang === l, lang);

export async function assertLanguageSwitch(page) {
  await page.selectOption("#lang", "ru");
  await shownIn(page, "ru");
  await waitDrawn(page, "act");
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  assert.match(
    await page.textContent(`${card("act")} .card-title`),
    /φ\(z\) и φ′\(z\)/,
  );
  await page.selectOption("#lang", "en");
  await shownIn(page, "en");
  await waitDrawn(page, "act");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(
    await page.textContent(`${card("act")} .card-title`),
    /φ\(z\) and φ′\(z\)/,
  );
}

// PNG and CSV downloads of figure 1: a PNG image of the figure; the CSV of its curve.
export async function assertDownloads(page) {
  const download = async (action) => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("act")} [data-action=${action}]`),
    ]);
    return {
      name: file.suggestedFilename(),
      bytes: readFileSync(await file.path()),
    };
  };
  const png = await download("png");
  assert.equal(png.name, "actlab-act.png");
  assert.deepEqual(
    [...png.bytes.subarray(0, 8)],
    [137, 80, 78, 71, 13, 10, 26, 10],
  );
  assert.ok(png.bytes.length > 5000, `PNG of ${png.bytes.length} bytes`);
  const csv = await download("csv");
  assert.equal(csv.name, "actlab-act.csv");
  const lines = csv.bytes.toString("utf8").trim().split("\n");
  assert.equal(lines[0], "z,value,derivative");
  assert.equal(lines.length, 242); // the default 241 points
}

// Requests that are not network requests (blob: workers, data: fonts) are not counted.
export const networkRequests = (urls) =>
  urls.filter((url) => !/^(blob|data):/.test(url));
