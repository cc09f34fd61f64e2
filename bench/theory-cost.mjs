// What the theory costs in the wasm module, in node (issue 13: a theory curve within one
// frame): `node bench/theory-cost.mjs [rounds] [build/wasm ...]` times, in each module build
// given (default build/wasm), rounds alternating between the builds so that they share the
// machine's load:
//   - edgeTheory (web/edge/ops.js: theory() at depth 30, what a click on section 7 computes)
//     at 8 points of the diagram's window for each of tanh, elu, selu, softsign, relu;
//   - the phase diagram as the figure first asks it per activation (phaseDiagram on
//     DIAGRAM_CELLS and the order-chaos line);
//   - propagationTheory, the dashed lines of figures 2-5, at depth 50, width 256.
// Times are the process's CPU time (process.cpuUsage), the median over rounds in ms, and the
// largest of the 8 points for edgeTheory. Build first: scripts/build.sh wasm.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

import { wrapModule } from "../wasm/api.mjs";
import { EDGE_OPS } from "../web/edge/ops.js";
import { B2_RANGE, DIAGRAM_CELLS, W2_RANGE } from "../web/edge/schema.js";

const require = createRequire(import.meta.url);
const rounds = Number(process.argv[2] ?? 3);
const builds = process.argv.length > 3 ? process.argv.slice(3) : ["build/wasm"];

async function load(dir) {
  const create = require(resolve(dir, "actlab-node.cjs"));
  const raw = await create({
    wasmBinary: readFileSync(resolve(dir, "actlab-node.wasm")),
  });
  return wrapModule(raw);
}

function cpu(f) {
  const started = process.cpuUsage();
  f();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

const ACTS = ["tanh", "elu", "selu", "softsign", "relu"];
// Points over the window: both phases, the line's neighbourhood, sigma_b2 = 0.
const POINTS = [
  [0.5, 0.05],
  [1.0, 0.2],
  [1.5, 0.05],
  [1.76, 0.05],
  [2.5, 0.0],
  [3.0, 0.1],
  [3.9, 0.29],
  [0.2, 0.0],
];

const modules = [];
for (const dir of builds) modules.push({ dir, actlab: await load(dir) });
const times = new Map(); // key -> [ms per round]
const note = (key, ms) => {
  if (!times.has(key)) times.set(key, []);
  times.get(key).push(ms);
};
for (let r = 0; r < rounds; r++) {
  for (const { dir, actlab } of modules) {
    // A fresh module state per round would need a reload; the diagram is never cached in
    // the engine, and each theory() starts from scratch.
    for (const act of ACTS) {
      const each = POINTS.map(([w2, b2]) =>
        cpu(() => EDGE_OPS.edgeTheory(actlab, { phi: act, w2, b2, depth: 30 })),
      );
      note(`${dir}|edgeTheory ${act} max`, Math.max(...each));
      note(
        `${dir}|edgeTheory ${act} median`,
        [...each].sort((a, b) => a - b)[each.length >> 1],
      );
      note(
        `${dir}|phaseDiagram ${act}`,
        cpu(() => {
          actlab.phaseDiagram({
            act,
            sigmaW2: W2_RANGE,
            sigmaB2: B2_RANGE,
            cells: DIAGRAM_CELLS,
          });
          actlab.criticalLine({ act, from: 1e-6, to: 1e3, points: 400 });
        }),
      );
      note(
        `${dir}|propagationTheory ${act}`,
        cpu(() =>
          actlab.propagationTheory({
            act,
            init: "glorot-uniform",
            depth: 50,
            width: 256,
            batch: 256,
            seed: 1,
          }),
        ),
      );
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`rounds ${rounds}; CPU ms, median over rounds`);
const keys = [...new Set([...times.keys()].map((k) => k.split("|")[1]))];
console.log(["what", ...builds].join("\t"));
for (const key of keys)
  console.log(
    [
      key,
      ...builds.map((b) => median(times.get(`${b}|${key}`)).toFixed(1)),
    ].join("\t"),
  );
