// How long the edge-of-chaos figure (section 7) takes from a click on its phase diagram to
// the theory's curves drawn, in headless Chromium on the real page:
//
//   node bench/edge-latency.mjs [--clicks N] [--act ID]
//
// Each click lands on a new (sigma_w2, sigma_b2); the figure asks the engine for the theory's
// curves (edgeTheory, in the worker ahead of the measurement) and draws them when they come. Printed: the median and the largest time from the event's timeStamp to the draw's end
// (data-theory-ms) and to the next animation frame (data-theory-frame-ms), and the thread that
// computed it. The target is one frame, 16 ms. Build first: scripts/build.sh wasm.
import { parseArgs } from "node:util";

import { launchChromium } from "../scripts/chromium.mjs";
import { startServer } from "../scripts/static-server.mjs";

const { values: flags } = parseArgs({
  options: {
    clicks: { type: "string", default: "40" },
    act: { type: "string", default: "tanh" },
  },
});
const clicks = Number(flags.clicks);
const CARD = '.card[data-figure="edge"]';

const server = await startServer({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
try {
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
  const drawn = [];
  const frames = [];
  const threads = new Set();
  for (let i = 0; i < clicks; i++) {
    const fx = 0.1 + (0.8 * ((i * 7) % clicks)) / clicks;
    const fy = 0.1 + (0.8 * ((i * 3) % clicks)) / clicks;
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
    drawn.push(Number(data.theoryMs));
    frames.push(Number(data.theoryFrameMs));
    threads.add(data.theoryThread);
    console.log(
      `  click ${i + 1}: drawn ${data.theoryMs} ms, frame ${data.theoryFrameMs} ms (${data.theoryThread})`,
    );
    // Let the worker's measurement land before the next click, as a reader's pace would.
    await page.waitForFunction(
      (s) => document.querySelector(s)?.dataset.status === "ready",
      CARD,
    );
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const max = (xs) => Math.max(...xs);
  console.log(
    `edge of chaos (${flags.act}), ${clicks} clicks, theory computed on: ${[...threads].join(", ")}`,
  );
  console.log(
    `  input -> theory drawn:      median ${median(drawn).toFixed(2)} ms, max ${max(drawn).toFixed(2)} ms`,
  );
  console.log(
    `  input -> next frame:        median ${median(frames).toFixed(2)} ms, max ${max(frames).toFixed(2)} ms`,
  );
  console.log(`  target: one frame, 16 ms`);
} finally {
  await browser.close();
  server.close();
}
