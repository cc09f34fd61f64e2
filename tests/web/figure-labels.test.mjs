// Embeds say what they show, and every chart reads out its values (issue 14): the embed's
// title names the activation, the initializer and L, N, B and the seed; figure 4's gradient
// panel keeps a usable height at 480x360; the arrow keys move a value readout over a chart.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

describe("embeds and readouts", () => {
  test("a 480x360 embed of figure 5 names its network in its title", async () => {
    const { page, context } = await openPage(
      env,
      "/?embed=1&view=selu&selu.phi=elu&selu.init=he-normal&selu.depth=40&selu.width=48&selu.batch=32&selu.seed=9",
      { viewport: { width: 480, height: 360 } },
    );
    await waitDrawn(page, "selu", 0, 60000);
    const title = await page.$eval(
      `${card("selu")} .card-title`,
      (el) => el.textContent,
    );
    for (const part of [
      "ELU",
      "He (Kaiming) normal",
      "L = 40",
      "N = 48",
      "B = 32",
      "seed 9",
    ])
      assert.ok(title.includes(part), `${part} in ${title}`);
    await context.close();
  });

  for (const id of ["init", "selu"]) {
    test(`${id} at 480x360: both panels at least 70 px tall, inside the frame`, async () => {
      const { page, context } = await openPage(env, `/?embed=1&view=${id}`, {
        viewport: { width: 480, height: 360 },
      });
      await waitDrawn(page, id, 0, 60000);
      await page.waitForTimeout(300); // the embed's fit after its first layout
      const boxes = await page.$$eval(`${card(id)} .chart`, (list) =>
        list.map((el) => el.getBoundingClientRect().toJSON()),
      );
      assert.equal(boxes.length, 2);
      for (const box of boxes) {
        assert.ok(box.height >= 70, `${box.height}`);
        assert.ok(box.bottom <= 360, `${box.bottom}`);
      }
      const title = await page.$eval(
        `${card(id)} .card-title`,
        (el) => el.textContent,
      );
      assert.match(title, /L = \d+, N = 96, B = 96, seed 1/);
      await context.close();
    });
  }

  test("the arrow keys move a readout of every line's value over a chart", async () => {
    const { page, context } = await openPage(env, "/?view=init");
    await waitDrawn(page, "init", 0, 60000);
    const chart = page.locator(`${card("init")} .chart`).nth(1);
    await chart.focus();
    await page.keyboard.press("Home");
    const readout = chart.locator(".readout");
    await readout.waitFor({ state: "visible" });
    const first = await readout.textContent();
    assert.match(
      first,
      /^layer l = 1 · standard: [\d.e-]+ · Glorot: [\d.e-]+ · He: /,
    );
    await page.keyboard.press("End");
    assert.match(await readout.textContent(), /^layer l = 30 · /);
    // The other chart of the figure follows the cursor.
    assert.match(
      await page
        .locator(`${card("init")} .chart`)
        .nth(0)
        .locator(".readout")
        .textContent(),
      /^layer l = 30 · /,
    );
    await page.keyboard.press("Escape");
    assert.equal(await readout.isVisible(), false);
    await context.close();
  });

  test("Russian: readouts, ticks and fields with the decimal comma", async () => {
    const { page, context } = await openPage(
      env,
      "/?lang=ru&view=act&act.eps=0.25",
      {
        locale: "ru-RU",
      },
    );
    await waitDrawn(page, "act");
    assert.equal(await page.inputValue("#act-eps"), "0,25");
    const chart = page.locator(`${card("act")} .chart`).nth(1);
    await chart.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    const text = await chart.locator(".readout").textContent();
    assert.match(text, /^z = 5,\d+ · Сигмоида′: 0,0\d+/);
    const labels = await page.$$eval(`${card("act")} .chart`, (list) =>
      list.map((el) => JSON.parse(el.dataset.axisLabels)[1]),
    );
    assert.ok(
      labels[1].some((l) => /^0,\d+$/.test(l)),
      `${labels[1]}`,
    );
    assert.ok(
      labels.flat().every((l) => !/\d\.\d/.test(l)),
      `${labels.flat()}`,
    );
    // A comma typed into a field is read as the decimal separator.
    await page.fill("#act-eps", "0,2");
    await page.press("#act-eps", "Enter");
    await page.waitForURL(/act\.eps=0\.2(&|$)/);
    await context.close();
  });
});
