// Issue 10's sustained training alone (bench/lib/train-page.mjs), without the rest of
// bench/chromium.mjs (which measures it too, in its page section):
//
//   node bench/train-page.mjs [--runs N] [--seconds S]
//
// Each run is a fresh page; prints every run, their medians, the targets and the machine.
// Build the page's module first: scripts/build.sh wasm.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import { launchChromium } from "../scripts/chromium.mjs";
import { startServer } from "../scripts/static-server.mjs";
import { thisMachine } from "./lib/machine.mjs";
import { median } from "./lib/report.mjs";
import {
  printTraining,
  sustainedTraining,
  trainingTargets,
} from "./lib/train-page.mjs";

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "5" },
  },
});
const cpu = thisMachine();
const loadBefore = loadavg()[0];
const server = await startServer({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const runs = [];
try {
  for (let i = 0; i < Number(options.runs); i++) {
    runs.push(
      await sustainedTraining(browser, origin, {
        seconds: Number(options.seconds),
      }),
    );
    printTraining(runs.at(-1));
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}
const machine = `${cpu.label}, ${cpus().length} cores, load ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`;
const med = (key) => median(runs.map((r) => r[key]));
const summary = {
  ...runs[0],
  stepsPerSecond: med("stepsPerSecond"),
  redrawsPerSecond: med("redrawsPerSecond"),
  framesPerSecond: med("framesPerSecond"),
  longTasks: runs.flatMap((r) => r.longTasks),
};
console.log(
  `medians of ${runs.length} runs: ${summary.stepsPerSecond.toFixed(0)} steps/s, ${summary.redrawsPerSecond.toFixed(1)} redraws/s, ${summary.framesPerSecond.toFixed(1)} frames/s; long tasks in all: ${summary.longTasks.length}`,
);
for (const t of trainingTargets(summary, cpu.label)) {
  console.log(
    `  ${t.met ? "met    " : "NOT MET"}  ${t.name}: ${t.value} (target ${t.limit})`,
  );
}
console.log(`machine: ${machine}`);
