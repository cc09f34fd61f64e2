// A bottleneck layer in the module against the CLI: the same draws, shapes and statistics for
// the same flags (native/include/actlab/network.hpp: layer K of M units among layers of N),
// and the same messages when the flags do not fit together.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { cli, cliFailure, loadActlab } from "./module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

function flags(o) {
  return [
    "propagate",
    ...[
      "--act",
      o.act,
      "--init",
      o.init,
      "--depth",
      o.depth,
      "--width",
      o.width,
    ],
    ...["--batch", o.batch, "--bottleneck-layer", o.bottleneckLayer],
    ...["--bottleneck-width", o.bottleneckWidth],
  ].map(String);
}

describe("bottleneck", () => {
  // identity and relu use no libm function: the module gives the CLI's bits (README).
  const configs = [
    { act: "identity", init: "glorot-normal", depth: 4, width: 64, batch: 32 },
    { act: "relu", init: "he-uniform", depth: 6, width: 48, batch: 40 },
    { act: "tanh", init: "orthogonal", depth: 3, width: 40, batch: 8 },
  ];
  for (const base of configs) {
    for (const [k, m] of [
      [1, 9],
      [2, 200],
      [base.depth, 5],
    ]) {
      const o = { ...base, bottleneckLayer: k, bottleneckWidth: m };
      test(`${base.act} K = ${k}, M = ${m}: the CLI's numbers`, () => {
        const native = JSON.parse(cli(flags(o)));
        const wasm = actlab.propagate(o);
        assert.equal(wasm.bottleneck_layer, k);
        assert.equal(wasm.bottleneck_width, m);
        assert.equal(native.bottleneck_layer, k);
        assert.equal(native.bottleneck_width, m);
        assert.equal(wasm.draws_hash, native.draws_hash);
        native.layers.forEach((n, l) => {
          for (const key of actlab.fields().statistics) {
            const tolerance = 1e-6 * Math.abs(n[key]);
            assert.ok(
              Math.abs(wasm.layers[key][l] - n[key]) <= tolerance,
              `layer ${l + 1} ${key}: wasm ${wasm.layers[key][l]} native ${n[key]}`,
            );
          }
          // Each layer's row and tails count its own B N_l values.
          const bins = native.act_hist_edges.length - 1;
          const row = wasm.layers.act_hist.subarray(l * bins, (l + 1) * bins);
          const tails = wasm.layers.act_tails;
          const counted =
            row.reduce((a, b) => a + b, 0) +
            tails.zero[l] +
            tails.below[l] +
            tails.above[l];
          assert.equal(counted, o.batch * (l + 1 === k ? m : o.width));
        });
      });
    }
  }

  test("no bottleneck: null in both", () => {
    const o = { act: "relu", init: "he-normal", depth: 2, width: 8, batch: 4 };
    assert.equal(actlab.propagate(o).bottleneck_layer, null);
    const native = JSON.parse(cli(flags(o).slice(0, 11)));
    assert.equal(native.bottleneck_layer, null);
    assert.equal(native.bottleneck_width, null);
  });

  test("bad combinations: the CLI's message", () => {
    const o = {
      act: "relu",
      init: "he-normal",
      depth: 3,
      width: 8,
      batch: 4,
      bottleneckLayer: 4,
      bottleneckWidth: 2,
    };
    const failure = cliFailure(flags(o));
    assert.equal(failure.status, 2);
    assert.throws(
      () => actlab.propagate(o),
      (e) => `actlab: ${e.message}` === failure.stderr,
    );
    assert.throws(
      () => actlab.propagate({ ...o, bottleneckLayer: undefined }),
      /--bottleneck-width: needs --bottleneck-layer K/,
    );
  });
});
