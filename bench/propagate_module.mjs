// Milliseconds per actlab.propagate() call of the WebAssembly module as the page calls it
// (through api.mjs, results copied into typed arrays), at bench/README.md's configuration.
// Prints one JSON line: {target, repeats, propagate_ms} (median).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { wrapModule } from "../wasm/api.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const wasmBuild = resolve(root, process.env.ACTLAB_WASM_BUILD ?? "build/wasm");
const repeats = Math.max(1, Number(process.argv[2] ?? 20));

const createActlabModule = createRequire(import.meta.url)(`${wasmBuild}/actlab-node.cjs`);
const actlab = wrapModule(
  await createActlabModule({ wasmBinary: readFileSync(`${wasmBuild}/actlab-node.wasm`) }),
);

const options = { act: "tanh", init: "glorot-uniform", depth: 50, width: 256, batch: 256 };
actlab.propagate(options); // warm-up
const ms = [];
for (let i = 0; i < repeats; i++) {
  const start = performance.now();
  actlab.propagate(options);
  ms.push(performance.now() - start);
}
ms.sort((a, b) => a - b);
const propagateMs = ms[Math.floor(ms.length / 2)];
console.log(JSON.stringify({ target: "wasm module", repeats, propagate_ms: propagateMs }));
