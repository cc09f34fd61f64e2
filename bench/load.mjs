// Load performance of the page as students get it: `node bench/load.mjs [runs] [dev-root]`
// (7 runs by default; dev-root: the checkout whose dev page is measured, this one by default).
// Each run is a cold load in a fresh Chromium context (empty cache) of
//   dev:    the checkout's page from the development server (scripts/static-server.mjs);
//   site:   dist/site under a sub-path of a plain static server sending .wasm as
//           application/octet-stream (compiled from its bytes), and again as application/wasm
//           (streaming compilation);
//   single: dist/actlab.html from file://.
// Measured: navigation to the first figure drawn and to every figure drawn (performance.now()
// in the page when each card's data-drawn first turns 1), and, once the page is idle with its
// main-thread engine instance, the requests and their bytes raw and gzipped (level 9). Run
// scripts/build-site.sh first. Results: bench/README.md, "Load performance".
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

import { launchChromium } from "../scripts/chromium.mjs";
import { serveFolder } from "../tests/web/plain-server.mjs";

const FIGURES = ["act", "grad", "prop", "init", "selu"];
const runs = Number(process.argv[2] ?? 7);
const root = fileURLToPath(new URL("..", import.meta.url));
// The dev page measured: this checkout's, or another's (a copy of an older commit with its
// build/wasm, for "before").
const devRoot = process.argv[3] ?? root;
const { startServer } = await import(
  pathToFileURL(`${devRoot}/scripts/static-server.mjs`).href
);

// In every document: when each figure is first drawn, in ms since navigation start.
function recordDraws() {
  window.__drawnAt = {};
  new MutationObserver((records) => {
    for (const { target } of records) {
      const id = target.dataset?.figure;
      if (id && !(id in window.__drawnAt) && Number(target.dataset.drawn) > 0)
        window.__drawnAt[id] = performance.now();
    }
  }).observe(document, {
    attributes: true,
    attributeFilter: ["data-drawn"],
    subtree: true,
  });
}

async function coldLoad(browser, url, fileBody = null) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
  });
  await context.addInitScript(recordDraws);
  const bodies = [];
  context.on("response", (response) =>
    bodies.push(response.body().catch(() => Buffer.alloc(0))),
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    (ids) => ids.every((id) => id in window.__drawnAt),
    FIGURES,
    { timeout: 120000, polling: 50 },
  );
  await page.waitForFunction(
    () => document.body.dataset.mainThreadEngine === "ready",
    null,
    { timeout: 30000 },
  );
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

async function measure(browser, name, url, fileBody) {
  const results = [];
  for (let i = 0; i < runs; i++)
    results.push(await coldLoad(browser, url, fileBody));
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
    `${name.padEnd(28)} first ${row.firstMs.toFixed(0)} ms (min ${row.firstMinMs.toFixed(0)}), ` +
      `all ${row.allMs.toFixed(0)} ms (min ${row.allMinMs.toFixed(0)}), ${row.requests} requests, ` +
      `${row.kB.toFixed(0)} kB, ${row.gzipKB.toFixed(0)} kB gzipped`,
  );
  return row;
}

const browser = await launchChromium();
const dev = await startServer({ port: 0 });
const devOrigin = `http://127.0.0.1:${dev.address().port}`;
const plain = await serveFolder(`${root}dist`);
const typed = await serveFolder(`${root}dist`, {
  types: { ".wasm": "application/wasm" },
});
const single = `${root}dist/actlab.html`;
console.log(`${runs} cold loads each; medians (minima)`);
await measure(browser, "dev page (before)", `${devOrigin}/`);
await measure(browser, "dist/site, wasm octet-stream", `${plain.origin}/site/`);
await measure(browser, "dist/site, application/wasm", `${typed.origin}/site/`);
await measure(
  browser,
  "dist/actlab.html, file://",
  pathToFileURL(single).href,
  readFileSync(single),
);
console.log(
  `dist/actlab.html: ${(statSync(single).size / 1000).toFixed(0)} kB`,
);
await browser.close();
await new Promise((resolve) => dev.close(resolve));
await plain.close();
await typed.close();
