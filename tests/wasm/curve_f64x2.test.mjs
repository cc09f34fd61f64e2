// The vectorized double path of the WebAssembly build gives its scalar path's bits
// (tests/wasm/curve_check.cpp on the cases of tests/native/curve_f64x2_reference.hpp): the
// two-lane exp, expm1, log1p, erfc and tanh at every branch edge and on random doubles, and
// every activation's value and derivative on wide grids, at +-1e4, subnormals, +-0, the kinks
// and tiny and huge alpha. activations.test.mjs holds the module's curves to the CLI's.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const wasmBuild = resolve(root, process.env.ACTLAB_WASM_BUILD ?? "build/wasm");

test("the f64x2 curves and math equal the scalar path bit for bit", () => {
  const check = JSON.parse(
    execFileSync(process.execPath, [`${wasmBuild}/actlab_curve_check.cjs`], {
      encoding: "utf8",
    }),
  );
  assert.equal(
    check.simd,
    true,
    "the wasm build must be compiled with -msimd128",
  );
  assert.ok(check.math.cases > 5 * 2 * 40000, `${check.math.cases} cases`);
  assert.deepEqual(check.math.mismatches, []);
  assert.ok(check.curves.cases > 12 * 2 * 2 * 180000, `${check.curves.cases}`);
  assert.deepEqual(check.curves.mismatches, []);
});
