// README's "Put a figure in your course": every snippet, read from README.md, with its
// address pointed at dist/site on a local server, in a course page of another origin: the
// figure draws; the plain HTML snippet's frame takes the height the figure asks for; the
// reveal.js slide loads from data-src (reveal.js copies it to src when the slide is shown, as
// the stand-in here does); the Jupyter cell's IFrame is rendered by IPython when python3 has
// it, else from IPython.display.IFrame's template. No snippet's parameter gets a notice.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { launchChromium } from "../../scripts/chromium.mjs";
import { root } from "./browser.mjs";
import {
  assertEveryFigureDraws,
  dist,
  ensureDist,
  tempFolder,
} from "./dist.mjs";
import { serveFolder } from "./plain-server.mjs";

const DEPLOYED = "https://teacher.github.io/actlab/";

// The code blocks of README's section, in order: [{lang, code}].
function readmeSnippets() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme
    .split("## Put a figure in your course")[1]
    .split("\n## ")[0];
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1],
    code: m[2],
  }));
}

// IPython.display.IFrame(src, width, height)'s HTML: IPython's own when python3 has it.
function ipythonIframe(code) {
  try {
    return execFileSync(
      "python3",
      [
        "-c",
        `${code.replace(/^IFrame\(/m, "frame = IFrame(")}\nprint(frame._repr_html_())`,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
  } catch {
    const [, src, width, height] =
      /IFrame\("([^"]+)", width="([^"]+)", height=(\d+)\)/.exec(code);
    return `<iframe width="${width}" height="${height}" src="${src}" frameborder="0" allowfullscreen></iframe>`;
  }
}

let folder;
let site;
let course;
let browser;
const snippets = readmeSnippets();

before(async () => {
  ensureDist();
  folder = tempFolder();
  site = await serveFolder(join(dist, "site"));
  course = await serveFolder(folder);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await course?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

// The snippet in a course page; returns {page, frame, view, errors}.
async function open(name, html) {
  const local = html.replaceAll(DEPLOYED, `${site.origin}/`);
  writeFileSync(
    join(folder, `${name}.html`),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body>\n${local}\n</body>`,
  );
  const page = await browser.newPage({
    viewport: { width: 1100, height: 900 },
  });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${course.origin}/${name}.html`);
  const handle = await page.$("iframe");
  if (await handle.getAttribute("data-src"))
    await handle.evaluate((frame) => (frame.src = frame.dataset.src));
  await page.waitForFunction(() => document.querySelector("iframe").src);
  const src = await handle.evaluate((frame) => frame.src);
  const view = new URL(src).searchParams.get("view");
  const frame = await handle.contentFrame();
  await assertEveryFigureDraws(frame, [view]);
  // Every parameter in the snippet's address is valid: no notice.
  assert.equal(
    await frame.$$eval(".notices:not([hidden])", (list) => list.length),
    0,
  );
  return { page, frame, view, errors };
}

describe("README's course snippets", () => {
  test("the section has the five snippets, all pointing at the deployed site", () => {
    assert.deepEqual(
      snippets.map((s) => s.lang),
      ["html", "html", "html", "python", "html"],
    );
    for (const { code } of snippets)
      assert.ok(code.includes(`${DEPLOYED}?embed=1`));
  });

  test("plain HTML: the frame takes the height the figure asks for", async () => {
    const { page, errors } = await open("plain", snippets[0].code);
    await page.waitForFunction(
      () => document.querySelector("iframe").height !== "540",
    );
    const height = Number(await page.$eval("iframe", (f) => f.height));
    assert.ok(height >= 300 && height <= 1200, `height ${height}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const [i, name] of [
    [1, "Moodle"],
    [2, "Canvas"],
  ]) {
    test(`${name}: the fixed-size iframe, no script, draws its figure`, async () => {
      assert.ok(!snippets[i].code.includes("<script"));
      const { page, frame, errors } = await open(name, snippets[i].code);
      assert.deepEqual(errors, []);
      const controls = await frame.$$eval(".control", (list) =>
        list.map((el) => el.dataset.param),
      );
      const wanted = new URL(
        snippets[i].code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&"),
      ).searchParams.get("controls");
      assert.deepEqual(controls, wanted === "none" ? [] : wanted.split(","));
      await page.close();
    });
  }

  test("Jupyter: IPython.display.IFrame's output draws", async () => {
    const { page, errors } = await open(
      "jupyter",
      ipythonIframe(snippets[3].code),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("reveal.js: the slide's data-src frame draws", async () => {
    const { page, errors } = await open("reveal", snippets[4].code);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
