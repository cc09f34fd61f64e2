// The propagate benchmark natively and in WebAssembly under node, one after the other on the
// same machine, with the ratios: node bench/run.mjs [repeats]. Build dirs from
// ACTLAB_NATIVE_BUILD and ACTLAB_WASM_BUILD (default build/native, build/wasm).
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const nativeBuild = resolve(root, process.env.ACTLAB_NATIVE_BUILD ?? "build/native");
const wasmBuild = resolve(root, process.env.ACTLAB_WASM_BUILD ?? "build/wasm");
const repeats = process.argv[2] ?? "20";

const run = (command, args) => JSON.parse(execFileSync(command, args, { encoding: "utf8" }));
const native = run(`${nativeBuild}/actlab_bench`, [repeats]);
const wasm = run(process.execPath, [`${wasmBuild}/actlab_bench.cjs`, repeats]);
const module = run(process.execPath, [`${root}bench/propagate_module.mjs`, repeats]);

const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;
// One line: the label, native ms (blank when there is none), wasm ms, wasm / native.
function row(label, nativeMs, wasmMs, baseMs = nativeMs) {
  const nativeText = nativeMs === undefined ? " ".repeat(11) : ms(nativeMs);
  const ratio = `${(wasmMs / baseMs).toFixed(2).padStart(6)}x`;
  console.log(`${label.padEnd(18)} ${nativeText} ${ms(wasmMs)}  ${ratio}`);
}

console.log(
  `propagate: depth 50, width 256, batch 256, tanh, glorot-uniform, medians of ${repeats}`,
);
console.log(`                        native        wasm  wasm/native`);
row("forward+backward", native.forward_backward_ms, wasm.forward_backward_ms);
row("whole experiment", native.propagate_ms, wasm.propagate_ms);
// The module as the page calls it, against the native whole experiment.
row("module propagate()", undefined, module.propagate_ms, native.propagate_ms);
