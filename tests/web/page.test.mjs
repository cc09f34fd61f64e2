// The whole course page in headless Chromium: every section draws, follows its controls and
// the URL, exports its numbers (compared with the actlab CLI), scans clean with axe-core,
// switches language, stays on its own origin and fits a phone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";

import { PNG } from "pngjs";

import { formatG17 } from "../../web/format.js";
import {
  act,
  canvasStats,
  card,
  cli,
  launch,
  openPage,
  waitDrawn,
} from "./browser.mjs";

const FIGURES = ["act", "grad", "prop", "init", "selu"];
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

let env;
let page;
let log;
before(async () => {
  env = await launch();
  ({ page, log } = await openPage(env, "/"));
  for (const id of FIGURES) await waitDrawn(page, id, 0, 60000);
});
after(() => env?.close());

const values = (id) =>
  page.$eval(card(id), (el) => JSON.parse(el.dataset.values));
const canvasHashes = async (on, id) => {
  const count = await on.$$eval(`${card(id)} canvas`, (list) => list.length);
  return Promise.all(
    Array.from(
      { length: count },
      async (_, i) => (await canvasStats(on, id, null, i)).hash,
    ),
  );
};

describe("the course page", () => {
  test("every section draws with no console error", async () => {
    assert.deepEqual(log.errors, []);
    for (const id of FIGURES) {
      const stats = await canvasStats(page, id);
      assert.ok(stats.drawn > 1000, `${id}: ${stats.drawn} drawn pixels`);
      assert.equal(
        await page.$eval(card(id), (el) => el.dataset.status),
        "ready",
      );
    }
  });

  test("no request leaves the page's origin", () => {
    const outside = log.requests.filter(
      (url) => !url.startsWith(env.origin) && !/^(blob|data):/.test(url),
    );
    assert.deepEqual(outside, []);
    assert.ok(
      log.requests.some((url) => url.endsWith("/build/wasm/actlab.wasm")),
    );
    assert.ok(
      log.requests.some((url) => /KaTeX_Main-Regular\.woff2$/.test(url)),
    );
  });

  for (const [id, slider] of [
    ["grad", "#grad-depth"],
    ["prop", "#prop-depth"],
    ["init", "#init-depth"],
    ["selu", "#selu-depth"],
  ]) {
    test(`${id}: moving the depth slider from the keyboard changes the figure and the URL`, async () => {
      const before = (await values(id)).depth;
      const hash = (await canvasStats(page, id)).hash;
      await act(page, id, async () => {
        await page.focus(slider);
        await page.keyboard.press("ArrowLeft");
      });
      assert.equal((await values(id)).depth, before - 1);
      assert.match(page.url(), new RegExp(`${id}\\.depth=${before - 1}(&|$)`));
      assert.notEqual((await canvasStats(page, id)).hash, hash);
      // Updated in place, the figure shows what a fresh load of the URL shows (its layer axis
      // included, which must follow the depth).
      const fresh = await openPage(
        env,
        new URL(page.url()).search ? `/${new URL(page.url()).search}` : "/",
      );
      await waitDrawn(fresh.page, id, 0, 60000);
      assert.deepEqual(
        await canvasHashes(page, id),
        await canvasHashes(fresh.page, id),
      );
      await fresh.context.close();
    });
  }

  test("prop: the histogram switch shows the gradients' heat map", async () => {
    const hash = (await canvasStats(page, "prop")).hash;
    await act(page, "prop", () => page.selectOption("#prop-hist", "grad"));
    assert.notEqual((await canvasStats(page, "prop")).hash, hash);
    assert.match(page.url(), /prop\.hist=grad/);
  });

  // How fast it settles, and the main thread's long tasks meanwhile, are measured in bench/.
  test("a burst of slider moves ends on the last value", async () => {
    await page.focus("#prop-depth");
    for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
    const wanted = Number(await page.$eval("#prop-depth", (el) => el.value));
    await page.waitForFunction(
      ([selector, depth]) => {
        const el = document.querySelector(selector);
        return (
          el.dataset.status === "ready" &&
          JSON.parse(el.dataset.values).depth === depth
        );
      },
      [card("prop"), wanted],
    );
    assert.match(page.url(), new RegExp(`prop\\.depth=${wanted}`));
  });

  test("each section passes an axe-core scan with no serious or critical violation", async () => {
    await page.evaluate(axeSource);
    for (const id of FIGURES) {
      const violations = await page.evaluate(async (selector) => {
        const result = await globalThis.axe.run(selector, {
          resultTypes: ["violations"],
        });
        return result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          );
      }, `#sec-${id}`);
      assert.deepEqual(violations, [], `section ${id}`);
    }
  });

  test("the language switch changes the text and the URL", async () => {
    const english = await page.textContent("h1");
    await page.selectOption("#lang", "ru");
    // The Russian strings load first (web/i18n/languages.js), then the page is laid out again.
    await page.waitForFunction(() => document.documentElement.lang === "ru");
    await waitDrawn(page, "act");
    const russian = await page.textContent("h1");
    assert.notEqual(russian, english);
    assert.match(russian, /Функции активации/);
    assert.equal(await page.getAttribute("html", "lang"), "ru");
    assert.match(page.url(), /lang=ru/);
    assert.match(
      await page.textContent(`${card("grad")} .card-title`),
      /Градиент/,
    );
  });
});

