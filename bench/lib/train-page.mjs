// Issue 10's sustained training in the real course page (index.html, every figure loaded):
// the training figure at T1's size (depth 8, width 64, batch 128, moons, tanh, Glorot uniform,
// SGD) playing at its fastest speed, measured over a window once the page has settled: the
// updates the worker completes per second (the card's data-step), the figure's redraws per
// second (each one rewrites the card's data-step: a MutationObserver counts them), the main
// thread's animation frames per second and its long tasks (> 50 ms, PerformanceObserver).
// Targets: at least 300 steps/s while redrawing at least 30 times a second, no long task.
import { WORKLOADS } from "../web/workloads.js";

const CARD = '.card[data-figure="train"]';
export const TRAIN_TARGETS = { stepsPerSecond: 300, redrawsPerSecond: 30 };

// The figure's URL keys for T1 (web/train/schema.js), at the fastest speed, playing.
export function t1Query() {
  const t1 = WORKLOADS.t1;
  return new URLSearchParams({
    view: "train",
    "train.data": "moons",
    "train.phi": "tanh",
    "train.init": "glorot-uniform",
    "train.depth": String(t1.depth),
    "train.width": String(t1.width),
    "train.batch": String(t1.batch),
    "train.opt": "sgd",
    "train.lr": "0.1",
    "train.speed": "100",
    "train.play": "1",
  }).toString();
}

// In the page: counts over `seconds` from now.
function windowInPage({ selector, seconds }) {
  const card = document.querySelector(selector);
  const longTasks = [];
  const observer = new PerformanceObserver((list) =>
    longTasks.push(...list.getEntries().map((e) => Math.round(e.duration))),
  );
  observer.observe({ type: "longtask" });
  let redraws = 0;
  const mutations = new MutationObserver(
    (records) => (redraws += records.length),
  );
  mutations.observe(card, { attributes: true, attributeFilter: ["data-step"] });
  let frames = 0;
  let running = true;
  const frame = () => {
    frames += 1;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const stepsBefore = Number(card.dataset.step);
  const start = performance.now();
  return new Promise((resolve) =>
    setTimeout(() => {
      running = false;
      const ms = performance.now() - start;
      const steps = Number(card.dataset.step) - stepsBefore;
      mutations.disconnect();
      setTimeout(() => {
        observer.disconnect();
        resolve({ ms, steps, redraws, frames, longTasks });
      }, 100); // long-task entries are delivered after their task
    }, seconds * 1000),
  );
}

export async function sustainedTraining(browser, origin, { seconds = 5 } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const query = t1Query();
  await page.goto(`${origin}/?${query}`);
  // Past the load: the main thread's own module instance is made when the page is first idle.
  await page.waitForFunction(
    (s) =>
      Number(document.querySelector(s)?.dataset.step) >= 100 &&
      document.body.dataset.mainThreadEngine === "ready",
    CARD,
    { timeout: 120000 },
  );
  const w = await page.evaluate(windowInPage, { selector: CARD, seconds });
  const values = await page.$eval(CARD, (el) => JSON.parse(el.dataset.values));
  await context.close();
  const perSecond = (n) => (n * 1000) / w.ms;
  return {
    query,
    config: {
      depth: values.depth,
      width: values.width,
      batch: values.batch,
      phi: values.phi,
      opt: values.opt,
      speed: values.speed,
    },
    seconds: w.ms / 1000,
    steps: w.steps,
    stepsPerSecond: perSecond(w.steps),
    redrawsPerSecond: perSecond(w.redraws),
    framesPerSecond: perSecond(w.frames),
    longTasks: w.longTasks,
  };
}

// The targets of a sustainedTraining() result, each with the machine it ran on.
export function trainingTargets(t, machine) {
  return [
    {
      name: "training figure at T1's size: steps per second in the worker",
      value: t.stepsPerSecond.toFixed(0),
      limit: `>= ${TRAIN_TARGETS.stepsPerSecond}`,
      met: t.stepsPerSecond >= TRAIN_TARGETS.stepsPerSecond,
    },
    {
      name: "training figure at T1's size: redraws per second meanwhile",
      value: t.redrawsPerSecond.toFixed(1),
      limit: `>= ${TRAIN_TARGETS.redrawsPerSecond}`,
      met: t.redrawsPerSecond >= TRAIN_TARGETS.redrawsPerSecond,
    },
    {
      name: "training figure at T1's size: long tasks meanwhile",
      value: String(t.longTasks.length),
      limit: "0",
      met: t.longTasks.length === 0,
    },
  ].map((entry) => ({ ...entry, machine }));
}

export function printTraining(t, out = console.log) {
  out(
    `  training figure (?${t.query}): over ${t.seconds.toFixed(1)} s, ${t.stepsPerSecond.toFixed(0)} steps/s, ${t.redrawsPerSecond.toFixed(1)} redraws/s, ${t.framesPerSecond.toFixed(1)} frames/s, ${t.longTasks.length} long tasks [${t.longTasks.join(", ")}]`,
  );
}
