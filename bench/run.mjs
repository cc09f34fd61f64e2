// The propagate workloads (P1, P2 of bench/web/workloads.js) in node, interleaved round by round:
// actlab's wasm module as the page uses it (actlab-node.cjs through wasm/api.mjs, results read
// into typed arrays), and the native engine, `actlab_bench --serve` built with -O3 (the native
// preset) and with -O3 -march=native (build/bench-march, configured and built here as
// bench/chromium.mjs does). A quick proxy of the Chromium benchmark, for before/after checks:
//
//   node bench/run.mjs [rounds]        # default 15; medians and minima, ratios of medians
//
// Build directories from ACTLAB_NATIVE_BUILD, ACTLAB_MARCH_BUILD and ACTLAB_WASM_BUILD
// (default build/native, build/bench-march, build/wasm).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { wrapModule } from "../wasm/api.mjs";
import { NativeBench, buildMarchNative } from "./lib/native.mjs";
import { PROPAGATE, WORKLOADS } from "./web/workloads.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const build = (variable, fallback) =>
  resolve(root, process.env[variable] ?? fallback);
const nativeBuild = build("ACTLAB_NATIVE_BUILD", "build/native");
const marchBuild = build("ACTLAB_MARCH_BUILD", "build/bench-march");
const wasmBuild = build("ACTLAB_WASM_BUILD", "build/wasm");
const rounds = Math.max(1, Number(process.argv[2] ?? 15));
// V8 runs new wasm code in its baseline compiler until it has tiered up: the first runs of a
// workload are not the steady state the page sees after a few interactions.
const WARM_UP = 3;

async function wasmModule() {
  const createActlabModule = createRequire(import.meta.url)(
    `${wasmBuild}/actlab-node.cjs`,
  );
  const actlab = wrapModule(
    await createActlabModule({
      wasmBinary: readFileSync(`${wasmBuild}/actlab-node.wasm`),
    }),
  );
  return {
    name: "actlab wasm (node)",
    run: async (workload) => {
      const { depth, width, batch } = WORKLOADS[workload];
      const started = performance.now();
      actlab.propagate({ ...PROPAGATE, depth, width, batch });
      return performance.now() - started;
    },
  };
}

function native(name, executable) {
  const bench = new NativeBench(executable);
  return {
    name,
    run: async (workload) => (await bench.run(workload)).ms,
    close: () => bench.close(),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const impls = [
  await wasmModule(),
  native("native -O3", `${nativeBuild}/actlab_bench`),
  native("native -O3 -march=native", buildMarchNative(root, marchBuild)),
];
const [, nativeO3, march] = impls;

console.log(
  `P1, P2 in node ${process.version}: ${WARM_UP} warm-up runs, then ${rounds} rounds`,
);
console.log(
  `${"workload".padEnd(28)}${"implementation".padEnd(27)}${"median".padStart(9)}` +
    `${"min".padStart(9)}${"/native-O3".padStart(12)}${"/march".padStart(8)}`,
);
for (const workload of ["p1", "p2"]) {
  const ms = new Map(impls.map((impl) => [impl, []]));
  for (const impl of impls)
    for (let i = 0; i < WARM_UP; i++) await impl.run(workload);
  for (let round = 0; round < rounds; round++) {
    // A different implementation first each round: load from elsewhere falls on all alike.
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[(k + round) % impls.length];
      ms.get(impl).push(await impl.run(workload));
    }
  }
  for (const impl of impls) {
    const m = median(ms.get(impl));
    console.log(
      `${WORKLOADS[workload].label.padEnd(28)}${impl.name.padEnd(27)}` +
        `${m.toFixed(1).padStart(9)}${Math.min(...ms.get(impl))
          .toFixed(1)
          .padStart(9)}` +
        `${`${(m / median(ms.get(nativeO3))).toFixed(2)}x`.padStart(12)}` +
        `${`${(m / median(ms.get(march))).toFixed(2)}x`.padStart(8)}`,
    );
  }
}
for (const impl of impls) impl.close?.();
