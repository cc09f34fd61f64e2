// The mean-field theory in WebAssembly against the native CLI, to the bit: JSON prints each
// double round-trip, so equal numbers are equal bits (the quadrature uses only + - * /, sqrt,
// floor and the portable exp/log, compiled without FMA on both targets).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { cli, cliFailure, loadModule } from "./module.mjs";

let actlab;
before(async () => {
  ({ actlab } = await loadModule());
});

const json = (args) => JSON.parse(cli([...args, "--format", "json"]));

// The typed-array layers as the CLI's [{index, q, c}], non-finite as null.
function layerObjects(layers) {
  const finite = (x) => (Number.isFinite(x) ? x : null);
  return Array.from(layers.index, (index, i) => ({
    index,
    q: finite(layers.q[i]),
    c: finite(layers.c[i]),
  }));
}

describe("theory", () => {
  const points = [
    { act: "tanh", sigmaW2: 1.76, sigmaB2: 0.05, depth: 6 },
    { act: "tanh", sigmaW2: 2.5, sigmaB2: 0.1, depth: 4, q0: 2, c0: -0.3 },
    { act: "relu", sigmaW2: 3, sigmaB2: 0, depth: 5 },
    { act: "elu", alpha: 0.5, sigmaW2: 1.2, sigmaB2: 0.2, depth: 4 },
    { act: "selu", sigmaW2: 1, sigmaB2: 0, depth: 4, c0: 0.9 },
    { act: "softsign", sigmaW2: 4, sigmaB2: 0.3, depth: 3 },
  ];
  for (const p of points) {
    test(`${JSON.stringify(p)} equals \`actlab theory\` to the bit`, () => {
      const args = ["theory", "--act", p.act, "--sigma-w2", `${p.sigmaW2}`];
      args.push("--sigma-b2", `${p.sigmaB2}`, "--depth", `${p.depth}`);
      if (p.alpha !== undefined) args.push("--alpha", `${p.alpha}`);
      if (p.q0 !== undefined) args.push("--q0", `${p.q0}`);
      if (p.c0 !== undefined) args.push("--c0", `${p.c0}`);
      const native = json(args);
      const wasm = actlab.theory(p);
      for (const key of ["q_star", "chi1", "xi_q", "xi_c", "c_star"]) {
        assert.equal(wasm[key], native[key], key);
      }
      assert.deepEqual(layerObjects(wasm.layers), native.layers);
    });
  }

  test("critical equals `actlab critical` to the bit", () => {
    for (const [act, b2] of [
      ["tanh", 0.05],
      ["sigmoid", 0.5],
      ["relu", 0],
      ["relu", 0.2],
      ["gelu", 0.01],
    ]) {
      const native = json(["critical", "--act", act, "--sigma-b2", `${b2}`]);
      assert.deepEqual(actlab.critical({ act, sigmaB2: b2 }), native);
    }
  });

  test("the critical line has chi1 = 1 at its own q*, as fixedPoint computes it", () => {
    const line = actlab.criticalLine({
      act: "tanh",
      from: 0.1,
      to: 2,
      points: 5,
    });
    assert.equal(line.q[0], 0.1);
    assert.equal(line.q[4], 2);
    for (let i = 0; i < 5; i++) {
      const p = actlab.fixedPoint({
        act: "tanh",
        sigmaW2: line.sigma_w2[i],
        sigmaB2: line.sigma_b2[i],
        q0: line.q[i],
      });
      assert.ok(Math.abs(p.chi1 - 1) < 1e-12, `${p.chi1}`);
      assert.ok(Math.abs(p.q_star - line.q[i]) < 1e-12 * line.q[i]);
    }
  });

  test("SELU's moment map fixes (0, 1) and contracts there", () => {
    const m = actlab.seluMomentMap({ mu: 0, nu: 1 });
    assert.ok(Math.abs(m.mu) < 1e-15 && Math.abs(m.nu - 1) < 1e-15);
    assert.ok(Math.abs(m.spectral_norm - 0.7877) < 1e-4);
  });
});

