// Section 7, the edge of chaos, in headless Chromium: the drawn line chi1 = 1 crosses where the
// engine (and Poole et al. 2016) put it, ReLU's critical point and He's marker sit at (2, 0),
// the measured c_l lies beside the theory's within the finite-width error, a click on the
// diagram moves the point, the state survives the URL (bad values clamped with a notice), the
// embed view draws, both languages speak, and the CSV is the engine's numbers.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

const CARD = card("edge");
let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const data = (page, selector, key) =>
  page.$eval(selector, (el, k) => el.dataset[k], key);

// The canvas x (CSS px from the plot's left) of the white line's pixels on the row of sigma_b2.
async function whiteAt(page, b2, b2Range = [0, 0.3]) {
  return page.$eval(
    `${CARD} .edge-diagram`,
    (box, [b2, [lo, hi]]) => {
      const over = box.querySelector(".u-over").getBoundingClientRect();
      const canvas = box.querySelector("canvas");
      const rect = canvas.getBoundingClientRect();
      const dpr = canvas.width / rect.width;
      const y = Math.round(
        (over.top - rect.top + (1 - (b2 - lo) / (hi - lo)) * over.height) * dpr,
      );
      const row = canvas
        .getContext("2d")
        .getImageData(0, y, canvas.width, 1).data;
      const xs = [];
      for (let x = 0; x < canvas.width; x++) {
        const [r, g, b] = [row[4 * x], row[4 * x + 1], row[4 * x + 2]];
        if (r > 245 && g > 245 && b > 245)
          xs.push(x / dpr - (over.left - rect.left));
      }
      return { xs, width: over.width };
    },
    [b2, b2Range],
  );
}

