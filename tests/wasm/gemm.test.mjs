// The WebAssembly SIMD GEMM kernel against the naive double product (tests/wasm/gemm_check.cpp
// on the cases of tests/native/gemm_reference.hpp): exact on small integers, where any other
// result is an indexing error, within the float sum's rounding bound on random data, and to the
// bit the sum in the order of native/src/gemm_order.hpp.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const wasmBuild = resolve(root, process.env.ACTLAB_WASM_BUILD ?? "build/wasm");

test("the SIMD GEMM kernel equals the naive product in every transpose and edge case", () => {
  const check = JSON.parse(
    execFileSync(process.execPath, [`${wasmBuild}/actlab_gemm_check.cjs`], {
      encoding: "utf8",
    }),
  );
  assert.equal(
    check.simd,
    true,
    "the wasm build must be compiled with -msimd128",
  );
  assert.ok(check.cases > 2900, `${check.cases} cases`);
  assert.deepEqual(check.inexact, [], "integer products that are not exact");
  // The order the native kernel keeps too (tests/native/gemm_test.cpp): the same bits.
  assert.deepEqual(
    check.unordered,
    [],
    "products not summed in the order of gemm_order.hpp",
  );
  assert.ok(
    check.worst.error <= check.worst.bound,
    `${check.worst.case}: relative error ${check.worst.error} over the bound ${check.worst.bound}`,
  );
});