describe("jacobian and propagateAt", () => {
  // The draws, J's product (summed in one order) and Jacobi's SVD are + - * / and sqrt in the
  // same order on both targets (native/src/jacobian.cpp): every number is the same bits.
  test("jacobian equals `actlab jacobian` to the bit", () => {
    const cases = [
      { act: "tanh", init: "orthogonal", gain: 1.02, depth: 4, width: 16 },
      { act: "relu", init: "he-normal", depth: 3, width: 12, seed: 5 },
      { act: "tanh", sigmaW2: 1.5, sigmaB2: 0.05, depth: 3, width: 10 },
      {
        act: "tanh",
        sigmaW2: 1.5,
        sigmaB2: 0.05,
        depth: 6,
        width: 24,
        seed: 3,
      },
    ];
    for (const c of cases) {
      const args = ["jacobian", "--act", c.act, "--depth", `${c.depth}`];
      args.push("--width", `${c.width}`);
      if (c.init) args.push("--init", c.init);
      if (c.gain) args.push("--gain", `${c.gain}`);
      if (c.seed) args.push("--seed", `${c.seed}`);
      if (c.sigmaW2) {
        args.push("--sigma-w2", `${c.sigmaW2}`, "--sigma-b2", `${c.sigmaB2}`);
      }
      const wasm = actlab.jacobian(c);
      assert.deepEqual(
        { ...wasm, singular_values: Array.from(wasm.singular_values) },
        json(args),
        JSON.stringify(c),
      );
    }
  });

  test("propagateAt is propagate --sigma-w2 --sigma-b2", () => {
    const native = json([
      "propagate",
      "--act",
      "tanh",
      "--sigma-w2",
      "1.5",
      "--sigma-b2",
      "0.05",
      "--depth",
      "3",
      "--width",
      "32",
      "--batch",
      "8",
    ]);
    const wasm = actlab.propagateAt({
      act: "tanh",
      sigmaW2: 1.5,
      sigmaB2: 0.05,
      depth: 3,
      width: 32,
      batch: 8,
    });
    assert.equal(wasm.draws_hash, native.draws_hash);
    assert.equal(wasm.init, "normal");
    // Float32 sums: the engine's tolerance (tests/wasm/engine.test.mjs), most runs exact.
    native.layers.forEach((layer, i) =>
      assert.ok(
        Math.abs(wasm.layers.pre_std[i] - layer.pre_std) <=
          1e-4 * layer.pre_std,
      ),
    );
  });
});

describe("bad input throws the CLI's message", () => {
  const cases = [
    [
      ["theory", "--act", "tanh", "--sigma-b2", "0"],
      () => actlab.theory({ act: "tanh", sigmaB2: 0 }),
    ],
    [
      [
        "theory",
        "--act",
        "tanh",
        "--sigma-w2",
        "1",
        "--sigma-b2",
        "0",
        "--c0",
        "2",
      ],
      () => actlab.theory({ act: "tanh", sigmaW2: 1, sigmaB2: 0, c0: 2 }),
    ],
    [
      ["critical", "--act", "nope", "--sigma-b2", "0"],
      () => actlab.critical({ act: "nope", sigmaB2: 0 }),
    ],
    [
      [
        "jacobian",
        "--act",
        "tanh",
        "--init",
        "he-normal",
        "--depth",
        "2",
        "--width",
        "300",
      ],
      () =>
        actlab.jacobian({
          act: "tanh",
          init: "he-normal",
          depth: 2,
          width: 300,
        }),
    ],
    [
      [
        "propagate",
        "--act",
        "tanh",
        "--sigma-w2",
        "1",
        "--depth",
        "2",
        "--width",
        "4",
        "--batch",
        "2",
      ],
      () =>
        actlab.propagateAt({
          act: "tanh",
          sigmaW2: 1,
          depth: 2,
          width: 4,
          batch: 2,
        }),
    ],
  ];
  for (const [args, call] of cases) {
    test(args.join(" "), () => {
      const native = cliFailure(args);
      assert.equal(native.status, 2);
      assert.throws(call, {
        name: "ActlabError",
        message: native.stderr.replace(/^actlab: /, ""),
      });
    });
  }
});
