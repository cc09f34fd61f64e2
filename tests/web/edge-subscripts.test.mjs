// Section 7 writes its subscripts as subscripts (σ_w², σ_b², ξ_c): no raw underscore in the
// section's visible text (prose, controls, readout, hint, legend, title) in either language,
// the same labels as <sub> in the page, and as lowered tspans in the figure's SVG export (its
// axis labels, colour bar, title and legend are painted by plot/painter.js).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

const CARD = card("edge");
let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

// The section's text as read: KaTeX's MathML copy (its TeX annotation) left out.
const visibleText = (page) =>
  page.$eval("#sec-edge", (section) => {
    const copy = section.cloneNode(true);
    for (const m of copy.querySelectorAll(".katex-mathml")) m.remove();
    document.body.append(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
  });

describe("section 7's subscripts", () => {
  for (const lang of ["en", "ru"]) {
    test(`${lang}: no raw underscore in the section, subscripts as <sub>`, async () => {
      const { page, log } = await openPage(env, `/?lang=${lang}#sec-edge`);
      await page.waitForSelector(CARD);
      await page.$eval(CARD, (el) => el.scrollIntoView());
      await waitDrawn(page, "edge", 0, 60000);
      const text = await visibleText(page);
      assert.ok(text.length > 500, text);
      const raw = text.match(/.{0,20}_.{0,20}/g);
      assert.equal(raw, null, `raw underscores: ${JSON.stringify(raw)}`);
      const legend = await page.$eval(`${CARD} .legend`, (el) => ({
        text: el.textContent,
        subs: [...el.querySelectorAll("sub")].map((s) => s.textContent),
      }));
      assert.ok(legend.subs.includes("w"), JSON.stringify(legend));
      assert.ok(legend.subs.includes("c"), JSON.stringify(legend));
      const labels = await page.$$eval(`${CARD} .controls label sub`, (subs) =>
        subs.map((s) => s.textContent),
      );
      assert.ok(labels.includes("w") && labels.includes("b"), labels.join());
      assert.deepEqual(log.errors, []);
    });
  }

  test("the SVG export draws the subscripts lowered, never an underscore", async () => {
    const { page } = await openPage(env, "/?embed=1&view=edge");
    await waitDrawn(page, "edge", 0, 60000);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${CARD} [data-action=svg]`),
    ]);
    const source = readFileSync(await file.path(), "utf8");
    const texts = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      return [...doc.querySelectorAll("text")].map((t) => ({
        text: t.textContent,
        subs: [...t.querySelectorAll("tspan[dy]")].map((x) => x.textContent),
      }));
    }, source);
    assert.ok(texts.length > 10);
    for (const t of texts) assert.doesNotMatch(t.text, /_/, t.text);
    // The x axis, the title and the markers' legend name sigma_w2 with a lowered w.
    const withW = texts.filter((t) => t.subs.includes("w"));
    assert.ok(withW.length >= 3, JSON.stringify(withW));
    assert.ok(texts.some((t) => t.text.startsWith("σw² = N Var(W)")));
  });
});
