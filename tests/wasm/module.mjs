// Loads the node flavour of the wasm module for the tests, and runs the native CLI.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { wrapModule } from "../../wasm/api.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
// Build directories, relative to the repository root unless absolute.
const nativeBuild = resolve(
  root,
  process.env.ACTLAB_NATIVE_BUILD ?? "build/native",
);
const wasmBuild = resolve(root, process.env.ACTLAB_WASM_BUILD ?? "build/wasm");

// The raw Embind module (for tests that look at its heap) and the API wrapping it.
export async function loadModule() {
  const createActlabModule = require(`${wasmBuild}/actlab-node.cjs`);
  // This emscripten would fetch() a file path under node 20: hand it the bytes instead.
  const raw = await createActlabModule({
    wasmBinary: readFileSync(`${wasmBuild}/actlab-node.wasm`),
  });
  return { raw, actlab: wrapModule(raw) };
}

export async function loadActlab() {
  return (await loadModule()).actlab;
}

export function cli(args) {
  return execFileSync(`${nativeBuild}/actlab`, args, {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
}

export function cliFailure(args) {
  const run = spawnSync(`${nativeBuild}/actlab`, args, { encoding: "utf8" });
  return { status: run.status, stderr: run.stderr.trim() };
}

// The CLI's CSV as three Float64Arrays; %.17g round-trips every double exactly.
export function parseCurveCsv(text) {
  const rows = text.trim().split("\n").slice(1);
  const columns = [0, 1, 2].map(() => new Float64Array(rows.length));
  rows.forEach((row, i) =>
    row.split(",").forEach((cell, j) => (columns[j][i] = Number(cell))),
  );
  return { z: columns[0], value: columns[1], derivative: columns[2] };
}
