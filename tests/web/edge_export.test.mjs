// Section 7's PNG and SVG exports hold the phase diagram (issue 13): its cells coloured by
// xi_c, the line chi1 = 1, the initializations' markers, the point and the phases' names,
// painted through plot/painter.js as on screen (they were drawn by a raw canvas hook, which
// the export does not run, and came out empty).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { PNG } from "pngjs";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";
import { DIAGRAM_CELLS, MARKED_INITS } from "../../web/edge/schema.js";
import theoryEn from "../../web/i18n/theory.en.js";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

async function download(page, action) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card("edge")} [data-action=${action}]`),
  ]);
  return readFileSync(await file.path());
}

// Strongly coloured pixels (viridis' purples, teals, greens and yellows; not the greys of
// text, axes and background).
function colouredPixels(png) {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = png.data.subarray(i, i + 3);
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) count++;
  }
  return count;
}

describe("the edge of chaos exported", () => {
  test("the PNG and the SVG hold the diagram's cells, line, markers and point", async () => {
    const { page, context } = await openPage(env, "/?view=edge");
    await waitDrawn(page, "edge", 0, 90000);
    const diagram = await page.$eval(
      `${card("edge")} .edge-diagram .uplot`,
      (el) => el.getBoundingClientRect().toJSON(),
    );
    await page.selectOption(`${card("edge")} [data-action=scale]`, "1");
    const png = PNG.sync.read(await download(page, "png"));
    // The diagram's plot covers most of its box; its cells are all coloured.
    assert.ok(
      colouredPixels(png) > 0.4 * diagram.width * diagram.height,
      `${colouredPixels(png)} coloured pixels for a ${diagram.width} x ${diagram.height} diagram`,
    );

    const svg = (await download(page, "svg")).toString("utf8");
    const parts = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      const one = (s) => doc.querySelector(s);
      return {
        error: one("parsererror")?.textContent ?? null,
        cells: one("g[data-cells]")?.querySelectorAll("rect").length ?? 0,
        cellsName: one("g[data-cells]")?.dataset.cells ?? null,
        line: [...(one("g[data-line]")?.querySelectorAll("path") ?? [])].map(
          (p) => (p.getAttribute("d").match(/L/g) ?? []).length,
        ),
        markers: [...doc.querySelectorAll("g[data-marker]")].map((g) => ({
          inits: g.dataset.marker,
          shapes: g.querySelectorAll("polygon, circle").length,
        })),
        point:
          one("g[data-point]")?.querySelectorAll("circle, path").length ?? 0,
        colorbar: one("g[data-colorbar]")?.querySelectorAll("rect").length ?? 0,
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
      };
    }, svg);
    assert.equal(parts.error, null);
    const [nw, nb] = DIAGRAM_CELLS;
    assert.equal(parts.cellsName, `${nw}x${nb}`);
    assert.equal(parts.cells, nw * nb);
    // The halo and the white line over it, each through the visible line's points.
    assert.equal(parts.line.length, 2);
    assert.ok(parts.line[0] > 50, `${parts.line[0]} segments`);
    // Every marked initialization has its shape, in a group per place.
    const marked = parts.markers.flatMap((m) => m.inits.split(" "));
    assert.deepEqual([...marked].sort(), [...MARKED_INITS].sort());
    assert.equal(
      parts.markers.reduce((sum, m) => sum + m.shapes, 0),
      MARKED_INITS.length,
    );
    assert.equal(parts.point, 4); // ring and cross, dark under light
    assert.equal(parts.colorbar, 64);
    const edge = theoryEn.figures.edge;
    assert.ok(parts.texts.includes(edge.ordered), parts.texts.join("|"));
    assert.ok(parts.texts.includes(edge.chaotic), parts.texts.join("|"));
    await context.close();
  });
});
