// CPU ms of the figures' engine operations (web/ops.js) in node, at each figure's default and
// at its coarse batch (web/refine.js), for one or more builds interleaved call by call:
//
//   node bench/ops-cpu.mjs [rounds] [filter] [build/wasm dirs, comma-separated]
//
// Each round runs, for every build in turn, the coarse view of a depth slider's value (the
// depth one step from the default, as a drag sends it) and then its full view, as the page's
// worker does; the medians per figure and batch are printed, with the load average. Not part
// of the test suite; results: bench/README.md, round 7.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { wrapModule } from "../wasm/api.mjs";
import { OPS } from "../web/ops.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const rounds = Math.max(1, Number(process.argv[2] ?? 9));
const filter = process.argv[3] ?? "";
const builds = (process.argv[4] ?? "build/wasm")
  .split(",")
  .map((d) => resolve(root, d));
const COARSE_FRACTION = 16; // web/refine.js

const FIGURES = [
  {
    id: "grad",
    op: "gradients",
    args: { init: "glorot-uniform", depth: 30, width: 64, batch: 64, seed: 1 },
  },
  {
    id: "prop",
    op: "propagation",
    args: {
      phi: "tanh",
      init: "glorot-uniform",
      istd: 1,
      depth: 20,
      width: 128,
      batch: 128,
      seed: 1,
      sx: 1,
      bins: 64,
      eps: 0.1,
    },
  },
  {
    id: "init",
    op: "initializers",
    args: {
      phi: "tanh",
      dist: "uniform",
      depth: 30,
      width: 96,
      batch: 96,
      seed: 1,
    },
  },
  {
    id: "selu",
    op: "selu",
    args: {
      phi: "selu",
      init: "lecun-normal",
      depth: 100,
      width: 96,
      batch: 96,
      seed: 1,
    },
  },
].filter((f) => f.id.includes(filter));

async function load(dir) {
  const create = createRequire(import.meta.url)(`${dir}/actlab-node.cjs`);
  return wrapModule(
    await create({ wasmBinary: readFileSync(`${dir}/actlab-node.wasm`) }),
  );
}

function cpuMs(run) {
  const start = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const modules = await Promise.all(builds.map(load));
const loads = [loadavg()[0]];
const ms = new Map();
const record = (key, x) => ms.set(key, [...(ms.get(key) ?? []), x]);
for (const figure of FIGURES) {
  const coarse = Math.max(1, Math.floor(figure.args.batch / COARSE_FRACTION));
  for (let round = -2; round < rounds; round++) {
    // A drag's next value: the depth one step up, then down, so that each call is a new depth.
    const depth = figure.args.depth + (round % 2 === 0 ? 1 : 0);
    modules.forEach((actlab, b) => {
      const run = (batch) => () =>
        OPS[figure.op](actlab, { ...figure.args, depth, batch });
      const coarseMs = cpuMs(run(coarse));
      const fullMs = cpuMs(run(figure.args.batch));
      if (round < 0) return; // warm-up: V8's tiers
      record(`${figure.id}|${b}|B${coarse}`, coarseMs);
      record(`${figure.id}|${b}|B${figure.args.batch}`, fullMs);
    });
  }
  loads.push(loadavg()[0]);
}
console.log(
  `CPU ms per call, medians of ${rounds}; load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
);
for (const [key, xs] of ms) {
  const [id, b, batch] = key.split("|");
  console.log(
    `${id.padEnd(6)}${batch.padEnd(6)}${builds[b].padEnd(40)}${median(xs).toFixed(1).padStart(8)}`,
  );
}