describe("display names", () => {
  test("in Russian every control and legend names activations and initializers in Russian", async () => {
    await page.goto(`${env.origin}/?lang=ru&act.cmp=identity`);
    for (const id of FIGURES) await waitDrawn(page, id, 0, 60000);
    const option = (select, value) =>
      page.$eval(`${select} option[value="${value}"]`, (el) => el.textContent);
    assert.equal(await option("#act-phi", "sigmoid"), "Сигмоида");
    assert.equal(
      await option("#grad-init", "glorot-uniform"),
      "Глоро (Ксавье), равномерная",
    );
    assert.equal(
      await option("#selu-init", "lecun-normal"),
      "Лекун, нормальная",
    );
    assert.equal(
      await page.textContent('label[for="act-cmp-identity"]'),
      "Тождественная",
    );
    const legend = (id) =>
      page.$eval(`${card(id)} .legend`, (el) => el.textContent);
    assert.match(await legend("act"), /Сигмоида.*Тождественная/);
    assert.match(await legend("grad"), /Сигмоида/);
    assert.match(await legend("init"), /Глоро \(Ксавье\), равномерная/);
    assert.match(await legend("selu"), /SELU \+ Лекун, нормальная/);
    assert.match(
      await page.textContent(`${card("init")} .init-formulas`),
      /Хе \(Кайминг\), равномерная/,
    );
    for (const id of FIGURES) {
      assert.doesNotMatch(
        await legend(id),
        /Sigmoid|Identity|Glorot|Kaiming|LeCun (uniform|normal)/,
        id,
      );
    }
  });
});

describe("SELU figure", () => {
  test("shows the engine's lambda and alpha to full double precision", async () => {
    await page.goto(`${env.origin}/?view=selu`);
    await waitDrawn(page, "selu");
    const selu = JSON.parse(cli(["list", "--format", "json"])).find(
      (a) => a.id === "selu",
    );
    const tex = (
      await page.$$eval(`${card("selu")} .figure-formula annotation`, (list) =>
        list.map((el) => el.textContent),
      )
    ).join(" ");
    assert.ok(
      tex.includes(`\\lambda = ${formatG17(selu.constants.lambda)}`),
      tex,
    );
    assert.ok(
      tex.includes(`\\alpha = ${formatG17(selu.constants.alpha)}`),
      tex,
    );
    assert.match(
      tex,
      /\\lambda = 1\.0507009873554805 \\alpha = 1\.6732632423543772/,
    );
  });

  // Where the dotted fixed-point line (the only dark ink inside the plot) crosses the variance
  // chart's plotting area: 0 at its top, 1 at its bottom.
  const fixedPointHeight = () =>
    page.$eval(card("selu"), (el) => {
      const box = el.querySelectorAll(".chart")[1];
      const canvas = box.querySelector("canvas");
      const over = box.querySelector(".u-over");
      const dpr = canvas.width / canvas.getBoundingClientRect().width;
      const [left, top] = [over.offsetLeft, over.offsetTop].map((v) =>
        Math.round(v * dpr),
      );
      const [width, height] = [over.offsetWidth, over.offsetHeight].map((v) =>
        Math.round(v * dpr),
      );
      const { data } = canvas
        .getContext("2d")
        .getImageData(left, top, width, height);
      let best = { row: -1, count: 0 };
      for (let row = 0; row < height; row++) {
        let count = 0;
        for (let x = 0; x < width; x++) {
          const p = 4 * (row * width + x);
          if (
            data[p] < 80 &&
            data[p + 1] < 80 &&
            data[p + 2] < 80 &&
            data[p + 3] > 200
          )
            count++;
        }
        if (count > best.count) best = { row, count };
      }
      return best.row / (height - 1);
    });

  for (const [what, query] of [
    ["SELU", ""],
    [
      "a collapsing tanh network",
      "&selu.phi=tanh&selu.init=standard&selu.depth=60",
    ],
  ]) {
    test(`the variance axis puts the fixed point 1 mid-height (${what})`, async () => {
      await page.goto(`${env.origin}/?view=selu${query}`);
      await waitDrawn(page, "selu");
      const height = await fixedPointHeight();
      assert.ok(
        Math.abs(height - 0.5) < 0.02,
        `fixed point at ${height} of the plot's height`,
      );
    });
  }
});

