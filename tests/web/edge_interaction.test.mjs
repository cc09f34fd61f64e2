// Section 7's diagram under the pointer, in headless Chromium: the point becomes the page's
// state only after the theory's frame (web/figures/edge.js), so the address must still end on
// the last point of a drag and of a click, back and forward must restore the points (each
// gesture one history entry), a reload must draw the same point; and the diagram repainted
// for a moved point (its cells' pixels kept, web/plot/painter.js's reuse) must be, bit for
// bit, the one a page loaded at that point draws.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

const CARD = card("edge");
let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const valuesOf = async (page) =>
  JSON.parse(await page.$eval(CARD, (el) => el.dataset.values));

const addressed = (page) => {
  const url = new URL(page.url());
  return {
    w2: Number(url.searchParams.get("edge.w2")),
    b2: Number(url.searchParams.get("edge.b2")),
  };
};

// Resolves once the figure shows, in full and not busy, a point within (dw2, db2) of
// (w2, b2): a drag's measurements may land on its way there.
async function shownNear(page, [w2, b2], [dw2, db2] = [0, 0]) {
  await page.waitForFunction(
    ([sel, [w2, b2, dw2, db2]]) => {
      const el = document.querySelector(sel);
      const v = JSON.parse(el.dataset.values);
      return (
        el.dataset.status === "ready" &&
        Math.abs(v.w2 - w2) <= dw2 &&
        Math.abs(v.b2 - b2) <= db2
      );
    },
    [CARD, [w2, b2, dw2, db2]],
  );
  return valuesOf(page);
}

// sigma_w2 and sigma_b2 at fractions (fx, fy) of the plot, within a pixel's snapping.
const pointAt = (fx, fy) => [0.05 + fx * 3.95, (1 - fy) * 0.3];
const PIXEL = [0.02, 0.01];

// The diagram's point at fractions (fx, fy) of its plot, as the figure snaps it.
async function plotAt(page) {
  const over = await page.$(`${CARD} .edge-diagram .u-over`);
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  return (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
}

// An FNV-1a hash of each of the card's canvases' pixels.
const canvasHashes = (page) =>
  page.$$eval(`${CARD} canvas`, (canvases) =>
    canvases.map((c) => {
      const data = c
        .getContext("2d")
        .getImageData(0, 0, c.width, c.height).data;
      let h = 0x811c9dc5;
      for (let i = 0; i < data.length; i++)
        h = Math.imul(h ^ data[i], 0x01000193) >>> 0;
      return `${c.width}x${c.height}:${h.toString(16)}`;
    }),
  );

describe("the edge diagram under the pointer", () => {
  test("a drag and a click end in the address; back, forward and reload restore them", async () => {
    const { page, log } = await openPage(
      env,
      "/?embed=1&view=edge&edge.w2=1.5&edge.b2=0.05",
    );
    await waitDrawn(page, "edge");
    const start = await valuesOf(page);
    const at = await plotAt(page);

    await page.mouse.click(...at(0.25, 0.5));
    const clicked = await shownNear(page, pointAt(0.25, 0.5), PIXEL);
    assert.deepEqual(addressed(page), { w2: clicked.w2, b2: clicked.b2 });

    await page.mouse.move(...at(0.25, 0.5));
    await page.mouse.down();
    for (let k = 1; k <= 12; k++)
      await page.mouse.move(...at(0.25 + 0.05 * k, 0.5 - 0.03 * k));
    await page.mouse.up();
    const dragged = await shownNear(page, pointAt(0.85, 0.14), PIXEL);
    assert.deepEqual(addressed(page), { w2: dragged.w2, b2: dragged.b2 });

    await page.mouse.click(...at(0.1, 0.9));
    const last = await shownNear(page, pointAt(0.1, 0.9), PIXEL);
    assert.deepEqual(addressed(page), { w2: last.w2, b2: last.b2 });

    // Back: the drag's end, then the click before the drag, then the page's first point.
    for (const expected of [dragged, clicked, start]) {
      await page.goBack();
      await shownNear(page, [expected.w2, expected.b2]);
      assert.deepEqual(addressed(page), { w2: expected.w2, b2: expected.b2 });
    }
    await page.goForward();
    await shownNear(page, [clicked.w2, clicked.b2]);
    assert.deepEqual(addressed(page), { w2: clicked.w2, b2: clicked.b2 });

    await page.reload();
    await waitDrawn(page, "edge");
    const reloaded = await valuesOf(page);
    assert.deepEqual([reloaded.w2, reloaded.b2], [clicked.w2, clicked.b2]);
    assert.deepEqual(log.errors, []);
  });

  test("the diagram repainted for a moved point is the one a page loaded there draws", async () => {
    const { page } = await openPage(env, "/?embed=1&view=edge&edge.phi=elu");
    await waitDrawn(page, "edge");
    const at = await plotAt(page);
    // The diagram at the theory's frame, before the measurement is asked for.
    const atTheory = page.evaluate(
      (sel) =>
        new Promise((resolve) =>
          document.querySelector(`${sel} .figure-host`).addEventListener(
            "actlab:theory-drawn",
            () => {
              const c = document.querySelector(`${sel} .edge-diagram canvas`);
              resolve(c.toDataURL());
            },
            { once: true },
          ),
        ),
      CARD,
    );
    await page.mouse.click(...at(0.7, 0.3));
    const theoryDiagram = await atTheory;
    const moved = await shownNear(page, pointAt(0.7, 0.3), PIXEL);
    const diagram = await page.$eval(`${CARD} .edge-diagram canvas`, (c) =>
      c.toDataURL(),
    );
    assert.equal(theoryDiagram, diagram, "the theory's frame's diagram");
    const hashes = await canvasHashes(page);

    const { page: loaded } = await openPage(
      env,
      `/?embed=1&view=edge&edge.phi=elu&edge.w2=${moved.w2}&edge.b2=${moved.b2}`,
    );
    await waitDrawn(loaded, "edge");
    assert.deepEqual(await valuesOf(loaded), moved);
    assert.deepEqual(await canvasHashes(loaded), hashes);
    const readout = (p) =>
      p.$eval(`${CARD} .edge-readout`, (el) => el.textContent);
    assert.equal(await readout(page), await readout(loaded));
  });
});
