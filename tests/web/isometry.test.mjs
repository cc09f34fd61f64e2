// Figure 8 (dynamical isometry) and SELU's moment field in section 5, in Chromium: what the
// figures draw against closed forms and the native CLI, the presets' claims, both languages,
// the URL round trip with clamping, and the embed views.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";

import { PRESETS, presetHref } from "../../web/presets.js";
import { jacobianOptions } from "../../web/isometry/ops.js";
import { ISO_BUDGET, isometryWork } from "../../web/isometry/schema.js";
import { card, cli, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

// `actlab jacobian`'s flags for one run of the figure (web/isometry/ops.js's options).
function cliArguments(weights, values) {
  const o = jacobianOptions(weights, values);
  const args = ["jacobian", "--act", o.act, "--depth", `${o.depth}`];
  args.push("--width", `${o.width}`, "--input-std", `${o.inputStd}`);
  args.push("--seed", `${o.seed}`, "--format", "csv");
  if (o.alpha !== undefined) args.push("--alpha", `${o.alpha}`);
  if (o.init)
    args.push(
      "--init",
      o.init,
      "--gain",
      `${o.gain}`,
      "--bias-std",
      `${o.biasStd}`,
    );
  else args.push("--sigma-w2", `${o.sigmaW2}`, "--sigma-b2", `${o.sigmaB2}`);
  return args;
}

async function open(path, options = {}) {
  const opened = await openPage(env, path, options);
  const id = new URLSearchParams(path.replace(/^\/\?/, "")).get("view");
  await waitDrawn(opened.page, id, 0, 60000);
  return opened;
}

async function csvText(page, id) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=csv]`),
  ]);
  return readFileSync(await download.path(), "utf8");
}

// The histogram as drawn: the shared edges and each run's counts (data-bins of the chart).
async function drawnBins(page) {
  return page.$eval(`${card("iso")} .chart`, (el) =>
    JSON.parse(el.dataset.bins),
  );
}

async function values(page, id) {
  return page.$eval(card(id), (el) => JSON.parse(el.dataset.values));
}

// log10(largest / smallest) over the bins a run fills: how many decades it spreads over.
function decades(bins, run) {
  const filled = bins.counts[run]
    .map((c, k) => (c > 0 ? k : -1))
    .filter((k) => k >= 0);
  return Math.log10(bins.edges[filled.at(-1) + 1] / bins.edges[filled[0]]);
}

// x extent (device px) of the pixels of one colour in the figure's first canvas.
async function colourColumns(page, rgb) {
  return page.$eval(
    `${card("iso")} canvas`,
    (canvas, wanted) => {
      const { data, width } = canvas
        .getContext("2d")
        .getImageData(0, 0, canvas.width, canvas.height);
      let lo = Infinity;
      let hi = -Infinity;
      for (let p = 0; p < data.length; p += 4) {
        const near = [0, 1, 2].every(
          (k) => Math.abs(data[p + k] - wanted[k]) < 20,
        );
        if (near && data[p + 3] > 200) {
          const x = (p / 4) % width;
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      return { lo, hi, width };
    },
    rgb,
  );
}

describe("dynamical isometry", () => {
  test("identity + orthogonal: every singular value is gain^L and the histogram one bar", async () => {
    const { page } = await open(
      "/?view=iso&iso.phi=identity&iso.weights=orthogonal&iso.sw2=1.21&iso.depth=8&iso.width=64",
    );
    const want = Math.sqrt(1.21) ** 8;
    const rows = (await csvText(page, "iso"))
      .split("\n")
      .filter((l) => l.includes(",singular_value,"));
    assert.equal(rows.length, 64);
    for (const row of rows) {
      const s = Number(row.split(",")[3]);
      assert.ok(Math.abs(s - want) < 1e-12 * want, `${s} vs ${want}`);
    }
    const bins = await drawnBins(page);
    const filled = bins.counts[0].filter((c) => c > 0);
    assert.deepEqual(filled, [64]);
    const k = bins.counts[0].indexOf(64);
    assert.ok(bins.edges[k] < want && want < bins.edges[k + 1]);
    // Drawn: the orthogonal colour (vermillion) fills one narrow bar, not the plot's width.
    const { lo, hi, width } = await colourColumns(page, [213, 94, 0]);
    assert.ok(hi > lo && hi - lo < width / 8, `${lo}..${hi} of ${width}`);
    // The moments: the mean of lambda is gain^(2L), measured and predicted; no spread.
    const csv = await csvText(page, "iso");
    const moment = (name) =>
      Number(
        csv
          .split("\n")
          .find((l) => l.startsWith(`orthogonal,${name},`))
          .split(",")[3],
      );
    assert.ok(Math.abs(moment("moments.mean") - want ** 2) < 1e-11 * want ** 2);
    assert.ok(
      Math.abs(moment("predicted.orthogonal.mean") - want ** 2) <
        1e-12 * want ** 2,
    );
    assert.equal(moment("predicted.orthogonal.variance"), 0);
  });

  test("orthogonal tanh near the critical line is narrower than Gaussian ReLU at the same depth", async () => {
    const tanh = await open(
      "/?view=iso&iso.weights=orthogonal&iso.sw2=1.086&iso.sb2=0.0001&iso.sx=0.21&iso.depth=32",
    );
    const narrow = decades(await drawnBins(tanh.page), 0);
    const relu = await open(
      "/?view=iso&iso.phi=relu&iso.weights=gaussian&iso.sw2=2&iso.depth=32",
    );
    const wide = decades(await drawnBins(relu.page), 0);
    assert.ok(narrow < 2 && wide > 6, `tanh ${narrow} decades, relu ${wide}`);
  });

  test("the CSV is `actlab jacobian --format csv`'s rows for each run", async () => {
    const { page } = await open(
      "/?view=iso&iso.depth=6&iso.width=24&iso.sw2=1.5&iso.sb2=0.05&iso.seed=3",
    );
    const shown = await values(page, "iso");
    const [comment, ...lines] = (await csvText(page, "iso"))
      .trimEnd()
      .split("\n");
    assert.match(comment, /^# /);
    const native = ["gaussian", "orthogonal"].flatMap((w, i) =>
      cli(cliArguments(w, shown))
        .trimEnd()
        .split("\n")
        .slice(i === 0 ? 0 : 1),
    );
    assert.equal(lines.length, native.length);
    assert.equal(lines[0], native[0]);
    // Byte for byte: J's product and Jacobi's SVD are the same bits natively and in the module.
    lines.slice(1).forEach((line, i) => assert.equal(line, native[i + 1]));
  });

  test("a bad URL value is clamped with a notice, and the URL round-trips", async () => {
    const { page } = await open(
      "/?view=iso&iso.weights=both&iso.width=9999&iso.sw2=abc&iso.phi=nope",
    );
    const shown = await values(page, "iso");
    assert.equal(shown.width, 256);
    assert.equal(shown.sw2, 1);
    assert.equal(shown.phi, "tanh");
    assert.ok(isometryWork(shown) <= ISO_BUDGET, `depth ${shown.depth}`);
    assert.ok(isometryWork({ ...shown, depth: shown.depth + 1 }) > ISO_BUDGET);
    const notices = await page.textContent(`${card("iso")} .notices`);
    for (const key of ["iso.width", "iso.sw2", "iso.phi", "iso.depth"])
      assert.ok(notices.includes(key), `${key} in ${notices}`);
    // A reader's change goes to the URL, and that URL gives the same figure back.
    const before = Number(
      await page.$eval(card("iso"), (el) => el.dataset.drawn),
    );
    await page.selectOption("#iso-weights", "gaussian");
    await waitDrawn(page, "iso", before);
    assert.match(page.url(), /iso\.weights=gaussian/);
    const url = page.url();
    const reopened = await open(url.replace(env.origin, ""));
    assert.deepEqual(await values(reopened.page, "iso"), {
      ...shown,
      weights: "gaussian",
    });
    assert.equal(
      await reopened.page.$eval("#iso-weights", (el) => el.value),
      "gaussian",
    );
  });

  test("Russian: the section and its numbers, with the decimal comma", async () => {
    const { page } = await open("/?lang=ru&view=iso");
    assert.match(
      await page.textContent("#sec-iso h2"),
      /Динамическая изометрия/,
    );
    const numbers = await page.textContent(`${card("iso")} .iso-numbers`);
    assert.match(numbers, /среднее/);
    assert.match(numbers, /\d,\d/);
    assert.doesNotMatch(numbers, /\d\.\d/);
    const english = await open("/?lang=en&view=iso");
    assert.match(
      await english.page.textContent("#sec-iso h2"),
      /Dynamical isometry/,
    );
  });

  test("the presets say what the figure shows", async () => {
    const { page } = await open("/?view=iso");
    for (const id of ["isoTanh", "isoRelu"]) {
      const preset = PRESETS.find((p) => p.id === id);
      const link = page.locator(`[data-preset="${id}"] a`);
      assert.equal(await link.getAttribute("href"), presetHref(preset));
    }
    const tanh = await open(
      presetHref(PRESETS.find((p) => p.id === "isoTanh")).replace("?", "/?"),
    );
    assert.equal((await values(tanh.page, "iso")).weights, "both");
    const csv = await csvText(tanh.page, "iso");
    const sv = (init) =>
      csv
        .split("\n")
        .filter((l) => l.startsWith(`${init},singular_value,`))
        .map((l) => Number(l.split(",")[3]));
    // Orthogonal: nine in ten between 0.4 and 1.6, the median near 1; Gaussian: > 10 decades.
    const orth = sv("orthogonal").sort((a, b) => a - b);
    const inside = orth.filter((s) => s >= 0.4 && s <= 1.6).length;
    assert.ok(inside >= 0.9 * orth.length, `${inside} of ${orth.length}`);
    assert.ok(Math.abs(orth[64] - 1) < 0.2, `median ${orth[64]}`);
    const top = Math.max(...sv("normal"));
    const gauss = sv("normal").filter((s) => s > 128 * Number.EPSILON * top);
    assert.ok(Math.log10(top / Math.min(...gauss)) > 10);
    const relu = await open(
      presetHref(PRESETS.find((p) => p.id === "isoRelu")).replace("?", "/?"),
    );
    const reluCsv = await csvText(relu.page, "iso");
    for (const init of ["normal", "orthogonal"]) {
      const rows = reluCsv.split("\n").filter((l) => l.startsWith(`${init},`));
      const s = rows
        .filter((l) => l.includes(",singular_value,"))
        .map((l) => Number(l.split(",")[3]));
      const mean = Number(
        rows.find((l) => l.includes(",moments.mean,")).split(",")[3],
      );
      const zero = 128 * 2.220446049250313e-16 * Math.max(...s);
      const alive = s.filter((x) => x > zero);
      assert.ok(mean > 0.3 && mean < 3, `${init} mean ${mean}`);
      assert.ok(
        s.length - alive.length >= s.length / 3,
        `${init}: ${alive.length} alive`,
      );
      assert.ok(Math.log10(Math.max(...alive) / Math.min(...alive)) > 3, init);
    }
  });

  test("embedded at 720 x 540 the figure draws and names its parameters", async () => {
    const { page } = await open("/?embed=1&view=iso", {
      viewport: { width: 720, height: 540 },
    });
    const drawn = await page.$$eval(`${card("iso")} canvas`, (canvases) =>
      canvases.map((c) => c.width * c.height),
    );
    assert.ok(drawn.length >= 2 && drawn.every((n) => n > 0));
    assert.match(
      await page.textContent(`${card("iso")} h3`),
      /L = 32, N = 128/,
    );
  });
});

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

test("both figures scan clean with axe-core and download as PNG", async () => {
  const { page } = await open("/?view=iso");
  await waitDrawn(page, "selumap", 0, 60000);
  await page.evaluate(axeSource);
  for (const selector of ["#sec-iso", "#fig-selumap"]) {
    const violations = await page.evaluate(async (where) => {
      const result = await globalThis.axe.run(where, {
        resultTypes: ["violations"],
      });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id);
    }, selector);
    assert.deepEqual(violations, [], selector);
  }
  for (const id of ["iso", "selumap"]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card(id)} [data-action=png]`),
    ]);
    const png = readFileSync(await download.path());
    assert.equal(png.subarray(1, 4).toString(), "PNG");
    assert.ok(png.length > 10000, `${id}: ${png.length} bytes`);
  }
});

