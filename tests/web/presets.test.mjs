// The presets (issue 14): each is one link under its figure, and the figure it opens shows
// what the preset's sentence claims, read from the figure's own CSV.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { PRESETS, presetHref } from "../../web/presets.js";
import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
let page;
before(async () => {
  env = await launch();
  ({ page } = await openPage(env, "/"));
  await waitDrawn(page, "act");
});
after(() => env?.close());

// The figure's CSV: its header comment, column names and numeric rows.
async function csvOf(id) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=csv]`),
  ]);
  const lines = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  const comment = lines.filter((l) => l.startsWith("# "));
  const [header, ...rows] = lines
    .filter((l) => !l.startsWith("# "))
    .map((l) => l.split(","));
  const column = (name) => {
    const i = header.indexOf(name);
    assert.ok(i >= 0, `${name} in ${header}`);
    return rows.map((r) => Number(r[i]));
  };
  return { comment, header, rows, column };
}

// Follows the preset's link as a reader would: one click on the lecture page.
async function open(preset) {
  await page.goto(`${env.origin}/`);
  await waitDrawn(page, preset.figure, 0, 60000);
  const link = page.locator(`[data-preset="${preset.id}"] a`);
  assert.equal(await link.count(), 1, preset.id);
  assert.equal(await link.getAttribute("href"), presetHref(preset));
  await link.click();
  await page.waitForURL((url) => url.search.includes(preset.query));
  await waitDrawn(page, preset.figure, 0, 60000);
  const sentence = await page
    .locator(`[data-preset="${preset.id}"]`)
    .textContent();
  assert.ok(sentence.length > 40, sentence);
  return csvOf(preset.figure);
}

const byId = Object.fromEntries(PRESETS.map((p) => [p.id, p]));
const max = (a) => Math.max(...a);
const min = (a) => Math.min(...a);

describe("presets", () => {
  test("sigmoid at 30 layers: the gradient at k = 29 is below 1e-15", async () => {
    const csv = await open(byId.sigmoid30);
    // The measured sigmoid column (whatever the quantity's name), not its bound.
    const name = csv.header.find(
      (h) => h.includes("sigmoid") && !h.startsWith("bound"),
    );
    const measured = csv.column(name);
    assert.equal(measured.length, 30);
    assert.ok(measured[29] > 0 && measured[29] < 1e-15, `${measured[29]}`);
  });

  test("ReLU: Glorot falls below 1e-4 by layer 30, He stays in 0.5..1.2", async () => {
    const csv = await open(byId.reluGlorotHe);
    const glorot = csv.column("act_std_glorot-uniform");
    const he = csv.column("act_std_he-uniform");
    assert.equal(glorot.length, 30);
    assert.ok(glorot[29] < 1e-4, `${glorot[29]}`);
    assert.ok(min(he) > 0.5 && max(he) < 1.2, `${min(he)}..${max(he)}`);
  });

  test("tanh: standard decays by a steady factor to below 1e-6, Glorot stays above 0.1", async () => {
    const csv = await open(byId.tanhStandardGlorot);
    const standard = csv.column("act_std_standard");
    const glorot = csv.column("act_std_glorot-uniform");
    assert.ok(standard[29] < 1e-6, `${standard[29]}`);
    assert.ok(glorot[29] > 0.1, `${glorot[29]}`);
    // Exponential for the standard rule: every layer shrinks the std, and it loses more than
    // a factor 1000 from layer 10 to layer 30; a power law for Glorot: less than a factor 3.
    const factors = standard.slice(1).map((s, i) => s / standard[i]);
    assert.ok(max(factors) < 1, `${max(factors)}`);
    assert.ok(standard[29] / standard[9] < 1e-3);
    assert.ok(glorot[29] / glorot[9] > 1 / 3, `${glorot[29] / glorot[9]}`);
  });

  test("SELU: He normal leaves the fixed point, LeCun normal keeps it", async () => {
    const csv = await open(byId.seluLecunHe);
    const varHe = csv.column("act_var");
    const meanHe = csv.column("act_mean");
    const varRef = csv.column("reference_act_var");
    const meanRef = csv.column("reference_act_mean");
    assert.ok(max(varHe) > 1000 && max(meanHe) > 10);
    assert.ok(min(varRef) > 0.9 && max(varRef) < 1.25);
    assert.ok(max(meanRef.map(Math.abs)) < 0.1);
  });

  // ReLU is positively homogeneous and Glorot's and LeCun's uniform draws are the same numbers
  // scaled, so Glorot's std over LeCun's is the product of sqrt(variance ratio) up to layer l:
  // 1 where fan-in = fan-out, sqrt(2 * 96 / 112) at layer 15, times sqrt(2 * 16 / 112) at 16.
  test("bottleneck: Glorot is LeCun below it, 1.31 times at layer 15, 0.70 times above", async () => {
    const csv = await open(byId.bottleneck);
    assert.match(csv.comment.join(" "), /K = 15, M = 16/);
    assert.match(csv.comment.join(" "), /N = 96/);
    const glorot = csv.column("act_std_glorot-uniform");
    const lecun = csv.column("act_std_lecun-uniform");
    const up = Math.sqrt((2 * 96) / (96 + 16));
    const down = up * Math.sqrt((2 * 16) / (96 + 16));
    assert.equal(glorot.length, 30);
    for (let l = 1; l <= 30; l++) {
      const ratio = glorot[l - 1] / lecun[l - 1];
      const expected = l < 15 ? 1 : l === 15 ? up : down;
      assert.ok(
        Math.abs(ratio - expected) < 1e-4,
        `layer ${l}: ${ratio} vs ${expected}`,
      );
    }
    assert.ok(Math.abs(up - 1.31) < 0.005 && Math.abs(down - 0.7) < 0.005);
  });
});
