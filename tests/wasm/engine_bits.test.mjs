// The deep-network engine in WebAssembly against the native CLI, bit for bit: every float
// product sums in the order of native/src/gemm_order.hpp on both targets, the float exp and
// expm1 are the engine's own and log1p, erfc and tanh the portable double ones rounded, so
// every statistic, histogram and count of `propagate` is the same number (engine.test.mjs holds
// the looser tolerances a native build with FMA would need).
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { cli, loadModule } from "./module.mjs";

let actlab;
before(async () => {
  ({ actlab } = await loadModule());
});

const FLAGS = {
  act: "act",
  init: "init",
  depth: "depth",
  width: "width",
  batch: "batch",
  inputDim: "input-dim",
  seed: "seed",
};

// Each activation on the portable log1p, erfc and tanh (softplus, gelu, mish), kinked ones
// deep, a long k (input-dim 600: three blocks of 256), widths that leave edge tiles.
const CONFIGS = [
  { act: "gelu", init: "he-uniform", depth: 6, width: 40, batch: 12 },
  { act: "mish", init: "glorot-normal", depth: 8, width: 33, batch: 9 },
  {
    act: "softplus",
    init: "glorot-uniform",
    depth: 5,
    width: 64,
    batch: 16,
    inputDim: 600,
  },
  {
    act: "tanh",
    init: "glorot-uniform",
    depth: 5,
    width: 17,
    batch: 5,
    inputDim: 600,
  },
  { act: "relu", init: "he-normal", depth: 60, width: 48, batch: 16, seed: 3 },
  { act: "selu", init: "lecun-normal", depth: 40, width: 67, batch: 7 },
];

// The CLI's value as the module gives it (null: NaN, a non-finite statistic).
const same = (a, b) => Object.is(Number(a), b ?? NaN);

function compareLayer(wasm, native, l, depth, where) {
  for (const [key, expected] of Object.entries(native)) {
    const column = wasm[key];
    assert.ok(column !== undefined, `${where}: ${key} missing`);
    if (Array.isArray(expected)) {
      const bins = expected.length;
      expected.forEach((v, j) =>
        assert.ok(same(column[l * bins + j], v), `${where} ${key}[${j}]`),
      );
    } else if (expected !== null && typeof expected === "object") {
      for (const [tail, v] of Object.entries(expected))
        assert.ok(same(column[tail][l], v), `${where} ${key}.${tail}`);
    } else {
      assert.equal(column.length, depth, `${where} ${key}: a column`);
      assert.ok(
        same(column[l], expected),
        `${where} ${key}: wasm ${column[l]} native ${expected}`,
      );
    }
  }
}

test("propagate gives the native numbers bit for bit", () => {
  for (const options of CONFIGS) {
    const args = Object.entries(options).flatMap(([k, v]) => [
      `--${FLAGS[k]}`,
      String(v),
    ]);
    const native = JSON.parse(cli(["propagate", ...args, "--format", "json"]));
    const wasm = actlab.propagate(options);
    const where = JSON.stringify(options);
    assert.equal(wasm.draws_hash, native.draws_hash, where);
    for (const key of [
      "act_hist_edges",
      "grad_hist_edges",
      "log_act_hist_edges",
    ])
      native[key].forEach((v, j) =>
        assert.ok(same(wasm[key][j], v), `${where} ${key}[${j}]`),
      );
    assert.equal(native.layers.length, options.depth);
    native.layers.forEach((n, l) =>
      compareLayer(wasm.layers, n, l, options.depth, `${where} layer ${l + 1}`),
    );
  }
});
