// Figures 2 and 3 in the browser, as a lecturer reads them (issue 14): figure 2 names the
// quantity it draws and measures it per unit of the upstream gradient, marks float32
// underflow, and shows the weights the bound is about; figure 3 counts zeros and values beyond
// its bins in rows of their own, the same counts as `actlab propagate`, states its own
// saturation epsilon, and reads out a cell under the pointer or the arrow keys.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { act, card, cli, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function csvOf(page, id) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=csv]`),
  ]);
  const [header, ...rows] = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("# ")) // the CSV's title comment (web/card.js)
    .map((r) => r.split(","));
  return { header, rows: rows.map((r) => r.map(Number)) };
}

const legend = (page, id) => page.textContent(`${card(id)} .legend`);

describe("figure 2", () => {
  test("measures per unit of the upstream gradient, under the bound at k = 0, and names it", async () => {
    const { page, log, context } = await openPage(
      env,
      "/?grad.depth=8&grad.width=32&grad.batch=32",
    );
    await waitDrawn(page, "grad");
    const { header, rows } = await csvOf(page, "grad");
    assert.deepEqual(header.slice(0, 4), [
      "k",
      "layer",
      "bound_sigmoid",
      "example_weight_grad_rms_per_upstream_sigmoid",
    ]);
    assert.deepEqual(header.slice(-2), ["weight_max_abs", "weight_gain"]);
    assert.equal(rows.length, 8);
    assert.equal(rows[0][2], 0.25);
    assert.ok(rows[0][3] > 0 && rows[0][3] < 0.25, `k = 0: ${rows[0][3]}`);
    const text = await legend(page, "grad");
    assert.match(text, /ᵏ⁺¹/);
    assert.doesNotMatch(text, /\^\(/);
    assert.match(text, /rms ∂L\/∂W per example ÷ std ∂L\/∂h⁽ᴸ⁾/);
    assert.match(text, /max \|w\|/);
    assert.match(
      await page.textContent(`${card("grad")} .figure-formula`),
      /Solid, measured/,
    );
    await act(page, "grad", () => page.selectOption("#grad-y", "grad_pre_std"));
    assert.match(await legend(page, "grad"), /std ∂L\/∂z ÷ std ∂L\/∂h⁽ᴸ⁾/);
    const z = await csvOf(page, "grad");
    assert.equal(z.header[3], "grad_pre_std_per_upstream_sigmoid");
    assert.ok(z.rows[0][3] > 0.2 && z.rows[0][3] < 0.25, `sigma' at the top`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("at depth 100 the legend says where sigmoid's gradient underflows to 0", async () => {
    const { page, context } = await openPage(env, "/?grad.depth=100");
    await waitDrawn(page, "grad", 0, 60000);
    assert.match(await legend(page, "grad"), /0 in float32/);
    const { rows } = await csvOf(page, "grad");
    assert.equal(rows.at(-1)[3], 0); // the CSV keeps the true 0
    await context.close();
  });

  test("Russian: штриховые — оценка, сплошные — измерение", async () => {
    const { page, context } = await openPage(env, "/?lang=ru");
    await waitDrawn(page, "grad");
    const text = await legend(page, "grad");
    assert.match(text, /штриховые — оценка/);
    assert.match(text, /сплошные — измерение: среднеквадратичное/);
    assert.doesNotMatch(text, /СКЗ/);
    await context.close();
  });
});

describe("figure 3", () => {
  const query =
    "prop.phi=relu&prop.init=he-uniform&prop.depth=6&prop.width=32&prop.batch=16";
  test("CSV tails equal `actlab propagate`'s, for h and log10|dL/dz|", async () => {
    const { page, log, context } = await openPage(env, `/?${query}`);
    await waitDrawn(page, "prop");
    const native = JSON.parse(
      cli([
        "propagate",
        "--act",
        "relu",
        "--init",
        "he-uniform",
        "--depth",
        "6",
        "--width",
        "32",
        "--batch",
        "16",
      ]),
    );
    for (const hist of ["act", "grad"]) {
      if (hist === "grad")
        await act(page, "prop", () => page.selectOption("#prop-hist", "grad"));
      const { header, rows } = await csvOf(page, "prop");
      for (const tail of ["zero", "below", "above"]) {
        const column = header.indexOf(`${hist}_hist_${tail}`);
        assert.ok(column > 0, `${hist}_hist_${tail} in ${header}`);
        rows.forEach((row, l) =>
          assert.equal(
            row[column],
            native.layers[l][`${hist}_tails`][tail],
            `${hist} ${tail} layer ${l + 1}`,
          ),
        );
      }
      const zero = header.indexOf(`${hist}_hist_zero`);
      // ReLU: about half of every layer is exactly 0, in its own row, in both histograms.
      rows.forEach((row) =>
        assert.ok(row[zero] > 0.3 * 512 && row[zero] < 0.7 * 512),
      );
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test("its own epsilon: prop.eps changes the saturated fraction, act.eps does not", async () => {
    const { page, context } = await openPage(
      env,
      "/?prop.phi=sigmoid&prop.depth=4&prop.width=32&prop.batch=16&prop.sx=4",
    );
    await waitDrawn(page, "prop");
    const saturated = async () => {
      const { header, rows } = await csvOf(page, "prop");
      return rows.map((r) => r[header.indexOf("saturated")]);
    };
    const base = await saturated();
    assert.match(await legend(page, "prop"), /ε = 0\.1\b/);
    await page.goto(
      `${env.origin}/?prop.phi=sigmoid&prop.depth=4&prop.width=32&prop.batch=16&prop.sx=4&act.eps=0.5`,
    );
    await waitDrawn(page, "prop");
    assert.deepEqual(await saturated(), base);
    await page.goto(
      `${env.origin}/?prop.phi=sigmoid&prop.depth=4&prop.width=32&prop.batch=16&prop.sx=4&prop.eps=0.5`,
    );
    await waitDrawn(page, "prop");
    const wider = await saturated();
    assert.ok(
      wider.every((s, l) => s >= base[l]) && wider.some((s, l) => s > base[l]),
    );
    assert.match(await legend(page, "prop"), /ε = 0\.5\b/);
    await context.close();
  });

  test("the heat map reads out a cell by keyboard and by pointer", async () => {
    const { page, context } = await openPage(env, `/?${query}`);
    await waitDrawn(page, "prop");
    const readout = () => page.textContent(`${card("prop")} .heatmap-readout`);
    assert.match(await readout(), /arrow keys/);
    await page.focus(`${card("prop")} .chart.heatmap`);
    // Focus selects layer 1's "= 0" row: ReLU's zeros, the engine's count.
    const native = JSON.parse(
      cli([
        "propagate",
        "--act",
        "relu",
        "--init",
        "he-uniform",
        "--depth",
        "6",
        "--width",
        "32",
        "--batch",
        "16",
      ]),
    );
    assert.equal(
      await readout(),
      `Layer 1, h exactly 0: ${native.layers[0].act_tails.zero} of 512 values`,
    );
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    // Layer 2, the first bin.
    const edges = native.act_hist_edges;
    assert.equal(
      await readout(),
      `Layer 2, h ∈ [${Number(edges[0].toPrecision(4))}; ${Number(edges[1].toPrecision(4))}): ${native.layers[1].act_hist[0]} of 512 values`,
    );
    const box = await page.$(`${card("prop")} .chart.heatmap .u-over`);
    const b = await box.boundingBox();
    // The "above" row: a slot 7% of the bins' span high, 1.75% below the top of the plot.
    await page.mouse.move(b.x + b.width * (5.5 / 6), b.y + 0.05 * b.height);
    assert.match(await readout(), /^Layer 6, h above .*: \d+ of 512 values$/);
    await context.close();
  });

  test("Russian legends: насыщенные, мёртвые; the tail rows' names", async () => {
    const { page, context } = await openPage(env, `/?lang=ru&${query}`);
    await waitDrawn(page, "prop");
    const text = await legend(page, "prop");
    assert.match(text, /насыщенные значения/);
    assert.match(text, /мёртвые нейроны: φ′\(z\) = 0 на всех B примерах/);
    assert.match(text, /ε = 0,1/);
    await context.close();
  });
});

test("figure 3's log views name the zero row by the value, not its logarithm", async () => {
  const { page, context } = await openPage(
    env,
    "/?prop.phi=relu&prop.hist=log_act&prop.depth=4&prop.width=32&prop.batch=16",
  );
  await waitDrawn(page, "prop");
  await page.focus(`${card("prop")} .chart.heatmap`);
  assert.match(
    await page.textContent(`${card("prop")} .heatmap-readout`),
    /^Layer 1, h exactly 0: \d+ of 512 values$/,
  );
  await page.keyboard.press("ArrowUp");
  assert.match(
    await page.textContent(`${card("prop")} .heatmap-readout`),
    /^Layer 1, log₁₀ \|h\| below -?\d+: \d+ of 512 values$/,
  );
  await context.close();
});
