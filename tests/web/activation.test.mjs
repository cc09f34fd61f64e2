// Figure 1 in headless Chromium: it draws, follows its controls and the URL, overlays the
// tanh identity, and exports the CLI's numbers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { PNG } from "pngjs";

import {
  act,
  canvasStats,
  card,
  cli,
  launch,
  openPage,
  root,
  waitDrawn,
} from "./browser.mjs";

const SKY_BLUE = [0x56, 0xb4, 0xe9]; // the identity overlay's colour (Okabe-Ito)

let env;
let page;
let log;
before(async () => {
  env = await launch();
  ({ page, log } = await openPage(env, "/"));
  await waitDrawn(page, "act");
});
after(() => env?.close());

const formulaTex = () =>
  page.$$eval(`${card("act")} .formulas annotation`, (nodes) =>
    nodes.map((n) => n.textContent),
  );

describe("activation figure", () => {
  test("loads with no console error and draws on its canvases", async () => {
    assert.deepEqual(log.errors, []);
    for (const index of [0, 1]) {
      const stats = await canvasStats(page, "act", null, index);
      assert.ok(
        stats.drawn > 1000,
        `canvas ${index} has ${stats.drawn} drawn pixels`,
      );
    }
  });

  test("renders the formulas of the engine's catalog with KaTeX", async () => {
    const tex = await formulaTex();
    assert.equal(tex.length, 2);
    assert.match(tex[0], /\\sigma\(z\) = \\frac\{1\}\{1 \+ e\^\{-z\}\}/);
    assert.match(tex[1], /\\sigma'\(z\)/);
  });

  test("switching the activation changes the plot, the formula and the URL", async () => {
    const before = await canvasStats(page, "act", null, 0);
    await act(page, "act", () => page.selectOption("#act-phi", "relu"));
    const after = await canvasStats(page, "act", null, 0);
    assert.notEqual(after.hash, before.hash);
    assert.match((await formulaTex())[0], /\\max\(0, z\)/);
    assert.match(page.url(), /act\.phi=relu/);
  });

  test("the identity toggle overlays 2σ(2z) − 1 on tanh", async () => {
    await act(page, "act", () => page.selectOption("#act-phi", "tanh"));
    const without = await canvasStats(page, "act", SKY_BLUE, 0);
    assert.equal(without.matching, 0);
    await act(page, "act", () => page.check("#act-id"));
    const withOverlay = await canvasStats(page, "act", SKY_BLUE, 0);
    const derivative = await canvasStats(page, "act", SKY_BLUE, 1);
    assert.ok(
      withOverlay.matching > 100,
      `${withOverlay.matching} overlay pixels on φ`,
    );
    assert.ok(
      derivative.matching > 100,
      `${derivative.matching} overlay pixels on φ′`,
    );
    assert.match(page.url(), /act\.id=1/);
    const legend = await page.$eval(
      `${card("act")} .legend`,
      (el) => el.textContent,
    );
    assert.match(legend, /2σ\(2z\) − 1/);
  });

  test("the max |φ'| of sigmoid is marked as 0.25 at z = 0", async () => {
    await act(page, "act", () => page.selectOption("#act-phi", "sigmoid"));
    const legend = await page.$eval(
      `${card("act")} .legend`,
      (el) => el.textContent,
    );
    assert.match(legend, /max φ′ = 0\.25 at z = 0/);
  });

  test("back and forward restore the figure", async () => {
    await act(page, "act", () => page.goBack());
    assert.equal(await page.$eval("#act-phi", (el) => el.value), "tanh");
    await act(page, "act", () => page.goForward());
    assert.equal(await page.$eval("#act-phi", (el) => el.value), "sigmoid");
  });
});

describe("identity overlay beyond |z| = 5000", () => {
  const legendText = () =>
    page.$eval(`${card("act")} .legend`, (el) => el.textContent);
  const errorShown = () =>
    page.$eval(`${card("act")} .figure-error`, (el) => !el.hidden);

  test("is drawn where 2z is within the engine's range, with a note, and never an error", async () => {
    await page.goto(
      `${env.origin}/?act.phi=tanh&act.id=1&act.from=-8000&act.to=8000`,
    );
    await waitDrawn(page, "act");
    assert.equal(
      await page.$eval(card("act"), (el) => el.dataset.status),
      "ready",
    );
    assert.equal(await errorShown(), false);
    for (const index of [0, 1]) {
      const overlay = await canvasStats(page, "act", SKY_BLUE, index);
      assert.ok(
        overlay.matching > 100,
        `canvas ${index}: ${overlay.matching} overlay pixels`,
      );
    }
    assert.match(await legendText(), /drawn only where \|z\| ≤ 5000/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("act")} [data-action=csv]`),
    ]);
    const rows = readFileSync(await download.path(), "utf8")
      .trim()
      .split("\n")
      .map((r) => r.split(","));
    assert.deepEqual(rows.shift(), [
      "z",
      "value",
      "derivative",
      "identity_value",
      "identity_derivative",
    ]);
    for (const [z, value, , identity, identityDerivative] of rows) {
      if (Math.abs(Number(z)) > 5000) {
        assert.deepEqual([identity, identityDerivative], ["", ""], `z = ${z}`);
      } else {
        assert.ok(
          Math.abs(Number(identity) - Number(value)) < 1e-12,
          `z = ${z}: ${identity} vs tanh ${value}`,
        );
      }
    }
  });

  test("a view with no point where |z| ≤ 5000 draws tanh alone, with the note", async () => {
    await page.goto(
      `${env.origin}/?act.phi=tanh&act.id=1&act.from=6000&act.to=9000`,
    );
    await waitDrawn(page, "act");
    assert.equal(await errorShown(), false);
    assert.equal((await canvasStats(page, "act", SKY_BLUE, 0)).matching, 0);
    assert.match(await legendText(), /drawn only where \|z\| ≤ 5000/);
  });

  test("within ±5000 there is no note", async () => {
    await page.goto(
      `${env.origin}/?act.phi=tanh&act.id=1&act.from=-5000&act.to=5000`,
    );
    await waitDrawn(page, "act");
    assert.doesNotMatch(await legendText(), /drawn only/);
    assert.ok((await canvasStats(page, "act", SKY_BLUE, 0)).matching > 100);
  });
});

// With `flag` set in the page, a change of `select` in the figure `view` makes a bad request:
// the figure shows the engine's `message`; with the flag cleared, the next change draws again,
// computed on `thread`.
async function errorShownThenCleared(
  broken,
  { view, flag, select, message, thread },
) {
  await broken.evaluate((name) => (globalThis[name] = true), flag);
  await broken.selectOption(select, "relu");
  await broken.waitForFunction(
    (selector) => document.querySelector(selector)?.dataset.status === "error",
    card(view),
  );
  const shown = await broken.$eval(`${card(view)} .figure-error`, (el) =>
    el.hidden ? "" : el.textContent,
  );
  assert.match(shown, message);
  await broken.evaluate((name) => (globalThis[name] = false), flag);
  await act(broken, view, () => broken.selectOption(select, "tanh"));
  assert.equal(
    await broken.$eval(`${card(view)} .figure-error`, (el) => el.hidden),
    true,
  );
  assert.equal(
    await broken.$eval(card(view), (el) => el.dataset.thread),
    thread,
  );
}

describe("engine errors", () => {
  // Every view the page accepts is valid for the engine: each test makes one bad request by
  // changing a parameter on its way to the engine, while a flag is set. Figure 1 is computed on
  // the main thread once the page has its own instance of the module, the other figures in the
  // worker; an error shows in the figure, in the engine's words, on either path.
  test("an error of the engine is shown in the figure, in the engine's words", async () => {
    // Figure 1's request as the figure makes it (its args), with 1 point while flagged.
    const source = readFileSync(`${root}web/figures/activation.js`, "utf8");
    const patched = source.replace(
      "args: (values) => ({ ...values, drawPoints: drawPoints(values.n) }),",
      "args: (values) => ({ ...values, drawPoints: drawPoints(values.n), ...(globalThis.badPoints ? { n: 1, drawPoints: 1 } : {}) }),",
    );
    assert.notEqual(
      patched,
      source,
      "the figure's args() is where the test expects it",
    );
    const prepare = (context) =>
      context.route("**/web/figures/activation.js", (route) =>
        route.fulfill({
          body: patched,
          contentType: "text/javascript; charset=utf-8",
        }),
      );
    const { page: broken, context } = await openPage(env, "/?view=act", {
      prepare,
    });
    await waitDrawn(broken, "act");
    await broken.waitForFunction(
      () => document.body.dataset.mainThreadEngine === "ready",
    );
    await errorShownThenCleared(broken, {
      view: "act",
      flag: "badPoints",
      select: "#act-phi",
      message: /--points: must be an integer from 2 to 1000000, got 1/,
      thread: "main",
    });
    await context.close();
  });

  test("an error of the engine in the worker is shown the same way", async () => {
    // The propagation figure's request, with 1 histogram bin on its way to the worker.
    const initScript = () => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        const bad = globalThis.badBins && message?.op === "propagation";
        return post.call(
          this,
          bad ? { ...message, args: { ...message.args, bins: 1 } } : message,
          ...rest,
        );
      };
    };
    const { page: broken, context } = await openPage(env, "/?view=prop", {
      initScript,
    });
    await waitDrawn(broken, "prop");
    await errorShownThenCleared(broken, {
      view: "prop",
      flag: "badBins",
      select: "#prop-phi",
      message: /--bins: must be an integer from 2 to 512, got 1/,
      thread: "worker",
    });
    await context.close();
  });
});

describe("redrawing in place", () => {
  // A change of the view updates the figure's charts and formulas in place (no new canvas, no
  // KaTeX typesetting of an unchanged formula), computed on the main thread, and draws exactly
  // what a fresh load of the same URL draws.
  let view;
  before(async () => {
    view = await openPage(env, "/?view=act");
    await waitDrawn(view.page, "act");
    await view.page.waitForFunction(
      () => document.body.dataset.mainThreadEngine === "ready",
    );
    // Marks the nodes drawn so far, to tell them from new ones.
    await view.page.$eval(card("act"), (el) => {
      for (const node of el.querySelectorAll(
        "canvas, .formulas .katex-display",
      ))
        node.actlabMark = true;
    });
  });
  after(() => view?.context.close());

  const marked = (selector) =>
    view.page.$eval(
      card("act"),
      (el, s) =>
        [...el.querySelectorAll(s)].map((node) => node.actlabMark === true),
      selector,
    );
  const setValue = (selector, value) =>
    act(view.page, "act", () =>
      view.page.$eval(
        selector,
        (el, v) => {
          el.value = v;
          el.dispatchEvent(new Event("change", { bubbles: true }));
        },
        value,
      ),
    );
  const pixels = async (page) => [
    (await canvasStats(page, "act", null, 0)).hash,
    (await canvasStats(page, "act", null, 1)).hash,
  ];
  async function freshLoadPixels() {
    const fresh = await openPage(
      env,
      new URL(view.page.url()).pathname + new URL(view.page.url()).search,
    );
    await waitDrawn(fresh.page, "act");
    const hashes = await pixels(fresh.page);
    await fresh.context.close();
    return hashes;
  }

  for (const [what, selector, value] of [
    ["ε", "#act-eps", "0.25"],
    ["the z range", "#act-from", "-3"],
    ["the z range's end", "#act-to", "9"],
  ]) {
    test(`changing ${what} keeps the canvases and the formulas' nodes`, async () => {
      const before = await pixels(view.page);
      await setValue(selector, value);
      assert.deepEqual(await marked("canvas"), [true, true]);
      assert.deepEqual(await marked(".formulas .katex-display"), [true, true]);
      assert.equal(
        await view.page.$eval(card("act"), (el) => el.dataset.thread),
        "main",
      );
      const after = await pixels(view.page);
      assert.notDeepEqual(after, before);
      assert.deepEqual(after, await freshLoadPixels());
    });
  }

  test("changing the activation or the compared ones keeps the canvases, and draws what a fresh load draws", async () => {
    await act(view.page, "act", () =>
      view.page.selectOption("#act-phi", "tanh"),
    );
    assert.deepEqual(await marked("canvas"), [true, true]);
    assert.match(
      (
        await view.page.$$eval(`${card("act")} .formulas annotation`, (nodes) =>
          nodes.map((n) => n.textContent),
        )
      )[0],
      /\\tanh/,
    );
    assert.deepEqual(await pixels(view.page), await freshLoadPixels());
    await act(view.page, "act", () => view.page.check("#act-cmp-relu"));
    await act(view.page, "act", () => view.page.check("#act-id"));
    assert.deepEqual(await marked("canvas"), [true, true]);
    assert.deepEqual(await pixels(view.page), await freshLoadPixels());
    await act(view.page, "act", () => view.page.uncheck("#act-cmp-relu"));
    assert.deepEqual(await marked("canvas"), [true, true]);
    assert.deepEqual(await pixels(view.page), await freshLoadPixels());
  });

  test("a view too heavy for the main thread is computed in the worker", async () => {
    const all = await view.page.$$eval("#act-phi option", (options) =>
      options.map((o) => o.value).filter((v) => v !== "tanh"),
    );
    await view.page.goto(
      `${env.origin}/?view=act&act.phi=tanh&act.n=20001&act.cmp=${all.join(",")}`,
    );
    await waitDrawn(view.page, "act");
    await view.page.waitForFunction(
      () => document.body.dataset.mainThreadEngine === "ready",
    );
    await setValue("#act-eps", "0.2");
    assert.equal(
      await view.page.$eval(card("act"), (el) => el.dataset.thread),
      "worker",
    );
  });
});

describe("activation figure exports", () => {
  test("CSV equals `actlab curve` for the same configuration, byte for byte", async () => {
    await page.goto(`${env.origin}/?act.phi=tanh&act.from=-6&act.to=6`);
    await waitDrawn(page, "act");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("act")} [data-action=csv]`),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    assert.equal(
      csv,
      cli([
        "curve",
        "--act",
        "tanh",
        "--from",
        "-6",
        "--to",
        "6",
        "--points",
        "241",
      ]),
    );
  });

  test("PNG is a decodable image of the figure at the menu's scale (2x by default)", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("act")} [data-action=png]`),
    ]);
    const png = PNG.sync.read(readFileSync(await download.path()));
    // The charts' CSS sizes (their canvases' are these times the screen's pixel ratio).
    const charts = await page.$$eval(`${card("act")} .chart .uplot`, (list) =>
      list.map((el) => [el.offsetWidth, el.offsetHeight]),
    );
    assert.equal(png.width, 2 * Math.max(...charts.map(([w]) => w)));
    assert.ok(png.height > 2 * charts.reduce((sum, [, h]) => sum + h, 0));
    assert.equal(download.suggestedFilename(), "actlab-act.png");
  });
});