describe("URLs", () => {
  test("a URL round-trips to the same state", async () => {
    const search =
      "?act.phi=elu&act.alpha=2&act.eps=0.05&grad.init=he-normal&grad.depth=12&prop.phi=relu&prop.init=he-uniform&prop.depth=15&prop.width=64&prop.seed=7&init.phi=relu&init.dist=normal&selu.init=glorot-uniform&selu.depth=50";
    await page.goto(env.origin + "/" + search);
    for (const id of FIGURES) await waitDrawn(page, id);
    assert.equal(new URL(page.url()).search, search);
    assert.equal(await page.$eval("#act-alpha", (el) => el.value), "2");
    assert.equal(
      await page.$eval("#prop-init", (el) => el.value),
      "he-uniform",
    );
    assert.equal((await values("prop")).width, 64);
    assert.equal((await values("selu")).depth, 50);
  });

  test("bad parameters are clamped, with a visible notice", async () => {
    await page.goto(
      `${env.origin}/?prop.depth=5000&act.phi=sigmod&grad.width=abc&lang=en`,
    );
    for (const id of ["act", "grad", "prop"]) await waitDrawn(page, id);
    assert.equal((await values("prop")).depth, 200);
    assert.equal((await values("act")).phi, "sigmoid");
    for (const [id, text] of [
      ["prop", /prop\.depth = 5000 is out of range; using 200/],
      ["act", /act\.phi = sigmod/],
      ["grad", /grad\.width = abc/],
    ]) {
      const notice = await page.$eval(`${card(id)} .notices`, (el) =>
        el.hidden ? "" : el.textContent,
      );
      assert.match(notice, text);
    }
  });
});

describe("progress", () => {
  // The engine answers P2-sized views in tens of milliseconds, so the test slows the worker's
  // replies itself (3 s, longer than any page load here) instead of hoping for a slow enough configuration.
  const slowWorker = (context) =>
    context.route("**/web/worker.js", async (route) => {
      const original = await (await route.fetch()).text();
      const delay = `const postNow = self.postMessage.bind(self);
self.postMessage = (message, transfer) =>
  setTimeout(() => postNow(message, transfer), message && "result" in message ? 3000 : 0);
`;
      await route.fulfill({
        body: delay + original,
        contentType: "text/javascript",
      });
    });

  test("a computation longer than 200 ms shows a progress indicator, hidden once drawn", async () => {
    const { page: slow, context } = await openPage(env, "/?prop.depth=12", {
      prepare: slowWorker,
    });
    await slow.waitForSelector(`${card("prop")} .progress:not([hidden])`, {
      timeout: 20000,
    });
    await waitDrawn(slow, "prop", 0, 60000);
    assert.equal(
      await slow.$eval(`${card("prop")} .progress`, (el) => el.hidden),
      true,
    );
    assert.equal(
      await slow.$eval(
        card("prop"),
        (el) => JSON.parse(el.dataset.values).depth,
      ),
      12,
    );
    await context.close();
  });
});

