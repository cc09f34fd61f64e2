// Every figure labels itself (issue 14): its embed title, the title drawn into its images (the
// SVG's, which the PNG shares) and its CSV's comment line name what it shows: the activation,
// α, the range and ε for figure 1; the initializer, L, N, B and the seed for the networks;
// in Russian with the decimal comma.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { card, launch, openPage, waitDrawn } from "./browser.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const NETWORK = ["L = 12", "N = 40", "B = 24", "seed 7"];
const net = (id) => `${id}.depth=12&${id}.width=40&${id}.batch=24&${id}.seed=7`;

// id, the figure's parameters in the address, what its title must say; exact: the CSV is the
// CLI's bytes, without a comment line.
const CASES = [
  {
    id: "act",
    query: "act.phi=elu&act.alpha=1.5&act.from=-4&act.to=3&act.eps=0.2",
    parts: ["ELU", "α = 1.5", "z ∈ [-4; 3]", "ε = 0.2"],
    exact: true,
  },
  {
    id: "grad",
    query: `grad.init=he-normal&${net("grad")}`,
    parts: ["He (Kaiming) normal", ...NETWORK],
  },
  {
    id: "prop",
    query: `prop.phi=relu&prop.init=he-uniform&${net("prop")}`,
    parts: ["ReLU", "He (Kaiming) uniform", ...NETWORK],
  },
  {
    id: "init",
    query: `init.phi=relu&init.d=20&${net("init")}`,
    parts: ["ReLU", "D = 20", ...NETWORK],
  },
  {
    id: "selu",
    query: `selu.phi=elu&selu.init=he-normal&${net("selu")}`,
    parts: ["ELU", "He (Kaiming) normal", ...NETWORK],
  },
  {
    id: "train",
    query:
      "train.data=xor&train.phi=relu&train.init=he-normal&train.depth=3&train.width=12&train.batch=24&train.seed=7&train.lr=0.05",
    parts: ["XOR", "ReLU", "He (Kaiming) normal", "η = 0.05", "L = 3"].concat([
      "N = 12",
      "B = 24",
      "seed 7",
    ]),
    exact: true,
    raster: true,
  },
];

async function downloaded(page, id, action) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${card(id)} [data-action=${action}]`),
  ]);
  return readFileSync(await file.path(), "utf8");
}

describe("every figure names its parameters", () => {
  for (const { id, query, parts, exact, raster } of CASES) {
    test(`${id}: embed title, image title and CSV comment`, async () => {
      const { page, context } = await openPage(
        env,
        `/?embed=1&view=${id}&${query}`,
        { viewport: { width: 720, height: 540 } },
      );
      await waitDrawn(page, id, 0, 60000);
      const title = await page.$eval(
        `${card(id)} .card-title`,
        (el) => el.textContent,
      );
      for (const part of parts)
        assert.ok(title.includes(part), `${part} in ${title}`);
      if (!raster) {
        const svg = await downloaded(page, id, "svg");
        const svgTitle = await page.evaluate(
          (source) =>
            new DOMParser()
              .parseFromString(source, "image/svg+xml")
              .querySelector("title").textContent,
          svg,
        );
        assert.equal(svgTitle, title);
      }
      const [first] = (await downloaded(page, id, "csv")).split("\n");
      if (exact) assert.doesNotMatch(first, /^#/);
      else assert.equal(first, `# ${title}`);
      await context.close();
    });
  }

  test("Russian titles write numbers with the decimal comma", async () => {
    const { page, context } = await openPage(
      env,
      `/?lang=ru&embed=1&view=act&${CASES[0].query}`,
      { viewport: { width: 720, height: 540 }, locale: "ru-RU" },
    );
    await waitDrawn(page, "act", 0, 60000);
    const title = await page.$eval(
      `${card("act")} .card-title`,
      (el) => el.textContent,
    );
    for (const part of ["α = 1,5", "z ∈ [-4; 3]", "ε = 0,2"])
      assert.ok(title.includes(part), `${part} in ${title}`);
    await context.close();
  });
});
