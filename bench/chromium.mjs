// The benchmark of issue 5 in one command (bench/README.md):
//
//   node bench/chromium.mjs [--repeats N] [--budget-s S] [--out FILE] [--no-page]
//
// In one headless Chromium session it times actlab's wasm module (the page's build, in a Web
// Worker), TensorFlow.js's wasm backend (SIMD, one thread; and threaded when the bench page is
// cross-origin isolated) and its cpu backend on the same arithmetic, interleaved round by round
// with actlab natively (`actlab_bench --serve`, -O3 from build/native and -O3 -march=native
// from build/bench-march, which this script builds). Then it measures the course page itself.
// It prints the tables and the targets, and writes the same as JSON (default
// bench/results/<date>.json). Build the presets first: scripts/build.sh native wasm.
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { launchChromium } from "../scripts/chromium.mjs";

import { startServer } from "../scripts/static-server.mjs";
import { compare, printAgreement, tfLayers } from "./lib/agreement.mjs";
import {
  NativeBench,
  buildMarchNative,
  checkExecutable,
} from "./lib/native.mjs";
import { thisMachine } from "./lib/machine.mjs";
import { interaction, transfer } from "./lib/page-metrics.mjs";
import { sustainedTraining } from "./lib/train-page.mjs";
import {
  printPage,
  printTargets,
  printTimings,
  summary,
  targets,
} from "./lib/report.mjs";
import { PROPAGATE, WORKLOADS } from "./web/workloads.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const { values: options } = parseArgs({
  options: {
    repeats: { type: "string", default: "15" },
    out: { type: "string" },
    "budget-s": { type: "string", default: "12" },
    "no-page": { type: "boolean", default: false },
  },
});
// Each implementation gets as many timed runs of a workload as fit in the budget after its
// warm-up run, from 3 to --repeats: many of the fast ones (actlab, native), at least 3 of the
// slowest (TF.js's cpu backend needs ~10 s per P1 run), and the command stays within minutes.
const repeats = Math.max(1, Number(options.repeats));
const budgetMs = Number(options["budget-s"]) * 1000;
const MIN_REPEATS = Math.min(3, repeats);
const nativeDir = resolve(
  root,
  process.env.ACTLAB_NATIVE_BUILD ?? "build/native",
);
const marchDir = resolve(
  root,
  process.env.ACTLAB_MARCH_BUILD ?? "build/bench-march",
);

const log = (...parts) => console.error("[bench]", ...parts);
const today = () => new Date().toISOString().slice(0, 10);

function command(file, args, env = process.env) {
  try {
    return execFileSync(file, args, {
      encoding: "utf8",
      env,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "unknown";
  }
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path).map((name) => newestMtime(join(path, name))),
  );
}

// The compiler flags a CMake build folder was configured with, e.g. "Release: -O3 -DNDEBUG -msimd128".
function buildFlags(dir) {
  try {
    const cache = readFileSync(join(dir, "CMakeCache.txt"), "utf8");
    const value = (key) =>
      cache.match(new RegExp(`^${key}:[A-Z]+=(.*)$`, "m"))?.[1] ?? "";
    const type = value("CMAKE_BUILD_TYPE");
    return `${type}: ${value(`CMAKE_CXX_FLAGS_${type.toUpperCase()}`)} ${value("CMAKE_CXX_FLAGS")}`.trim();
  } catch {
    return "unknown";
  }
}

// Where the numbers come from: the machine, the tools, the engine's commit and whether the
// builds are older than the engine's sources (then they do not measure the tree as it is).
function environment() {
  const engine = [
    "native",
    "wasm",
    "CMakeLists.txt",
    "CMakePresets.json",
    "bench/propagate_bench.cpp",
  ];
  const sources = Math.max(...engine.map((p) => newestMtime(join(root, p))));
  const builds = {
    "build/native/actlab_bench": checkExecutable(
      join(nativeDir, "actlab_bench"),
      "run scripts/build.sh native",
    ),
    "build/wasm/actlab.wasm": checkExecutable(
      join(root, "build/wasm/actlab.wasm"),
      "run scripts/build.sh wasm",
    ),
  };
  const stale = Object.entries(builds)
    .filter(([, mtime]) => mtime < sources)
    .map(([path]) => path);
  const cpu = thisMachine();
  return {
    date: today(),
    machine: {
      cpu: cpu.model,
      isa: cpu.isa.name,
      simdBits: cpu.isa.bits,
      cores: cpus().length,
      loadBefore: loadavg()[0],
    },
    software: {
      node: process.version,
      emscripten: command("emcc", ["--version"], {
        ...process.env,
        NODE_PATH: "/usr/share/nodejs",
      }).split("\n")[0],
    },
    git: {
      head: command("git", ["-C", root, "rev-parse", "--short", "HEAD"]),
      engineCommit: command("git", [
        "-C",
        root,
        "log",
        "-1",
        "--format=%h %cs %s",
        "--",
        ...engine.filter((p) => p !== "bench/propagate_bench.cpp"),
      ]),
      engineChanges: command("git", [
        "-C",
        root,
        "status",
        "--porcelain",
        "--",
        ...engine,
      ])
        .split("\n")
        .filter(Boolean),
    },
    staleBuilds: stale,
  };
}

