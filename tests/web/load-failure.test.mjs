// When KaTeX, uPlot or the wasm does not arrive, the page says so in one clear message: not
// "Loading…" forever, nor an error in every figure.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { launch, openPage } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

// The page with every request whose URL matches `blocked` refused, as a broken copy would.
async function withBlocked(blocked, lang = "en") {
  const { page, context } = await openPage(env, `/?lang=${lang}`, {
    prepare: (ctx) =>
      ctx.route(blocked, (route) => route.fulfill({ status: 404, body: "" })),
  });
  await page.waitForFunction(
    () => document.body.dataset.status === "error",
    null,
    {
      timeout: 30000,
    },
  );
  const shown = await page.$$eval("#app > *", (list) =>
    list.map((el) => ({
      className: el.className,
      role: el.getAttribute("role"),
      text: el.textContent,
    })),
  );
  await context.close();
  return shown;
}

describe("a part of the page that does not load", () => {
  for (const [name, pattern] of [
    ["KaTeX", /katex\.min\.js$/],
    ["uPlot", /uPlot\.iife\.min\.js$/],
  ]) {
    test(`${name}: one message naming it`, async () => {
      const shown = await withBlocked(pattern);
      assert.equal(shown.length, 1);
      assert.equal(shown[0].role, "alert");
      assert.match(
        shown[0].text,
        new RegExp(`could not be loaded \\(${name}\\)`),
      );
      assert.doesNotMatch(shown[0].text, /Loading|constructor/);
    });
  }

  test("the wasm: one message, in the page's language", async () => {
    const shown = await withBlocked(/actlab\.wasm$/, "ru");
    assert.equal(shown.length, 1);
    assert.equal(shown[0].role, "alert");
    assert.match(
      shown[0].text,
      /^Не удалось загрузить движок WebAssembly: .*HTTP 404/,
    );
  });
});
