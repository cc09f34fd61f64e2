// Figure 2's numbers from the engine (the wasm module, as the page's worker runs them): per unit
// of the upstream gradient the measured curves start below sup|phi'| and, for sigmoid at width
// 256 under the standard and Glorot initializations, lie under the lecture's bound at every k;
// float32 underflow is found where it happens. Issue 14: the curve divided by the top layer's
// own value started at 1, four times the bound, and stayed above it for about 25 layers.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { loadActlab } from "../wasm/module.mjs";
import {
  fromTop,
  perUpstreamUnit,
  underflowFrom,
} from "../../web/figures/gradient_rows.js";
import { OPS } from "../../web/ops.js";
import { GRAD_QUANTITIES } from "../../web/state.js";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

const sigmoidRun = (result) => result.runs.find((r) => r.act === "sigmoid");

test("the default quantity is the per-example weight gradient, the lecture's dL/dtheta", () => {
  assert.deepEqual(GRAD_QUANTITIES, [
    "example_weight_grad_rms",
    "grad_pre_std",
  ]);
});

for (const init of ["standard", "glorot-uniform", "glorot-normal"]) {
  test(`sigmoid + ${init} at width 256 lies under (1/4)^(k+1) at every k, both quantities`, () => {
    const result = OPS.gradients(actlab, {
      init,
      depth: 30,
      width: 256,
      batch: 64,
      seed: 1,
    });
    const run = sigmoidRun(result);
    for (const quantity of GRAD_QUANTITIES) {
      const measured = perUpstreamUnit(run, quantity);
      assert.equal(measured.length, 30);
      measured.forEach((m, k) => {
        assert.ok(m > 0, `${quantity} k = ${k}: ${m}`);
        assert.ok(
          m < run.bound[k],
          `${quantity} k = ${k}: ${m} >= ${run.bound[k]}`,
        );
      });
    }
    // At k = 0, delta_L / G is phi'(z_L): its rms, for z of std ~0.5, is about 0.235.
    const top = perUpstreamUnit(run, "grad_pre_std")[0];
    assert.ok(top > 0.2 && top < 0.25, `k = 0: ${top}`);
  });
}

test("the unit is the std of dL/dh_L = G ~ N(0, 1), and k counts down from the top", () => {
  const result = OPS.gradients(actlab, {
    init: "glorot-uniform",
    depth: 5,
    width: 64,
    batch: 64,
    seed: 3,
  });
  for (const run of result.runs) {
    const upstream = run.grad_act_std[4];
    assert.ok(Math.abs(upstream - 1) < 0.03, `${run.act}: ${upstream}`);
    const measured = perUpstreamUnit(run, "grad_pre_std");
    assert.equal(measured[0], run.grad_pre_std[4] / upstream);
    assert.equal(measured[4], run.grad_pre_std[0] / upstream);
  }
  assert.deepEqual(fromTop([1, 2, 3]), [3, 2, 1]);
  // The weights are the same draws for every activation.
  const [first, ...others] = result.runs;
  for (const run of others)
    assert.deepEqual(run.weights.max_abs, first.weights.max_abs);
  assert.equal(result.weights, first.weights);
});

test("at depth 100 sigmoid's gradient underflows to 0 in float32, and the figure finds where", () => {
  const result = OPS.gradients(actlab, {
    init: "glorot-uniform",
    depth: 100,
    width: 64,
    batch: 64,
    seed: 1,
  });
  const run = sigmoidRun(result);
  for (const quantity of GRAD_QUANTITIES) {
    const measured = perUpstreamUnit(run, quantity);
    const k = underflowFrom(measured);
    assert.ok(k !== null && k > 50 && k < 100, `${quantity}: ${k}`);
    assert.ok(measured[k - 1] > 0);
    assert.ok(measured.slice(k).every((m) => m === 0));
  }
  // tanh at the same depth does not underflow.
  const tanh = result.runs.find((r) => r.act === "tanh");
  assert.equal(underflowFrom(perUpstreamUnit(tanh, "grad_pre_std")), null);
});

test("underflowFrom: the first k of a run of zeros that reaches the bottom", () => {
  assert.equal(underflowFrom([0.25, 0.01, 0, 0]), 2);
  assert.equal(underflowFrom([0.25, 0.01, 1e-40]), null);
  assert.equal(underflowFrom([0.25, 0, 0.01]), null); // not at the bottom: not underflow
  assert.equal(underflowFrom([0, 0]), null); // nothing nonzero to start from
});