async function main() {
  const env = environment();
  for (const path of env.staleBuilds)
    log(
      `warning: ${path} is older than the engine's sources; run scripts/build.sh native wasm`,
    );
  log("building the -march=native benchmark in", relative(root, marchDir));
  const marchExecutable = buildMarchNative(root, marchDir);
  env.flags = {
    actlab: buildFlags(join(root, "build/wasm")),
    "native-O3": buildFlags(nativeDir),
    "native-march": buildFlags(marchDir),
  };

  const server = await startServer({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  env.software.chromium = browser.version();
  const natives = {
    "native-O3": new NativeBench(join(nativeDir, "actlab_bench")),
    "native-march": new NativeBench(marchExecutable),
  };
  try {
    const result = await benchmark(env, browser, origin, natives);
    if (!options["no-page"]) {
      log("measuring the course page");
      result.page = {
        transfer: await transfer(browser, origin),
        interaction: [
          await interaction(browser, origin),
          await interaction(browser, origin, "prop.batch=256"),
        ],
        training: await sustainedTraining(browser, origin),
      };
    }
    result.machine.loadAfter = loadavg()[0];
    result.targets = targets(result);
    report(result);
    const out = resolve(root, options.out ?? `bench/results/${env.date}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten: ${relative(root, out)}`);
  } finally {
    for (const native of Object.values(natives)) native.close();
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

// The bench page's workers and the native processes, as one set of implementations.
async function implementations(page, natives) {
  const infos = await page.evaluate(
    (names) => globalThis.bench.start(names),
    ["actlab", "tfjs-wasm", "tfjs-wasm-mt", "tfjs-cpu"],
  );
  const list = {};
  const browserRun = (name) => (workload) =>
    page.evaluate(([n, w]) => globalThis.bench.run(n, w), [name, workload]);
  const wasmLabel = (i) =>
    `TF.js wasm (${i.simd ? "SIMD" : "no SIMD"}, ${i.threadsRequested} thread${i.threadsRequested > 1 ? "s" : ""})`;
  for (const [name, info] of Object.entries(infos)) {
    if (info.error) {
      log(`${name} unavailable: ${info.error.split("\n")[0]}`);
      continue;
    }
    // Without cross-origin isolation the "threaded" worker runs single-threaded: skip it.
    if (
      name === "tfjs-wasm-mt" &&
      !(info.multithreadSupport && info.threadsRequested > 1)
    ) {
      log(
        "tfjs-wasm-mt skipped: no multithreading (the bench page is not cross-origin isolated)",
      );
      continue;
    }
    const label =
      name === "actlab"
        ? "actlab wasm (Chromium worker)"
        : name === "tfjs-cpu"
          ? "TF.js cpu (JavaScript)"
          : wasmLabel(info);
    list[name] = { label, info, run: browserRun(name) };
  }
  for (const [name, native] of Object.entries(natives)) {
    const info = await native.info;
    const label =
      name === "native-O3"
        ? "actlab native -O3"
        : "actlab native -O3 -march=native";
    list[name] = { label, info, run: (workload) => native.run(workload) };
  }
  return list;
}

// P1 once more in actlab (seeds 1..8) and in TF.js's wasm backend, outside the timings.
async function agreement(page) {
  const w = WORKLOADS.p1;
  const actlab = [];
  for (let seed = 1; seed <= 8; seed++)
    actlab.push(
      await page.evaluate(
        ([s]) => globalThis.bench.stats("actlab", "p1", s),
        [seed],
      ),
    );
  const tf = await page.evaluate(() =>
    globalThis.bench.stats("tfjs-wasm", "p1", 7),
  );
  return compare({
    reference: actlab[0].layers,
    others: actlab.slice(1).map((a) => a.layers),
    tf: tfLayers(tf, w.depth, PROPAGATE.bins),
    depth: w.depth,
    bins: PROPAGATE.bins,
    edges: { actlab: actlab[0].gradEdges, tf: [...tf.gradEdges] },
  });
}

async function benchmark(env, browser, origin, natives) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => log("bench page error:", error.message));
  const wasmFiles = new Set();
  context.on("request", (request) => {
    if (
      request.url().includes("tfjs-backend-wasm") &&
      request.url().endsWith(".wasm")
    )
      wasmFiles.add(new URL(request.url()).pathname.split("/").pop());
  });
  await page.goto(`${origin}/bench/web/index.html`);
  await page.waitForFunction(() => globalThis.bench);
  const crossOriginIsolated = await page.evaluate(
    () => globalThis.crossOriginIsolated,
  );
  log("starting the workers (TF.js measures its matMul rates first)");
  const impls = await implementations(page, natives);

  log("checking that TF.js computes what actlab computes (P1)");
  const check = await agreement(page);
  printAgreement(check, (line) => log(line));

  const samples = {};
  const warmup = {};
  const timings = {};
  const ids = Object.keys(impls);
  for (const [w, workload] of Object.entries(WORKLOADS)) {
    samples[w] = {};
    warmup[w] = {};
    const count = {};
    for (const id of ids) {
      warmup[w][id] = (await impls[id].run(w)).ms;
      count[id] = Math.max(
        MIN_REPEATS,
        Math.min(repeats, Math.floor(budgetMs / warmup[w][id])),
      );
      samples[w][id] = [];
    }
    // A/B/A/B: every round runs each implementation once, starting one further along each time.
    const rounds = Math.max(...Object.values(count));
    for (let round = 0; round < rounds; round++) {
      const order = ids
        .map((_, i) => ids[(i + round) % ids.length])
        .filter((id) => round < count[id]);
      for (const id of order) samples[w][id].push((await impls[id].run(w)).ms);
      log(
        `${workload.label} round ${round + 1}/${rounds}: ${order.map((id) => `${id} ${samples[w][id].at(-1).toFixed(0)}`).join(", ")}`,
      );
    }
    timings[w] = Object.fromEntries(
      ids.map((id) => [id, summary(samples[w][id])]),
    );
  }
  await context.close();
  return {
    ...env,
    crossOriginIsolated,
    tfjsWasmFiles: [...wasmFiles],
    options: { repeats, budgetS: budgetMs / 1000, minRepeats: MIN_REPEATS },
    workloads: WORKLOADS,
    propagate: PROPAGATE,
    implementations: Object.fromEntries(
      ids.map((id) => [id, { label: impls[id].label, info: impls[id].info }]),
    ),
    agreement: check,
    warmup,
    samples,
    timings,
  };
}

function report(result) {
  const { machine: m, software: s, git } = result;
  console.log(
    `actlab benchmark ${result.date}: ${m.cpu} (vector ISA ${m.isa}, ${m.simdBits}-bit), ${m.cores} cores, load ${m.loadBefore.toFixed(2)} -> ${m.loadAfter.toFixed(2)}`,
  );
  console.log(`Chromium ${s.chromium}, node ${s.node}, ${s.emscripten}`);
  console.log(
    `tree at ${git.head}; last engine commit ${git.engineCommit.slice(0, 60)}${git.engineChanges.length ? ` with uncommitted changes: ${git.engineChanges.join("; ")}` : ""}${result.staleBuilds.length ? `; STALE builds: ${result.staleBuilds.join(", ")}` : ""}`,
  );
  console.log(
    `bench page cross-origin isolated: ${result.crossOriginIsolated}; TF.js wasm binaries fetched: ${result.tfjsWasmFiles.join(", ") || "none"}`,
  );
  for (const [id, { label, info }] of Object.entries(result.implementations)) {
    const rates = info.matMulGflops
      ? `; matMul 256^3 GFLOP/s: a b ${info.matMulGflops.ab.toFixed(1)}, a b^T ${info.matMulGflops.abT.toFixed(1)}, a^T b ${info.matMulGflops.aTb.toFixed(1)}`
      : "";
    let build = result.flags[id] ? `; ${result.flags[id]}` : "";
    if (info.target === "native")
      build += `; g++ ${info.compiler}, Eigen SIMD: ${info.simd}`;
    else if (info.backend === "wasm")
      build = `; ${info.binary}, threads requested ${info.threadsRequested} (getThreadsCount() says ${info.threadsReported})`;
    console.log(`  ${label}${build}${rates}`);
  }
  console.log(
    `medians of interleaved runs after one warm-up each: as many as fit in ${result.options.budgetS} s per implementation and workload, ${result.options.minRepeats} to ${result.options.repeats}`,
  );
  printTimings(result);
  if (result.page) printPage(result.page);
  printTargets(result.targets);
  console.log("");
  printAgreement(result.agreement);
}

await main();
