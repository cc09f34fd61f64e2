// Load performance of the page as students get it: `node bench/load.mjs [runs] [dev-root]`
// (7 runs by default; dev-root: the checkout whose dev page is measured, this one by default).
// Each run is a cold load in a fresh Chromium context (empty cache) of
//   dev:    the checkout's page from the development server (scripts/static-server.mjs);
//   site:   dist/site under a sub-path of a plain static server sending .wasm as
//           application/octet-stream, and again as application/wasm (the page's head fetches
//           the bytes for its worker either way: scripts/build-site.mjs);
//   single: dist/actlab.html from file://;
// each in a browser whose language is English, and dist/site again for a Russian reader.
// With ACTLAB_BEFORE_DIST=<folder> (a copy of another build's dist/), its site and single file
// are measured too (ACTLAB_LOAD_ONLY=<text>: only the variants whose name contains it), and the
// variants run interleaved round by round (each round one cold load of
// each), so that the machine's load falls on all of them alike.
// Measured: navigation to the first figure drawn and to every figure drawn (performance.now()
// in the page when each card's data-drawn first turns 1), and, once the page is idle with its
// main-thread engine instance and every section typeset, the requests and their bytes raw and
// gzipped (level 9). Run scripts/build-site.sh first. Results: bench/README.md, "Load performance".
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { loadavg } from "node:os";

import { launchChromium } from "../scripts/chromium.mjs";
import { serveFolder } from "../tests/web/plain-server.mjs";
import { thisMachine } from "./lib/machine.mjs";

const FIGURES = ["act", "grad", "prop", "init", "selu"];
const runs = Number(process.argv[2] ?? 7);
const root = fileURLToPath(new URL("..", import.meta.url));
// The dev page measured: this checkout's, or another's (a copy of an older commit with its
// build/wasm, for "before").
const devRoot = process.argv[3] ?? root;
const { startServer } = await import(
  pathToFileURL(`${devRoot}/scripts/static-server.mjs`).href
);

// In every document: when each figure is first drawn, in ms since navigation start; once
// `figures` all are, it calls the harness's binding. (Polling from the harness, by
// page.waitForFunction, injected Playwright's script into the page while it loaded: 11 ms of
// its main thread's CPU, in the middle of the first figure's wait.)
function recordDraws(figures) {
  window.__drawnAt = {};
  let told = false;
  new MutationObserver((records) => {
    for (const { target } of records) {
      const id = target.dataset?.figure;
      if (id && !(id in window.__drawnAt) && Number(target.dataset.drawn) > 0)
        window.__drawnAt[id] = performance.now();
    }
    if (!told && figures.every((id) => id in window.__drawnAt)) {
      told = true;
      window.__actlabAllDrawn();
    }
  }).observe(document, {
    attributes: true,
    attributeFilter: ["data-drawn"],
    subtree: true,
  });
}

async function coldLoad(browser, url, fileBody = null, locale = "en-US") {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale,
  });
  let allDrawn;
  const drawn = new Promise((resolve) => (allDrawn = resolve));
  await context.exposeBinding("__actlabAllDrawn", () => allDrawn());
  await context.addInitScript(recordDraws, FIGURES);
  const bodies = [];
  context.on("response", (response) =>
    bodies.push(response.body().catch(() => Buffer.alloc(0))),
  );
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  await Promise.race([
    drawn,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${url}: not drawn`)), 120000),
    ),
  ]);
  // Every section in the page and typeset (data-lecture, web/app.js; absent before it was
  // added), so that the fonts the lower sections use are counted.
  await page.waitForFunction(
    () =>
      document.body.dataset.mainThreadEngine === "ready" &&
      document.body.dataset.lecture !== "partial",
    null,
    { timeout: 30000 },
  );
  await page.waitForTimeout(200);
  const drawnAt = await page.evaluate(() => window.__drawnAt);
  let files = await Promise.all(bodies);
  if (fileBody) files = [fileBody];
  await context.close();
  return {
    firstMs: drawnAt.act,
    allMs: Math.max(...FIGURES.map((id) => drawnAt[id])),
    requests: files.length,
    bytes: files.reduce((sum, body) => sum + body.length, 0),
    gzip: files.reduce(
      (sum, body) => sum + gzipSync(body, { level: 9 }).length,
      0,
    ),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function report(name, results) {
  const row = {
    name,
    firstMs: median(results.map((r) => r.firstMs)),
    firstMinMs: Math.min(...results.map((r) => r.firstMs)),
    allMs: median(results.map((r) => r.allMs)),
    allMinMs: Math.min(...results.map((r) => r.allMs)),
    requests: median(results.map((r) => r.requests)),
    kB: median(results.map((r) => r.bytes)) / 1000,
    gzipKB: median(results.map((r) => r.gzip)) / 1000,
  };
  console.log(
    `${name.padEnd(38)} first ${row.firstMs.toFixed(0)} ms (min ${row.firstMinMs.toFixed(0)}), ` +
      `all ${row.allMs.toFixed(0)} ms (min ${row.allMinMs.toFixed(0)}), ${row.requests} requests, ` +
      `${row.kB.toFixed(0)} kB, ${row.gzipKB.toFixed(0)} kB gzipped`,
  );
  return row;
}

// variants: [{name, url, fileBody}], measured round by round, each round starting one further.
async function measureInterleaved(browser, variants) {
  const results = variants.map(() => []);
  for (let i = 0; i < runs; i++)
    for (let k = 0; k < variants.length; k++) {
      const j = (i + k) % variants.length;
      const { url, fileBody, locale } = variants[j];
      results[j].push(await coldLoad(browser, url, fileBody, locale));
    }
  return variants.map((v, j) => report(v.name, results[j]));
}

const browser = await launchChromium();
const dev = await startServer({ port: 0 });
const devOrigin = `http://127.0.0.1:${dev.address().port}`;
const plain = await serveFolder(`${root}dist`);
const typed = await serveFolder(`${root}dist`, {
  types: { ".wasm": "application/wasm" },
});
const single = `${root}dist/actlab.html`;
const variants = [
  { name: "dev page", url: `${devOrigin}/` },
  { name: "dist/site, wasm octet-stream", url: `${plain.origin}/site/` },
  { name: "dist/site, application/wasm", url: `${typed.origin}/site/` },
  {
    name: "dist/site, application/wasm, ru",
    url: `${typed.origin}/site/`,
    locale: "ru-RU",
  },
  {
    name: "dist/actlab.html, file://",
    url: pathToFileURL(single).href,
    fileBody: readFileSync(single),
  },
];
const beforeDist = process.env.ACTLAB_BEFORE_DIST;
let before = null;
if (beforeDist) {
  before = await serveFolder(beforeDist, {
    types: { ".wasm": "application/wasm" },
  });
  const beforeSingle = `${beforeDist}/actlab.html`;
  variants.push(
    {
      name: "before: dist/site, application/wasm",
      url: `${before.origin}/site/`,
    },
    {
      name: "before: dist/actlab.html, file://",
      url: pathToFileURL(beforeSingle).href,
      fileBody: readFileSync(beforeSingle),
    },
  );
}
console.log(
  `machine: ${thisMachine().label}; ${runs} cold loads each, interleaved; medians (minima); load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
await measureInterleaved(
  browser,
  variants.filter((v) => v.name.includes(process.env.ACTLAB_LOAD_ONLY ?? "")),
);
console.log(
  `dist/actlab.html: ${(statSync(single).size / 1000).toFixed(0)} kB`,
);
await browser.close();
await new Promise((resolve) => dev.close(resolve));
await plain.close();
await typed.close();
await before?.close();
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
