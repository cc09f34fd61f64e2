// Figure 8 past double precision: at sigma_w2 = 10 and depth 200 the variance of lambda = s^2
// is beyond a double (the engine says Infinity). The readout says ∞, not "Infinity", and the
// moments chart draws the finite moments (it drew nothing, its axis NaN, before).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

test("a moment past double precision reads ∞, and the finite ones are drawn", async () => {
  const { page, log } = await openPage(
    env,
    "/?view=iso&iso.phi=identity&iso.sw2=10&iso.depth=200&iso.width=32",
  );
  await waitDrawn(page, "iso");
  const text = await page.$eval(card("iso"), (el) => el.innerText);
  assert.match(text, /variance ∞ \(theory ∞\)/);
  assert.doesNotMatch(text, /Infinity|NaN/);
  assert.deepEqual(log.errors, []);
  await page.context().close();
});
