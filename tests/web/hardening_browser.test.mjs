// The page in headless Chromium against what breaks pages: an exploding network (marked, not
// hidden), a worker killed in the middle of a request (restarted, the reader told), and a fuzz
// of hostile URL values (clamped with a notice; no console error, no injected node).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

const FIGURES = ["act", "grad", "prop", "init", "selu"];

let env;
before(async () => {
  env = await launch();
});
after(() => env.close());

describe("overflow", () => {
  test("figure 3 marks the layer from which the signal overflows float32", async () => {
    const { page, log } = await openPage(
      env,
      "/?lang=en&prop.phi=relu&prop.init=normal&prop.istd=1&prop.depth=60&prop.width=64&prop.batch=64",
    );
    await waitDrawn(page, "prop");
    const note = await page.$eval(`${card("prop")} .overflow-note`, (el) => [
      el.hidden,
      el.textContent,
    ]);
    // As the CLI: propagate --act relu --init normal --init-std 1 --depth 60 --width 64 --batch 64.
    assert.deepEqual(note, [
      false,
      "the signal overflows float32 from layer 51: exploding activations",
    ]);
    const tanh = await page.$eval(
      `${card("init")} .overflow-note`,
      (el) => el.hidden,
    );
    assert.equal(tanh, true); // figure 4's defaults stay finite
    assert.deepEqual(log.errors, []);
    await page.context().close();
  });
});

describe("a dead worker", () => {
  // Records every Worker the page makes, so that the test can kill one.
  const recordWorkers = () => {
    const Original = globalThis.Worker;
    globalThis.workers = [];
    globalThis.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        globalThis.workers.push(this);
      }
    };
  };

  test("killed in the middle of a request, it is restarted and the reader told", async () => {
    const { page, log } = await openPage(env, "/?lang=en", {
      initScript: recordWorkers,
    });
    const drawn = await waitDrawn(page, "prop");
    await page.$eval("#prop-depth", (el) => {
      el.value = String(Number(el.value) + 5);
      el.dispatchEvent(new Event("change", { bubbles: true }));
      // The worker dies as the browser reports it: terminated, then an error event.
      const worker = globalThis.workers[0];
      worker.terminate();
      worker.dispatchEvent(
        new ErrorEvent("error", { message: "worker killed" }),
      );
    });
    await waitDrawn(page, "prop", drawn);
    assert.equal(await page.evaluate(() => globalThis.workers.length), 2);
    assert.equal(
      await page.evaluate(() => document.body.dataset.engineRestarts),
      "1",
    );
    const alert = await page.$eval(
      "[role=alert].figure-error",
      (el) => el.textContent,
    );
    assert.match(
      alert,
      /The engine stopped \(worker killed\) and was restarted/,
    );
    const status = await page.$eval(card("prop"), (el) => el.dataset.status);
    assert.equal(status, "ready");
    assert.deepEqual(log.errors, []);
    await page.context().close();
  });
});

describe("URL fuzz", () => {
  const INJECTIONS = [
    "<img src=x onerror=globalThis.pwned=1>",
    '"><svg onload=globalThis.pwned=1>',
    "javascript:globalThis.pwned=1",
    "NaN",
    "-Infinity",
    "1e400",
    "",
    "9".repeat(400), // 1e400: not finite (5 of them stay under the server's 8 KiB URL)
    "%",
    "0x10",
    "+5",
    " 3",
    "-0",
    "1e-310",
    "__proto__",
    "constructor",
  ];
  // Every figure's parameters, as the page's URL names them.
  const PARAMS = {
    act: ["phi", "alpha", "from", "to", "n", "eps", "cmp", "id"],
    grad: ["init", "y", "depth", "width", "batch", "seed"],
    prop: [
      "phi",
      "init",
      "hist",
      "sx",
      "istd",
      "bins",
      "depth",
      "width",
      "batch",
      "seed",
    ],
    init: ["phi", "dist", "depth", "width", "batch", "seed"],
    selu: ["phi", "init", "depth", "width", "batch", "seed"],
  };

  test("every parameter with hostile values: clamped with a notice, every figure drawn", async () => {
    const { page, log } = await openPage(env, "/?lang=en");
    await waitDrawn(page, "act");
    let k = 0;
    for (const value of INJECTIONS) {
      // One URL per value: each figure's parameters in turn, one of them per figure.
      const query = new URLSearchParams({ lang: "en" });
      for (const [figure, names] of Object.entries(PARAMS))
        query.set(`${figure}.${names[k++ % names.length]}`, value);
      await page.goto(`${env.origin}/?${query}`);
      for (const id of FIGURES)
        await waitDrawn(page, id).catch(async (error) => {
          const status = await page.$$eval(".card", (cards) =>
            cards.map(
              (c) =>
                `${c.dataset.figure}:${c.dataset.status}:${c.textContent.slice(0, 300)}`,
            ),
          );
          throw new Error(
            `${query}: ${id} not drawn (${status.join(" | ")}) ${error.message}`,
          );
        });
      const state = await page.evaluate(() => ({
        pwned: globalThis.pwned,
        injected: document.querySelectorAll("img[src=x], svg[onload]").length,
        errors: [...document.querySelectorAll(".figure-error")]
          .filter((el) => !el.hidden && el.textContent)
          .map((el) => el.textContent),
        notices: [...document.querySelectorAll(".notices li")].map(
          (el) => el.textContent,
        ),
      }));
      assert.equal(state.pwned, undefined, value);
      assert.equal(state.injected, 0, value);
      assert.deepEqual(state.errors, [], value);
      for (const text of state.notices)
        assert.doesNotMatch(text, /undefined|using NaN|using \./, value);
    }
    assert.deepEqual(log.errors, []);
    await page.context().close();
  });
});
