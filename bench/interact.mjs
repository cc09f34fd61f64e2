// Every figure's interaction, at its default and at the heaviest view a control allows (issue 11,
// item 4; issue 14's slider budget): `node bench/interact.mjs [samples] [filter] [dev-root]`.
// For each view (a URL of the dev page) and its control: the time from the control's event to
// the figure first drawn for that value (the card's actlab:drawn, whose call paints the
// canvases; a coarse view where web/refine.js draws one first, then the time to the full one)
// and to the end of the next frame, with the engine's own time (data-ms) beside it; then a
// drag: one input event every 16 ms (a 60 Hz pointer) across `drag`, and the change of the
// release, counting the draws (and coarse draws) during the drag, the time from release to
// the last value drawn in full, and every main-thread long task (> 50 ms) from the first event
// on. `filter`: only views whose name contains it; dev-roots: other checkouts (a copy of
// another commit with its build/wasm, for "before"), comma-separated, whose pages are measured
// view by view interleaved with this checkout's, so that the load of a shared machine falls on
// both alike. Not part of the test suite; results: bench/README.md, rounds 4 and 5.
import { launchChromium } from "../scripts/chromium.mjs";
import { pathToFileURL } from "node:url";
import { thisMachine } from "./lib/machine.mjs";
import { loadavg } from "node:os";

const samples = Number(process.argv[2] ?? 9);
const filter = process.argv[3] ?? "";
const here = new URL("..", import.meta.url).pathname;
const roots = [...(process.argv[4] ?? "").split(",").filter(Boolean), here];
const ALL_ACTS = [
  "sigmoid",
  "tanh",
  "relu",
  "leaky-relu",
  "elu",
  "selu",
  "gelu",
  "silu",
  "softplus",
  "mish",
  "softsign",
  "identity",
];

// Heaviest: the deepest network at the widest width; the page's budget (WORK_BUDGET) then
// sets the batch that fits, as it does for a reader who moves those sliders.
const heavy = (id) => `${id}.depth=200&${id}.width=512`;
const VIEWS = [
  {
    name: "act default",
    figure: "act",
    control: "#act-phi",
    param: "phi",
    type: "change",
    values: ["tanh", "relu", "elu", "gelu", "mish", "sigmoid"],
  },
  {
    name: "act heaviest (12 curves, n 20001)",
    figure: "act",
    query: `act.cmp=${ALL_ACTS.join(",")}&act.n=20001`,
    control: "#act-phi",
    param: "phi",
    type: "change",
    values: ["tanh", "relu", "elu", "gelu", "mish", "sigmoid"],
  },
  ...["grad", "prop", "init", "selu"].flatMap((id) => [
    {
      name: `${id} default`,
      figure: id,
      control: `#${id}-depth`,
      param: "depth",
      type: "input",
      around: true,
      drag: 20,
    },
    {
      name: `${id} heaviest (depth 200, width 512)`,
      figure: id,
      query: heavy(id),
      control: `#${id}-depth`,
      param: "depth",
      type: "input",
      around: true,
      drag: 10,
    },
  ]),
  // The initializers that cost more to draw than a uniform one (web/state.js's networkWork).
  ...["he-normal", "orthogonal"].map((init) => ({
    name: `prop heaviest, ${init} (depth 200, width 512)`,
    figure: "prop",
    query: `${heavy("prop")}&prop.init=${init}`,
    control: "#prop-depth",
    param: "depth",
    type: "input",
    around: true,
  })),
];

const card = (id) => `.card[data-figure="${id}"]`;

function measureInPage({ selector, control, param, value, type }) {
  const el = document.querySelector(selector);
  const input = document.querySelector(control);
  return new Promise((resolve) => {
    let start = 0;
    let first = null; // the first draw for the value: coarse (web/refine.js) or full
    let full = null; // the draw of the full request's result
    const done = () => first?.frame && full && resolve({ ...first, ...full });
    const onDrawn = () => {
      if (String(JSON.parse(el.dataset.values)[param]) !== String(value))
        return;
      const now = performance.now() - start;
      if (!first) {
        first = {
          drawn: now,
          coarse: el.dataset.coarse === "true",
          engine: Number(el.dataset.ms),
          thread: el.dataset.thread,
        };
        // The end of the frame that paints the first draw.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            first.frame = performance.now() - start;
            done();
          };
          channel.port2.postMessage(0);
        });
      }
      if (el.dataset.status !== "ready") return;
      el.removeEventListener("actlab:drawn", onDrawn);
      full = { full: now, fullEngine: Number(el.dataset.ms) };
      done();
    };
    el.addEventListener("actlab:drawn", onDrawn);
    input.value = String(value);
    start = performance.now();
    input.dispatchEvent(new Event(type, { bubbles: true }));
  });
}