describe("SELU's moment field", () => {
  test("the arrows point towards (0, 1) and every trajectory ends within 1e-3 of it", async () => {
    const { page } = await open("/?view=selumap");
    const rows = (await csvText(page, "selumap"))
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const grid = rows
      .filter((r) => r[0] === "grid")
      .map((r) => r.slice(3, 7).map(Number));
    assert.equal(grid.length, 17 * 17);
    for (const [mu, nu, mu1, nu1] of grid)
      assert.ok(
        Math.hypot(mu1, nu1 - 1) < Math.hypot(mu, nu - 1),
        `${mu}, ${nu}`,
      );
    const paths = new Map();
    for (const r of rows.filter((r) => r[0] === "trajectory"))
      paths.set(r[1], [Number(r[3]), Number(r[4])]);
    assert.equal(paths.size, 6);
    for (const [mu, nu] of paths.values())
      assert.ok(Math.hypot(mu, nu - 1) < 1e-3);
    const fixed = rows.find((r) => r[0] === "fixed_point");
    assert.ok(Math.abs(Number(fixed[7]) - 0.7877) < 1e-4);
    // Drawn: the trajectories in SELU's purple, the numbers below with the spectral norm.
    const purple = await page.$eval(`${card("selumap")} canvas`, (canvas) => {
      const { data } = canvas
        .getContext("2d")
        .getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let p = 0; p < data.length; p += 4)
        if (
          Math.abs(data[p] - 204) < 20 &&
          Math.abs(data[p + 1] - 121) < 20 &&
          Math.abs(data[p + 2] - 167) < 20
        )
          n++;
      return n;
    });
    assert.ok(purple > 200, `${purple} purple pixels`);
    assert.match(
      await page.textContent(`${card("selumap")} .figure-formula`),
      /0\.7877/,
    );
  });

  test("the CSV is `actlab selu-field`'s, byte for byte; the card sits in section 5", async () => {
    const { page } = await open(
      "/?view=selumap&selumap.omega=0.2&selumap.tau=1.3",
    );
    assert.equal(
      await csvText(page, "selumap"),
      cli(["selu-field", "--omega", "0.2", "--tau", "1.3"]),
    );
    assert.equal(
      await page.$$eval(`#sec-selu ${card("selumap")}`, (c) => c.length),
      1,
    );
    assert.equal(await page.$$eval("#sec-selumap", (c) => c.length), 0);
    const nav = await page.$$eval("nav a", (links) => links.map((a) => a.hash));
    assert.ok(
      nav.includes("#sec-selu") && !nav.includes("#sec-selumap"),
      `${nav}`,
    );
  });

  test("τ out of range is clamped with a notice; Russian and embedded it draws", async () => {
    const { page } = await open(
      "/?lang=ru&embed=1&view=selumap&selumap.tau=7",
      {
        viewport: { width: 720, height: 540 },
      },
    );
    assert.equal((await values(page, "selumap")).tau, 2);
    assert.match(
      await page.textContent(`${card("selumap")} .notices`),
      /selumap\.tau/,
    );
    assert.match(await page.textContent(`${card("selumap")} h3`), /τ = 2/);
    const size = await page.$eval(
      `${card("selumap")} canvas`,
      (c) => c.width * c.height,
    );
    assert.ok(size > 0);
  });
});