describe("the edge of chaos", () => {
  test("tanh's drawn critical line crosses sigma_b2 = 0.05 at sigma_w2 = 1.76", async () => {
    const { page, log } = await openPage(
      env,
      "/?embed=1&view=edge&edge.w2=3.8&edge.b2=0.28",
    );
    await waitDrawn(page, "edge");
    const line = JSON.parse(await data(page, `${CARD} .edge-diagram`, "line"));
    // The line's data, sigma_w2 at a sigma_b2 by interpolation.
    const at = (b2) => {
      const k = line.findIndex(([, b]) => b >= b2);
      const [[w0, b0], [w1, b1]] = [line[k - 1], line[k]];
      return w0 + ((b2 - b0) * (w1 - w0)) / (b1 - b0);
    };
    assert.ok(
      Math.abs(at(0.05) - 1.761) < 0.005,
      `line data at 0.05: ${at(0.05)}`,
    );
    // The pixels: the white stroke on the row of sigma_b2 = 0.2 (clear of the markers'
    // labels near the bottom) is where the engine's line is, on the axis [0.05, 4].
    const { xs, width } = await whiteAt(page, 0.2);
    assert.ok(xs.length > 0, "no white line pixels on the row");
    const mid = xs.reduce((a, b) => a + b, 0) / xs.length;
    const drawnW2 = 0.05 + (mid / width) * (4 - 0.05);
    assert.ok(
      Math.abs(drawnW2 - at(0.2)) < 0.06,
      `drawn at ${drawnW2}, line at ${at(0.2)}`,
    );
    assert.ok(at(0.2) > 2.2 && at(0.2) < 2.6, `${at(0.2)}`); // tanh's line rises with sigma_b2
    assert.deepEqual(log.errors, []);
  });

  test("ReLU: the critical point is (2, 0) and He's marker is on it; c_l beside theory", async () => {
    const { page } = await openPage(
      env,
      "/?embed=1&view=edge&edge.phi=relu&edge.w2=2&edge.b2=0&edge.width=512&edge.depth=10",
    );
    await waitDrawn(page, "edge");
    const line = JSON.parse(await data(page, `${CARD} .edge-diagram`, "line"));
    for (const [w2, b2] of line) {
      assert.ok(Math.abs(w2 - 2) < 1e-9 && Math.abs(b2) < 1e-9, `${w2}, ${b2}`);
    }
    const markers = JSON.parse(
      await data(page, `${CARD} .edge-diagram`, "markers"),
    );
    const he = markers.find(([init]) => init === "he-uniform");
    assert.ok(Math.abs(he[1] - 2) < 1e-12 && he[2] === 0, JSON.stringify(he));
    // The CSV: measured c_l within 5 sd of (1 - c^2) sqrt(l / N) of the theory (8 pairs).
    const csv = await page.evaluate(() => {
      const card = document.querySelector('.card[data-figure="edge"]');
      return new Promise((resolve) => {
        const original = URL.createObjectURL;
        URL.createObjectURL = (blob) => {
          blob.text().then(resolve);
          URL.createObjectURL = original;
          return original(blob);
        };
        card.querySelector('[data-action="csv"]').click();
      });
    });
    const rows = csv
      .trim()
      .split("\n")
      .filter((r) => !r.startsWith("#"));
    assert.equal(rows[0], "layer,q_measured,q_theory,c_measured,c_theory");
    let spread = 0;
    for (const row of rows.slice(1)) {
      const [l, q, qt, c, ct] = row.split(",").map(Number);
      spread = Math.max(spread, 1 - ct * ct);
      assert.ok(
        Math.abs(q / qt - 1) < 5 * Math.sqrt((2 * l) / 512),
        `q ${row}`,
      );
      assert.ok(
        Math.abs(c - ct) < (5 * spread * Math.sqrt(l)) / Math.sqrt(512),
        `c ${row}`,
      );
      assert.ok(Math.abs(qt - 2) < 1e-12, "q_l = 2 at He"); // q_1 = 2 q0
    }
    // The hint's xi_c is typeset (no raw underscore a student reads).
    const hint = await page.$eval(`${CARD} .edge-hint`, (el) => ({
      text: el.textContent,
      formulas: el.querySelectorAll(".katex").length,
    }));
    assert.ok(hint.formulas >= 1, hint.text);
    assert.match(hint.text, /ξ/);
  });

  test("a click runs the network there; the URL keeps it; a bad value is clamped with a notice", async () => {
    const { page } = await openPage(env, "/?view=edge&edge.w2=9&edge.b2=x");
    await waitDrawn(page, "edge");
    const notices = await page.$$eval(".notices li", (els) =>
      els.map((e) => e.textContent),
    );
    assert.ok(
      notices.some((n) => n.includes("edge.w2")),
      notices.join("|"),
    );
    assert.ok(
      notices.some((n) => n.includes("edge.b2")),
      notices.join("|"),
    );
    const values = JSON.parse(await data(page, CARD, "values"));
    assert.equal(values.w2, 4);
    assert.equal(values.b2, 0.05);
    const before = Number(await data(page, CARD, "drawn"));
    const over = await page.$(`${CARD} .edge-diagram .u-over`);
    await over.scrollIntoViewIfNeeded();
    const box = await over.boundingBox();
    // sigma_w2 = 0.05 + 0.25 * 3.95 = 1.0375, sigma_b2 = 0.5 * 0.3 = 0.15.
    await page.mouse.click(box.x + 0.25 * box.width, box.y + 0.5 * box.height);
    await waitDrawn(page, "edge", before);
    await page.waitForFunction(
      (sel) => JSON.parse(document.querySelector(sel).dataset.values).b2 > 0.1,
      CARD,
    );
    const moved = JSON.parse(await data(page, CARD, "values"));
    assert.ok(Math.abs(moved.w2 - 1.0375) < 0.02, `${moved.w2}`);
    assert.ok(Math.abs(moved.b2 - 0.15) < 0.01, `${moved.b2}`);
    const url = new URL(page.url());
    assert.equal(Number(url.searchParams.get("edge.w2")), moved.w2);
    assert.equal(Number(url.searchParams.get("edge.b2")), moved.b2);
    // The same URL again draws the same point.
    const { page: again } = await openPage(env, url.pathname + url.search);
    await waitDrawn(again, "edge");
    assert.deepEqual(JSON.parse(await data(again, CARD, "values")), moved);
    // Keys move the point too.
    const drawn = Number(await data(again, CARD, "drawn"));
    await again.focus(`${CARD} .edge-diagram`);
    await again.keyboard.press("ArrowRight");
    await waitDrawn(again, "edge", drawn);
    const keyed = JSON.parse(await data(again, CARD, "values"));
    assert.ok(Math.abs(keyed.w2 - (moved.w2 + 0.05)) < 1e-9, `${keyed.w2}`);
  });

  test("Russian and English strings; the embed draws its three charts", async () => {
    const en = JSON.parse(
      JSON.stringify((await import("../../web/i18n/index.js")).STRINGS.en),
    );
    const ru = (await import("../../web/i18n/index.js")).STRINGS.ru;
    for (const key of Object.keys(en.figures.edge))
      assert.equal(
        typeof ru.figures.edge[key],
        typeof en.figures.edge[key],
        key,
      );
    const { page, log } = await openPage(
      env,
      "/?lang=ru&embed=1&view=edge&edge.w2=1.2",
      { viewport: { width: 720, height: 540 } },
    );
    await waitDrawn(page, "edge");
    const text = await page.$eval(CARD, (el) => el.textContent);
    assert.match(text, /Край хаоса/);
    assert.match(text, /1,2/); // the decimal comma
    assert.equal(await page.$$eval(`${CARD} canvas`, (c) => c.length), 3);
    assert.deepEqual(log.errors, []);
    const { page: full } = await openPage(env, "/");
    await full.waitForSelector("#sec-edge h2");
    assert.match(
      await full.$eval("#sec-edge h2", (el) => el.textContent),
      /edge of chaos/,
    );
  });
});

// The sources the engine's constant comes from: one copy, in native/.
test("the page has no copy of the trainable depth's 6", async () => {
  const source = await readFile(
    new URL("../../web/figures/edge.js", import.meta.url),
    "utf8",
  );
  assert.doesNotMatch(source, /\b6\s*\*/);
  assert.match(source, /trainableDepthScales/);
});
