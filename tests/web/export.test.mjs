// PNG export for slides (issue 14): light colours by default even on a dark page, the page's
// dark colours as a choice there, the figure's title and parameters drawn in, and the CSV of a
// network figure opens with a comment naming what it shows.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { PNG } from "pngjs";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

async function png(page, id, action) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=${action}]`),
  ]);
  return PNG.sync.read(readFileSync(await download.path()));
}

const pixel = (image, x, y) => {
  const i = 4 * (y * image.width + x);
  return Array.from(image.data.slice(i, i + 3));
};

describe("PNG and CSV export", () => {
  test("on a dark page the PNG is light by default, dark on request", async () => {
    const { page, context } = await openPage(env, "/?view=init", {
      colorScheme: "dark",
    });
    await waitDrawn(page, "init", 0, 60000);
    const light = await png(page, "init", "png");
    assert.deepEqual(pixel(light, 2, 2), [255, 255, 255]);
    // The plot area is light too (the charts were drawn again in the light colours).
    const mid = pixel(
      light,
      Math.round(light.width * 0.6),
      Math.round(light.height * 0.45),
    );
    assert.ok(
      mid.every((c) => c > 200),
      `${mid}`,
    );
    assert.ok(await page.isVisible(`${card("init")} [data-action=pngPage]`));
    const dark = await png(page, "init", "pngPage");
    assert.deepEqual(pixel(dark, 2, 2), [0x1d, 0x20, 0x24]);
    assert.equal(dark.width, light.width);
    await context.close();
  });

  test("on a light page only the light PNG is offered", async () => {
    const { page, context } = await openPage(env, "/?view=selu");
    await waitDrawn(page, "selu", 0, 60000);
    assert.equal(
      await page.isVisible(`${card("selu")} [data-action=pngPage]`),
      false,
    );
    const image = await png(page, "selu", "png");
    assert.deepEqual(pixel(image, 2, 2), [255, 255, 255]);
    await context.close();
  });

  test("a network figure's CSV opens with its title and parameters", async () => {
    const { page, context } = await openPage(
      env,
      "/?view=init&init.phi=relu&init.depth=12&init.width=40&init.batch=24&init.seed=7&init.d=20",
    );
    await waitDrawn(page, "init", 0, 60000);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${card("init")} [data-action=csv]`),
    ]);
    const [first, header] = readFileSync(await download.path(), "utf8").split(
      "\n",
    );
    assert.match(first, /^# /);
    for (const part of [
      "ReLU",
      "uniform",
      "D = 20",
      "L = 12",
      "N = 40",
      "B = 24",
      "seed 7",
    ])
      assert.ok(first.includes(part), `${part} in ${first}`);
    assert.match(header, /^layer,/);
    await context.close();
  });
});
