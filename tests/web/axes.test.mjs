// Axes and one-layer networks in the browser (issue 14): a log axis keeps labelled decades at
// any depth, a depth of 1 draws its points on an x axis of that one layer, and figure 1's
// compare mode shades only the chosen activation.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { canvasStats, card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const labels = (page, id, chart = 0) =>
  page.$eval(
    `${card(id)} .chart:nth-of-type(${chart + 1}), ${card(id)} .chart`,
    (el) => JSON.parse(el.dataset.axisLabels),
  );
const allLabels = (page, id) =>
  page.$$eval(`${card(id)} .chart`, (list) =>
    list.map((el) => JSON.parse(el.dataset.axisLabels ?? "[]")),
  );

describe("log axes and depth 1", () => {
  test("figure 2 at depth 150 and 200 keeps labelled decades, 1 among them", async () => {
    for (const depth of [150, 200]) {
      const { page, context } = await openPage(
        env,
        `/?view=grad&grad.depth=${depth}`,
      );
      await waitDrawn(page, "grad", 0, 60000);
      const [x, y] = await labels(page, "grad");
      assert.ok(y.length >= 3, `depth ${depth}: ${y}`);
      assert.ok(y.includes("1"), `depth ${depth}: ${y}`);
      assert.ok(
        y.every((l) => /^1e-?\d+$|^1$|^10+$/.test(l)),
        `${y}`,
      );
      assert.ok(x.includes(String(depth - 10)) || x.length > 3, `${x}`);
      await context.close();
    }
  });

  test("depth 1 draws figures 2, 4 and 5: points on an axis of the one layer", async () => {
    const { page, context } = await openPage(
      env,
      "/?grad.depth=1&init.depth=1&selu.depth=1",
    );
    for (const id of ["grad", "init", "selu"])
      await waitDrawn(page, id, 0, 60000);
    const [gradX] = await labels(page, "grad");
    assert.deepEqual(
      gradX.filter((l) => l !== ""),
      ["0"],
      "k = 0 only, not 0..100",
    );
    for (const id of ["init", "selu"]) {
      for (const [x] of await allLabels(page, id))
        assert.deepEqual(
          x.filter((l) => l !== ""),
          ["1"],
          `${id}: ${x}`,
        );
    }
    // The points are drawn in the series' colours (sigmoid's blue, the standard rule's
    // vermillion, SELU's purple), not a blank plot.
    const blue = [0, 114, 178];
    const vermillion = [213, 94, 0];
    const purple = [204, 121, 167];
    assert.ok((await canvasStats(page, "grad", blue)).matching > 20);
    assert.ok((await canvasStats(page, "init", vermillion)).matching > 20);
    assert.ok((await canvasStats(page, "selu", purple)).matching > 20);
    await context.close();
  });

  test("a log axis spanning less than a decade shows at least three labels", async () => {
    // Figure 4 with sigmoid: every std stays within a factor of a few.
    const { page, context } = await openPage(
      env,
      "/?view=init&init.phi=sigmoid",
    );
    await waitDrawn(page, "init", 0, 60000);
    for (const [, y] of await allLabels(page, "init"))
      assert.ok(y.filter((l) => l !== "").length >= 3, `${y}`);
    await context.close();
  });
});

describe("figure 1 compare mode", () => {
  // The share of a patch of the derivative chart's top right (z near 5.5, far above every
  // curve) painted in the saturation shade rgba(230, 159, 0, 0.16) (the canvas is transparent
  // over the card).
  const shaded = (page) =>
    page.$eval(card("act"), (el) => {
      const canvas = el.querySelectorAll("canvas")[1];
      const ctx = canvas.getContext("2d");
      const x = Math.round(canvas.width * 0.94);
      const y = Math.round(canvas.height * 0.12);
      const { data } = ctx.getImageData(x, y, 12, 12);
      let n = 0;
      for (let p = 0; p < data.length; p += 4)
        if (
          Math.abs(data[p] - 230) < 8 &&
          Math.abs(data[p + 1] - 160) < 8 &&
          data[p + 2] < 10 &&
          Math.abs(data[p + 3] - 41) < 8
        )
          n++;
      return n / (data.length / 4);
    });

  test("alone, sigmoid's saturation shades the whole height; compared, only its own curve", async () => {
    const { page, context } = await openPage(env, "/?view=act");
    await waitDrawn(page, "act");
    assert.ok((await shaded(page)) > 0.8);
    await context.close();
    const compared = await openPage(
      env,
      "/?view=act&act.cmp=tanh,relu,elu,selu",
    );
    await waitDrawn(compared.page, "act");
    assert.equal(await shaded(compared.page), 0);
    const legend = await compared.page.$eval(
      `${card("act")} .legend`,
      (el) => el.textContent,
    );
    assert.match(legend, /Sigmoid saturated/);
    await compared.context.close();
  });
});