function dragInPage({ selector, control, param, from, to, everyMs }) {
  const el = document.querySelector(selector);
  const input = document.querySelector(control);
  const longTasks = [];
  const observer = new PerformanceObserver((list) =>
    longTasks.push(...list.getEntries()),
  );
  observer.observe({ type: "longtask", buffered: true });
  const drawnBefore = Number(el.dataset.drawn);
  let coarseDraws = 0;
  const countCoarse = () => (coarseDraws += el.dataset.coarse === "true");
  el.addEventListener("actlab:drawn", countCoarse);
  const start = performance.now();
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const step = from < to ? 1 : -1;
  return (async () => {
    for (let v = from; v !== to + step; v += step) {
      input.value = String(v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await sleep(everyMs);
    }
    const released = performance.now();
    const drawsDuring = Number(el.dataset.drawn) - drawnBefore;
    const coarseDuring = coarseDraws;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    while (!(
      el.dataset.status === "ready" &&
      String(JSON.parse(el.dataset.values)[param]) === String(to)
    ))
      await sleep(2);
    const settled = performance.now();
    await sleep(100); // long-task entries arrive after their task
    observer.disconnect();
    el.removeEventListener("actlab:drawn", countCoarse);
    return {
      coarseDuring,
      events: Math.abs(to - from) + 1,
      dragMs: released - start,
      drawsDuring,
      releaseToDrawnMs: settled - released,
      longTasks: longTasks
        .filter((t) => t.startTime >= start)
        .map((t) => Math.round(t.duration)),
    };
  })();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const range = (xs) =>
  `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;

async function measureView(browser, origin, view) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
  });
  const page = await context.newPage();
  await page.goto(`${origin}/?${view.query ?? ""}`);
  const sel = card(view.figure);
  await page.waitForFunction(
    (s) => document.querySelector(s)?.dataset.status === "ready",
    sel,
    { timeout: 120000 },
  );
  await page.waitForFunction(
    () => document.body.dataset.mainThreadEngine === "ready",
    null,
    { timeout: 60000 },
  );
  const values = await page.$eval(sel, (el) => JSON.parse(el.dataset.values));
  let list = view.values;
  if (view.around) {
    const d = values[view.param];
    const max = await page.$eval(view.control, (el) => Number(el.max));
    const offsets = [-1, 1, -2, 2, -3, 3, -1, 1, -2, 2, -3, 3];
    list = offsets
      .map((o) => Math.min(max, Math.max(1, d + o)))
      .filter((v, i, a) => i === 0 || v !== a[i - 1]);
  }
  list = list.slice(0, samples);
  const lat = [];
  for (const value of list) {
    await page.waitForFunction(
      (s) => document.querySelector(s).dataset.status === "ready",
      sel,
    );
    lat.push(
      await page.evaluate(measureInPage, {
        selector: sel,
        control: view.control,
        param: view.param,
        value,
        type: view.type,
      }),
    );
  }
  let drag = null;
  if (view.drag) {
    const max = await page.$eval(view.control, (el) => Number(el.max));
    const d = values[view.param];
    const to = Math.min(max, d);
    const from = Math.max(1, to - view.drag);
    drag = await page.evaluate(dragInPage, {
      selector: sel,
      control: view.control,
      param: view.param,
      from,
      to,
      everyMs: 16,
    });
  }
  const shape = ["depth", "width", "batch"]
    .filter((k) => k in values)
    .map((k) => `${k[0].toUpperCase()}${values[k]}`)
    .join(" ");
  await context.close();
  return { view, shape, lat, drag };
}

const machine = thisMachine();
console.log(
  `machine: ${machine.label}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}; ${samples} events per view; ms`,
);
const browser = await launchChromium();
const servers = [];
for (const root of roots) {
  const { startServer } = await import(
    pathToFileURL(`${root}/scripts/static-server.mjs`).href
  );
  const server = await startServer({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  servers.push({ root, server, origin });
}
for (const view of VIEWS.filter((v) => v.name.includes(filter)))
  for (const { root, origin } of servers) {
    if (servers.length > 1) console.log(`${root}:`);
    await report(view, await measureView(browser, origin, view));
  }
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
await browser.close();
for (const { server } of servers)
  await new Promise((resolve) => server.close(resolve));

function report(view, { shape, lat, drag }) {
  const col = (k) => lat.map((s) => s[k]);
  const coarse = lat.filter((s) => s.coarse).length;
  let line =
    `${view.name.padEnd(38)} ${shape.padEnd(14)} input->drawn ${median(col("drawn")).toFixed(1)} ` +
    `(${range(col("drawn"))}), ->frame ${median(col("frame")).toFixed(1)}, ` +
    `engine ${median(col("engine")).toFixed(1)} (${lat[0]?.thread})`;
  if (coarse)
    line +=
      ` [${coarse} of ${lat.length} coarse first; ->full ${median(col("full")).toFixed(1)} ` +
      `(${range(col("full"))}), full engine ${median(col("fullEngine")).toFixed(1)}]`;
  if (drag)
    line +=
      `; drag ${drag.events} events in ${drag.dragMs.toFixed(0)} ms: ${drag.drawsDuring} draws during` +
      `${drag.coarseDuring ? ` (${drag.coarseDuring} coarse)` : ""}, ` +
      `release->drawn ${drag.releaseToDrawnMs.toFixed(0)} ms, long tasks [${drag.longTasks.join(", ")}]`;
  console.log(`${line}; load ${loadavg()[0].toFixed(1)}`);
}
