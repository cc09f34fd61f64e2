// Images for projectors and slides (issue 14): the PNG at the scale chosen in the card's menu
// (2x or 3x the figure's CSS size, whatever the screen's pixel ratio), and an SVG painted from
// the charts' own scales and data: it parses as XML, has one path per series with a point per
// value, the axes' labels as the page draws them, and the title naming the parameters.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { PNG } from "pngjs";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";
import theoryEn from "../../web/i18n/theory.en.js";

const THEORY = theoryEn.figures.edge.theoryShort;

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

async function download(page, id, action) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=${action}]`),
  ]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

async function png(page, id, scale) {
  await page.selectOption(`${card(id)} [data-action=scale]`, String(scale));
  const { path } = await download(page, id, "png");
  return PNG.sync.read(readFileSync(path));
}

// The SVG's parts, read by the browser's XML parser: {error, title, texts, series: [{label,
// paths: [point counts]}], width}.
async function svgParts(page, id) {
  const { name, path } = await download(page, id, "svg");
  assert.match(name, /\.svg$/);
  const text = readFileSync(path, "utf8");
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    const svg = doc.documentElement;
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: svg.localName,
      width: Number(svg.getAttribute("width")),
      title: svg.querySelector("title")?.textContent ?? "",
      texts: [...svg.querySelectorAll("text")].map((t) => t.textContent),
      images: svg.querySelectorAll("image").length,
      series: [...svg.querySelectorAll("g[data-series]")].map((g) => ({
        label: g.dataset.series,
        paths: [...g.querySelectorAll("path")].map(
          (p) => (p.getAttribute("d").match(/[ML]/g) ?? []).length,
        ),
      })),
    };
  }, text);
}

// The widest chart of a figure, CSS px, as the page lays it out.
const chartWidth = (page, id) =>
  page.$$eval(`${card(id)} .chart .uplot`, (list) =>
    Math.max(...list.map((el) => el.getBoundingClientRect().width)),
  );

describe("PNG at 2x and 3x, SVG from the charts' data", () => {
  test("the PNG is 2x or 3x the figure's CSS size on a 1x screen", async () => {
    const { page, context } = await openPage(env, "/?view=selu");
    await waitDrawn(page, "selu", 0, 60000);
    assert.equal(
      await page.$eval(`${card("selu")} [data-action=scale]`, (s) => s.value),
      "2",
    );
    const width = await chartWidth(page, "selu");
    const twice = await png(page, "selu", 2);
    const thrice = await png(page, "selu", 3);
    assert.equal(twice.width, 2 * width);
    assert.equal(thrice.width, 3 * width);
    // The same layout, one and a half times as many pixels each way.
    assert.ok(
      Math.abs(thrice.height - 1.5 * twice.height) <= 1.5,
      `${twice.height} ${thrice.height}`,
    );
    await context.close();
  });

  test("on a 2x screen the 3x PNG is still 3x, not 2x", async () => {
    const context = await env.browser.newContext({
      viewport: { width: 900, height: 800 },
      deviceScaleFactor: 2,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${env.origin}/?view=init`);
    await waitDrawn(page, "init", 0, 60000);
    const width = await chartWidth(page, "init");
    assert.equal((await png(page, "init", 3)).width, 3 * width);
    assert.equal((await png(page, "init", 1)).width, width);
    await context.close();
  });

  test("figure 4's SVG: a path per series, a point per layer, the page's axis labels, the parameters in the title", async () => {
    const { page, context } = await openPage(
      env,
      "/?view=init&init.phi=relu&init.depth=12&init.width=40&init.batch=24&init.seed=7&init.d=20",
    );
    await waitDrawn(page, "init", 0, 60000);
    const svg = await svgParts(page, "init");
    assert.equal(svg.error, null);
    assert.equal(svg.root, "svg");
    assert.equal(svg.images, 0, "no raster inside");
    assert.equal(svg.width, await chartWidth(page, "init"));
    for (const part of [
      "ReLU",
      "D = 20",
      "L = 12",
      "N = 40",
      "B = 24",
      "seed 7",
    ])
      assert.ok(svg.title.includes(part), `${part} in ${svg.title}`);
    // The title is drawn, too (wrapped over the first lines).
    assert.ok(svg.texts.slice(0, 3).join(" ").includes("L = 12"));
    // Two charts (std of h, std of dL/dz), four initializers each, measured and the theory's
    // dotted prediction beside it: one path of 12 points per series.
    assert.equal(svg.series.length, 16);
    for (const s of svg.series) assert.deepEqual(s.paths, [12], s.label);
    const families = ["Glorot", "He", "LeCun", "standard"];
    assert.deepEqual(
      [...new Set(svg.series.map((s) => s.label))].sort(),
      [...families.flatMap((f) => [f, `${f}: ${THEORY}`])].sort(),
    );
    // Every tick label and axis name the page draws is in the SVG.
    const labels = await page.$$eval(`${card("init")} .chart`, (list) =>
      list.flatMap((el) => JSON.parse(el.dataset.axisLabels).flat()),
    );
    assert.ok(labels.length >= 6, `${labels}`);
    for (const label of labels.filter(Boolean))
      assert.ok(svg.texts.includes(label), `${label} in the SVG`);
    for (const name of ["layer l", "std of h⁽ˡ⁾", "std of ∂L/∂z⁽ˡ⁾"])
      assert.ok(svg.texts.includes(name), name);
    // The legend closes it: the page's legend, item by item.
    const legend = await page.$$eval(`${card("init")} .legend li`, (list) =>
      list.map((li) => li.textContent),
    );
    assert.equal(legend.length, families.length + 1, "and the theory's line");
    for (const name of legend) assert.ok(svg.texts.includes(name), name);
    await context.close();
  });

  test("figure 1's SVG: every curve with a point per sample, the range and ε in the title", async () => {
    const { page, context } = await openPage(
      env,
      "/?view=act&act.phi=elu&act.alpha=1.5&act.from=-4&act.to=3&act.eps=0.2&act.cmp=tanh",
    );
    await waitDrawn(page, "act", 0, 60000);
    const { path } = await download(page, "act", "csv");
    const rows = readFileSync(path, "utf8").trim().split("\n").length - 1;
    const svg = await svgParts(page, "act");
    assert.equal(svg.error, null);
    for (const part of ["ELU", "α = 1.5", "z ∈ [-4; 3]", "ε = 0.2"])
      assert.ok(svg.title.includes(part), `${part} in ${svg.title}`);
    // φ and φ′ of ELU and tanh: four paths, each with as many points as the page draws (at
    // least the CSV's grid).
    assert.equal(svg.series.length, 4);
    const points = svg.series.map((s) => s.paths);
    for (const p of points) {
      assert.equal(p.length, 1);
      assert.ok(p[0] >= rows, `${p[0]} >= ${rows}`);
    }
    assert.equal(new Set(points.flat()).size, 1);
    await context.close();
  });

  test("figure 3's heat map is in its SVG as cells; figure 6 offers PNG only and says so", async () => {
    const { page, context } = await openPage(env, "/?view=prop&prop.depth=6");
    await waitDrawn(page, "prop", 0, 60000);
    const svg = await svgParts(page, "prop");
    assert.equal(svg.error, null);
    assert.equal(svg.images, 0);
    await context.close();

    const train = await openPage(env, "/?view=train");
    await waitDrawn(train.page, "train", 0, 60000);
    const button = `${card("train")} [data-action=svg]`;
    assert.equal(
      await train.page.getAttribute(button, "aria-disabled"),
      "true",
    );
    assert.match(await train.page.getAttribute(button, "title"), /PNG/);
    // aria-disabled, not disabled: a click tells why (playwright would refuse to click it).
    await train.page.$eval(button, (b) => b.click());
    assert.match(
      await train.page.textContent(`${card("train")} .toast`),
      /No SVG for this figure/,
    );
    // Its pixel images are drawn again at the scale, like its charts.
    const once = await png(train.page, "train", 1);
    const thrice = await png(train.page, "train", 3);
    assert.equal(thrice.width, 3 * once.width);
    await train.context.close();
  });
});