describe("exports", () => {
  test("prop: CSV holds the numbers of `actlab propagate` for the same configuration", async () => {
    await page.goto(
      `${env.origin}/?prop.phi=tanh&prop.init=glorot-uniform&prop.depth=6&prop.width=32&prop.batch=16&prop.seed=3&prop.bins=16`,
    );
    await waitDrawn(page, "prop");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("prop")} [data-action=csv]`),
    ]);
    const rows = readFileSync(await download.path(), "utf8")
      .trim()
      .split("\n")
      .filter((r) => !r.startsWith("# ")) // the figure's title and parameters
      .map((r) => r.split(","));
    const header = rows.shift();
    const reference = JSON.parse(
      cli([
        "propagate",
        "--act",
        "tanh",
        "--init",
        "glorot-uniform",
        "--depth",
        "6",
        "--width",
        "32",
        "--batch",
        "16",
        "--seed",
        "3",
        "--bins",
        "16",
        "--format",
        "json",
      ]),
    );
    assert.equal(rows.length, 6);
    // The module and the native CLI draw the same numbers but sum float32 dot products in a
    // different order (see tests/wasm/engine.test.mjs): statistics agree to 1e-4 relative and
    // histogram rows to 0.1% of their B N entries; the page must show the module's numbers
    // unchanged, so anything looser would be the page's own error.
    const close = (page, native, scale, what) =>
      assert.ok(
        Math.abs(page - native) <= 1e-4 * Math.max(Math.abs(native), scale),
        `${what}: page ${page} CLI ${native}`,
      );
    const entries = 16 * 32;
    // The columns between the layer and the first histogram's counts are the statistics.
    const statisticColumns = header.slice(
      1,
      header.findIndex((h) => h.startsWith("act_hist[")),
    );
    assert.ok(statisticColumns.length >= 9, header.join());
    for (const key of statisticColumns)
      assert.equal(typeof reference.layers[0][key], "number", key);
    const FRACTIONS = new Set(["saturated", "dead"]);
    // The tails by the engine's names (zero, below, above): every entry is counted once.
    const tailColumns = header.filter((h) => /^act_hist_[a-z]+$/.test(h));
    assert.ok(tailColumns.length >= 3, header.join());
    for (const [l, row] of rows.entries()) {
      const layer = reference.layers[l];
      const at = (key) => Number(row[header.indexOf(key)]);
      assert.equal(at("layer"), l + 1);
      // Every statistic column the engine's field table gives the CSV, each with the
      // tolerance of its kind: a mean to 1e-4 of its std, a fraction of the entries to 0.1%.
      for (const key of statisticColumns) {
        const native = layer[key];
        if (FRACTIONS.has(key))
          assert.ok(
            Math.abs(at(key) - native) * entries <= 1e-3 * entries + 2,
            `layer ${l + 1} ${key}`,
          );
        else
          close(
            at(key),
            native,
            layer[key.replace(/_mean$/, "_std")] ?? 0,
            `layer ${l + 1} ${key}`,
          );
      }
      const first = header.indexOf(statisticColumns.at(-1)) + 1;
      const counts = row.slice(first, first + 16).map(Number);
      const tails = tailColumns.map(at);
      assert.equal(
        counts.reduce((a, b) => a + b, 0) + tails.reduce((a, b) => a + b, 0),
        entries,
      );
      const moved = counts.reduce(
        (sum, c, j) => sum + Math.abs(c - layer.act_hist[j]),
        0,
      );
      assert.ok(
        moved <= 2 * (1e-3 * entries + 2),
        `layer ${l + 1}: ${moved} histogram counts moved`,
      );
    }
  });

  for (const id of FIGURES) {
    test(`${id}: PNG export is a decodable PNG of twice the figure's size`, async () => {
      await waitDrawn(page, id);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`${card(id)} [data-action=png]`),
      ]);
      const png = PNG.sync.read(readFileSync(await download.path()));
      // The menu's default scale, 2x the canvases' CSS size.
      const widths = await page.$$eval(`${card(id)} canvas`, (list) =>
        list.map((c) => c.getBoundingClientRect().width),
      );
      assert.equal(png.width, 2 * Math.max(...widths));
      assert.ok(png.height > 100);
    });
  }

  test("grad: CSV has k, the bound and the measured gradient of each activation", async () => {
    await page.goto(`${env.origin}/?grad.depth=8&grad.width=32&grad.batch=32`);
    await waitDrawn(page, "grad");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("grad")} [data-action=csv]`),
    ]);
    const rows = readFileSync(await download.path(), "utf8")
      .trim()
      .split("\n")
      .filter((r) => !r.startsWith("# ")) // the figure's title and parameters
      .map((r) => r.split(","));
    assert.deepEqual(rows[0].slice(0, 4), [
      "k",
      "layer",
      "bound_sigmoid",
      "example_weight_grad_rms_per_upstream_sigmoid",
    ]);
    assert.equal(rows.length, 9);
    assert.equal(Number(rows[1][2]), 0.25);
    assert.ok(Number(rows[1][3]) < 0.25); // per unit of the upstream gradient
    assert.equal(Number(rows[3][2]), 0.25 ** 3);
  });
});

describe("embed mode and small screens", () => {
  for (const id of FIGURES) {
    test(`embed ${id} shows exactly that one figure in a 480x360 frame`, async () => {
      const {
        page: embed,
        log: embedLog,
        context,
      } = await openPage(env, `/?embed=1&view=${id}`, {
        viewport: { width: 480, height: 360 },
      });
      await waitDrawn(embed, id, 0, 60000);
      assert.equal(await embed.$$eval(".card", (list) => list.length), 1);
      assert.equal(await embed.$eval(".card", (el) => el.dataset.figure), id);
      assert.equal(
        await embed.$$eval(".site-header, .lecture, h1", (list) => list.length),
        0,
      );
      const [scrollWidth, clientWidth] = await embed.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(
        scrollWidth <= clientWidth,
        `horizontal overflow ${scrollWidth} > ${clientWidth}`,
      );
      assert.deepEqual(embedLog.errors, []);
      await context.close();
    });
  }

  test("the Embed button copies an iframe snippet of this figure", async () => {
    await page.goto(`${env.origin}/?prop.depth=9`);
    await waitDrawn(page, "prop");
    await page
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: env.origin,
      });
    // The copy is asynchronous: wait for the card to say what it copied.
    const copied = async (action) => {
      await page.$eval(
        `${card("prop")} .toast`,
        (el) => delete el.dataset.copied,
      );
      await page.click(`${card("prop")} [data-action=${action}]`);
      await page.waitForFunction(
        (selector) => document.querySelector(selector).dataset.copied,
        `${card("prop")} .toast`,
      );
      return page.$eval(`${card("prop")} .toast`, (el) => el.dataset.copied);
    };
    const snippet = await copied("embed");
    assert.match(
      snippet,
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;view=prop&amp;prop\.depth=9" /,
    );
    const link = await copied("link");
    assert.match(link, /\?view=prop&prop\.depth=9$/);
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      link,
    );
  });

  test("the language defaults to the browser's", async () => {
    const { page: russian, context } = await openPage(
      env,
      "/?embed=1&view=act",
      { locale: "ru-RU" },
    );
    await waitDrawn(russian, "act");
    assert.equal(await russian.getAttribute("html", "lang"), "ru");
    assert.match(await russian.textContent(".card-title"), /φ\(z\) и φ′\(z\)/);
    await context.close();
  });

  test("on a 360 px phone the section links scroll sideways, the clipped end faded", async () => {
    const { page: phone, context } = await openPage(env, "/", {
      viewport: { width: 360, height: 780 },
    });
    await waitDrawn(phone, "act");
    const nav = ".site-header nav";
    const state = () =>
      phone.$eval(nav, (el) => ({
        overflows: el.scrollWidth > el.clientWidth,
        classes: [...el.classList].sort(),
        fadeEnd: getComputedStyle(el).getPropertyValue("--fade-end").trim(),
        mask:
          getComputedStyle(el).maskImage ??
          getComputedStyle(el).webkitMaskImage,
      }));
    const start = await state();
    assert.ok(start.overflows);
    assert.deepEqual(start.classes, ["clipped-end"]);
    assert.equal(start.fadeEnd, "3rem");
    assert.match(start.mask, /linear-gradient/);
    await phone.$eval(nav, (el) => el.scrollTo({ left: el.scrollWidth }));
    await phone.waitForFunction(
      (selector) =>
        document.querySelector(selector).classList.contains("clipped-start"),
      nav,
    );
    assert.deepEqual((await state()).classes, ["clipped-start"]);
    // The title and the language switch stay whole.
    for (const selector of [".brand", "#lang"]) {
      const box = await phone.$eval(selector, (el) =>
        el.getBoundingClientRect().toJSON(),
      );
      assert.ok(
        box.left >= 0 && box.right <= 360,
        `${selector}: ${box.left}..${box.right}`,
      );
    }
    await context.close();
  });

  test("on a wide screen every section link shows, unfaded", async () => {
    const { page: wide, context } = await openPage(env, "/?view=act");
    await waitDrawn(wide, "act");
    assert.deepEqual(
      await wide.$eval(".site-header nav", (el) => [...el.classList]),
      [],
    );
    await context.close();
  });

  test("a 360 px wide phone has no horizontal scroll", async () => {
    const { page: phone, context } = await openPage(env, "/", {
      viewport: { width: 360, height: 740 },
    });
    for (const id of FIGURES) await waitDrawn(phone, id, 0, 60000);
    const [scrollWidth, clientWidth] = await phone.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(
      scrollWidth <= clientWidth,
      `scrollWidth ${scrollWidth} > ${clientWidth}`,
    );
    await context.close();
  });
});
