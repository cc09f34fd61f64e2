// Measurements in the real course page (index.html), as a reader meets it: the bytes of a full
// load, the time from a control's event to its figure being drawn, and main-thread long tasks
// while the depth slider sweeps.
import { gzipSync } from "node:zlib";

const FIGURES = ["act", "grad", "prop", "init", "selu"];
const card = (id) => `.card[data-figure="${id}"]`;

async function waitAllDrawn(page) {
  for (const id of FIGURES) {
    await page.waitForFunction(
      (s) => document.querySelector(s)?.dataset.status === "ready",
      card(id),
      { timeout: 120000 },
    );
  }
}

function kindOf(url, type = "") {
  if (/\.wasm$/.test(url)) return "wasm";
  if (/\.(woff2?|ttf)$/.test(url)) return "fonts";
  if (/\.css$/.test(url) || type.includes("css")) return "css";
  if (/\.(m?js)$/.test(url) || type.includes("javascript")) return "js";
  if (/\.html$|\/$/.test(url) || type.includes("html")) return "html";
  return "other";
}

// Every response body of a fresh full load (every figure drawn), as served and gzipped.
export async function transfer(browser, origin) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const bodies = [];
  context.on("response", (response) =>
    bodies.push(
      response.body().then(
        (body) => ({
          url: response.url(),
          type: response.headers()["content-type"] ?? "",
          body,
        }),
        () => ({
          url: response.url(),
          type: "",
          body: Buffer.alloc(Number(response.headers()["content-length"] ?? 0)),
        }),
      ),
    ),
  );
  await page.goto(`${origin}/`);
  await waitAllDrawn(page);
  const files = (await Promise.all(bodies)).filter((f) =>
    f.url.startsWith(origin),
  );
  const byKind = {};
  let bytes = 0;
  let gzip = 0;
  let wasmGzip = 0;
  for (const { url, type, body } of files) {
    const kind = kindOf(new URL(url).pathname, type);
    const zipped = gzipSync(body, { level: 9 }).length;
    byKind[kind] ??= { files: 0, bytes: 0, gzip: 0 };
    byKind[kind].files += 1;
    byKind[kind].bytes += body.length;
    byKind[kind].gzip += zipped;
    bytes += body.length;
    gzip += zipped;
    if (url.endsWith("/build/wasm/actlab.wasm")) wasmGzip = zipped;
  }
  const outside = (await Promise.all(bodies)).filter(
    (f) => !f.url.startsWith(origin) && !/^(data|blob):/.test(f.url),
  );
  await context.close();
  return {
    requests: files.length,
    bytes,
    gzip,
    wasmGzip,
    byKind,
    outsideRequests: outside.length,
  };
}

// In the page: sets `control` to `value`, dispatches `type` on it and resolves the ms from the
// dispatch to the card's actlab:drawn event for that value (the canvases are painted in the
// draw call) and to the end of the next frame after it (rAF, then a task); `handler` is the
// event's synchronous handling, `engine` the worker's own time for the request (data-ms).
function measureInPage({ selector, control, param, value, type }) {
  const el = document.querySelector(selector);
  const input = document.querySelector(control);
  return new Promise((resolve) => {
    let start = 0;
    let handler = 0;
    const onDrawn = () => {
      if (String(JSON.parse(el.dataset.values)[param]) !== String(value))
        return;
      const drawn = performance.now() - start;
      el.removeEventListener("actlab:drawn", onDrawn);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve({
            drawn,
            frame: performance.now() - start,
            handler,
            engine: Number(el.dataset.ms),
          });
        channel.port2.postMessage(0);
      });
    };
    el.addEventListener("actlab:drawn", onDrawn);
    input.value = String(value);
    start = performance.now();
    input.dispatchEvent(new Event(type, { bubbles: true }));
    handler = performance.now() - start;
  });
}

async function latencies(page, { figure, control, param, values, type }) {
  const samples = [];
  for (const value of values) {
    await page.waitForFunction(
      (s) => document.querySelector(s).dataset.status === "ready",
      card(figure),
    );
    samples.push(
      await page.evaluate(measureInPage, {
        selector: card(figure),
        control,
        param,
        value,
        type,
      }),
    );
  }
  return samples;
}

// In the page: the depth slider from `from` to `to`, one input event every `everyMs`, then
// the change event of its release; resolves the long tasks (> 50 ms) seen from the first event
// until the figure shows the last value, and how many times the figure drew meanwhile.
function sweepInPage({ selector, control, from, to, everyMs }) {
  const el = document.querySelector(selector);
  const input = document.querySelector(control);
  const longTasks = [];
  const observer = new PerformanceObserver((list) =>
    longTasks.push(...list.getEntries()),
  );
  observer.observe({ type: "longtask", buffered: true });
  const drawnBefore = Number(el.dataset.drawn);
  const start = performance.now();
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  return (async () => {
    for (let depth = from; depth <= to; depth++) {
      input.value = String(depth);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await sleep(everyMs);
    }
    const released = performance.now();
    input.dispatchEvent(new Event("change", { bubbles: true }));
    while (!(
      el.dataset.status === "ready" &&
      JSON.parse(el.dataset.values).depth === to
    ))
      await sleep(5);
    const settled = performance.now();
    await sleep(100); // long-task entries are delivered after the task
    observer.disconnect();
    const during = longTasks
      .filter((t) => t.startTime >= start)
      .map((t) => Math.round(t.duration));
    return {
      events: to - from + 1,
      everyMs,
      sweepMs: released - start,
      lastToDrawnMs: settled - released,
      draws: Number(el.dataset.drawn) - drawnBefore,
      longTasks: during,
    };
  })();
}

const ACTIVATION_CYCLE = [
  "tanh",
  "relu",
  "elu",
  "selu",
  "gelu",
  "silu",
  "softplus",
  "mish",
  "softsign",
  "leaky-relu",
  "identity",
  "sigmoid",
];

// query: extra URL parameters (e.g. "prop.batch=256" for P2's shape).
export async function interaction(browser, origin, query = "") {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${origin}/${query ? `?${query}` : ""}`);
  await waitAllDrawn(page);
  const prop = await page.$eval(card("prop"), (el) =>
    JSON.parse(el.dataset.values),
  );
  const act = await latencies(page, {
    figure: "act",
    control: "#act-phi",
    param: "phi",
    type: "change",
    values: [...ACTIVATION_CYCLE, ...ACTIVATION_CYCLE],
  });
  const depths = [19, 21, 18, 22, 20, 23, 17, 24, 20, 21, 19, 20];
  const propagation = await latencies(page, {
    figure: "prop",
    control: "#prop-depth",
    param: "depth",
    type: "input",
    values: depths,
  });
  const sweep = await page.evaluate(sweepInPage, {
    selector: card("prop"),
    control: "#prop-depth",
    from: 1,
    to: 50,
    everyMs: 20,
  });
  await context.close();
  return {
    query,
    prop: { depth: prop.depth, width: prop.width, batch: prop.batch },
    act,
    propagation,
    sweep,
  };
}
