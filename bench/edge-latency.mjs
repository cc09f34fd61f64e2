// How long the edge-of-chaos figure (section 7) takes from a click on its phase diagram to
// the theory's curves drawn, in headless Chromium on the real page:
//
//   node bench/edge-latency.mjs [--clicks N] [--act ID] [--roots DIR,DIR]
//
// Each click lands on a new (sigma_w2, sigma_b2); the figure asks the engine for the theory's
// curves (edgeTheory, in the worker ahead of the measurement) and draws them when they come.
// Printed: the median and the largest time from the event's timeStamp to the draw's end
// (data-theory-ms) and to the next animation frame (data-theory-frame-ms), and the thread that
// computed it. The target is one frame, 16 ms. --roots: other checkouts (a copy of another
// commit with its build/wasm, for "before"), each page open beside this checkout's and
// clicked in turn, click by click, so that the load of a shared machine falls on all alike.
// Build first: scripts/build.sh wasm.
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { launchChromium } from "../scripts/chromium.mjs";
import { thisMachine } from "./lib/machine.mjs";

const { values: flags } = parseArgs({
  options: {
    clicks: { type: "string", default: "40" },
    act: { type: "string", default: "tanh" },
    roots: { type: "string", default: "" },
  },
});
const clicks = Number(flags.clicks);
const CARD = '.card[data-figure="edge"]';
const here = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const roots = [...flags.roots.split(",").filter(Boolean), here];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

// The page of one checkout, at section 7's embed view, ready for clicks.
async function openRoot(browser, root) {
  const { startServer } = await import(
    pathToFileURL(`${root}/scripts/static-server.mjs`).href
  );
  const server = await startServer({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(`${origin}/?embed=1&view=edge&edge.phi=${flags.act}`);
  await page.waitForFunction(
    (s) => document.querySelector(s)?.dataset.status === "ready",
    CARD,
    { timeout: 120000 },
  );
  await page.waitForFunction(
    () => document.body.dataset.mainThreadEngine === "ready",
    null,
    { timeout: 120000 },
  );
  const over = await page.$(`${CARD} .edge-diagram .u-over`);
  const box = await over.boundingBox();
  return { root, server, page, box, drawn: [], frames: [], threads: new Set() };
}

// Click i on a root's page: the theory's times, then the measurement of that point drawn (as
// a reader's pace would let it land before the next click).
async function click(run, i) {
  const { page, box } = run;
  const fx = 0.1 + (0.8 * ((i * 7) % clicks)) / clicks;
  const fy = 0.1 + (0.8 * ((i * 3) % clicks)) / clicks;
  const before = await page.$eval(CARD, (el) => Number(el.dataset.drawn));
  const done = page.evaluate(
    (s) =>
      new Promise((resolve) =>
        document
          .querySelector(`${s} .figure-host`)
          .addEventListener("actlab:theory-drawn", resolve, { once: true }),
      ),
    CARD,
  );
  await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
  await done;
  const data = await page.$eval(`${CARD} .figure-host`, (el) => ({
    ...el.dataset,
  }));
  run.drawn.push(Number(data.theoryMs));
  run.frames.push(Number(data.theoryFrameMs));
  run.threads.add(data.theoryThread);
  console.log(
    `  ${roots.length > 1 ? `${run.root}: ` : ""}click ${i + 1}: drawn ${data.theoryMs} ms, frame ${data.theoryFrameMs} ms (${data.theoryThread})`,
  );
  await page.waitForFunction(
    ([s, n]) => {
      const card = document.querySelector(s);
      return card.dataset.status === "ready" && Number(card.dataset.drawn) > n;
    },
    [CARD, before],
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const max = (xs) => Math.max(...xs);

console.log(`machine: ${thisMachine().label}; load average ${load()}`);
const browser = await launchChromium();
const runs = [];
try {
  for (const root of roots) runs.push(await openRoot(browser, root));
  for (let i = 0; i < clicks; i++) for (const run of runs) await click(run, i);
  for (const run of runs) {
    console.log(
      `edge of chaos (${flags.act}), ${clicks} clicks, ${run.root}, theory computed on: ${[...run.threads].join(", ")}`,
    );
    console.log(
      `  input -> theory drawn:      median ${median(run.drawn).toFixed(2)} ms, max ${max(run.drawn).toFixed(2)} ms`,
    );
    console.log(
      `  input -> next frame:        median ${median(run.frames).toFixed(2)} ms, max ${max(run.frames).toFixed(2)} ms`,
    );
  }
  console.log(`  target: one frame, 16 ms; load average after ${load()}`);
} finally {
  await browser.close();
  for (const { server } of runs) server.close();
}
