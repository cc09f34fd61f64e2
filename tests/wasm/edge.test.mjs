// The edge of chaos in WebAssembly against the native CLI, to the bit: `actlab measure`'s
// measured and theoretical layers (the measurement sums each entry in one order, in double,
// with the portable activations), the phase diagram's cells against `actlab theory`, the
// constants the page reads, and bad input as the CLI's message.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { ActlabError } from "../../wasm/api.mjs";
import { cli, cliFailure, loadModule } from "./module.mjs";

let actlab;
before(async () => {
  ({ actlab } = await loadModule());
});

const json = (args) => JSON.parse(cli([...args, "--format", "json"]));
const finite = (x) => (Number.isFinite(x) ? x : null);

describe("measure", () => {
  const points = [
    { act: "tanh", sigmaW2: 1.5, sigmaB2: 0.05, depth: 6, width: 64, pairs: 3 },
    { act: "relu", sigmaW2: 2, sigmaB2: 0, depth: 5, width: 48, c0: 0.2 },
    { act: "selu", sigmaW2: 1, sigmaB2: 0, depth: 4, width: 32, seed: 7 },
    { act: "gelu", sigmaW2: 2.5, sigmaB2: 0.1, depth: 4, width: 40, q0: 2 },
    { act: "relu", sigmaW2: 100, sigmaB2: 0, depth: 200, width: 8, pairs: 1 },
  ];
  for (const p of points) {
    test(`${JSON.stringify(p)} equals \`actlab measure\` to the bit`, () => {
      const flags = {
        act: "act",
        sigmaW2: "sigma-w2",
        sigmaB2: "sigma-b2",
        depth: "depth",
        width: "width",
        pairs: "pairs",
        c0: "c0",
        q0: "q0",
        seed: "seed",
      };
      const args = ["measure"];
      for (const [key, value] of Object.entries(p))
        args.push(`--${flags[key]}`, String(value));
      const native = json(args);
      const wasm = actlab.measure(p);
      for (const key of ["q_star", "chi1", "xi_c", "c_star", "trainable_depth"])
        assert.equal(wasm[key], native[key], key);
      assert.equal(wasm.width, native.width);
      assert.equal(wasm.pairs, native.pairs);
      const layers = Array.from(wasm.layers.index, (index, i) => ({
        index,
        q: finite(wasm.layers.q[i]),
        c: finite(wasm.layers.c[i]),
        q_theory: finite(wasm.layers.q_theory[i]),
        c_theory: finite(wasm.layers.c_theory[i]),
      }));
      assert.deepEqual(layers, native.layers);
    });
  }

  test("bad input throws the CLI's message", () => {
    const bad = { act: "tanh", sigmaW2: 1, sigmaB2: 0, pairs: 0 };
    const { status, stderr } = cliFailure([
      "measure",
      "--act",
      "tanh",
      "--sigma-w2",
      "1",
      "--sigma-b2",
      "0",
      "--pairs",
      "0",
    ]);
    assert.equal(status, 2);
    assert.throws(
      () => actlab.measure(bad),
      (error) =>
        error instanceof ActlabError && `actlab: ${error.message}` === stderr,
    );
    assert.throws(
      () => actlab.measure({ act: "tanh", sigmaW2: "1", sigmaB2: 0 }),
      ActlabError,
    );
  });
});

describe("phaseDiagram", () => {
  test("every cell is `actlab theory`'s fixed point to the bit", () => {
    const grid = actlab.phaseDiagram({
      act: "tanh",
      sigmaW2: [0.5, 3.5],
      sigmaB2: [0, 0.3],
      cells: [3, 2],
    });
    assert.deepEqual(Array.from(grid.sigma_w2), [1, 2, 3]);
    let chaotic = 0;
    for (let j = 0; j < 2; j++)
      for (let i = 0; i < 3; i++) {
        const native = json([
          "theory",
          "--act",
          "tanh",
          "--sigma-w2",
          String(grid.sigma_w2[i]),
          "--sigma-b2",
          String(grid.sigma_b2[j]),
          "--depth",
          "1",
        ]);
        assert.equal(finite(grid.chi1[j * 3 + i]), native.chi1);
        // The colour: xi_c in both phases, c* < 1 in the chaotic one.
        assert.equal(finite(grid.xi_c[j * 3 + i]), native.xi_c);
        if (native.chi1 > 1) chaotic++;
      }
    assert.ok(chaotic >= 2, `${chaotic} chaotic cells`);
  });

  test("a bad window throws the engine's message, with its limits and the values", () => {
    const { maxSigmaW2, maxPhaseCells } = actlab.edgeConstants();
    const bad = (given, message) =>
      assert.throws(
        () =>
          actlab.phaseDiagram({
            act: "tanh",
            sigmaW2: [1, 2],
            sigmaB2: [0, 1],
            cells: [4, 4],
            ...given,
          }),
        (e) => e instanceof ActlabError && e.message === message,
      );
    bad(
      { sigmaW2: [2, 1] },
      `--sigma-w2: the diagram must run over 0 < from < to <= ${maxSigmaW2}, got 2 to 1`,
    );
    bad(
      { cells: [4, maxPhaseCells + 1] },
      `--cells: must be integers from 1 to ${maxPhaseCells}, got 4 x ${maxPhaseCells + 1}`,
    );
  });
});

describe("constants and initializers", () => {
  test("the trainable depth is 6 xi_c and the initializers' sigma_w2 are the formulas'", () => {
    assert.equal(actlab.edgeConstants().trainableDepthScales, 6);
    const n = 256;
    const w2 = (init) => actlab.initSigmaW2({ init, fanIn: n });
    assert.ok(Math.abs(w2("he-uniform") - 2) < 1e-15);
    assert.ok(Math.abs(w2("glorot-uniform") - 1) < 1e-15);
    assert.ok(Math.abs(w2("lecun-normal") - 1) < 1e-15);
    assert.ok(Math.abs(w2("standard") - 1 / 3) < 1e-15); // U(+-1/sqrt n): 1 / (3 n)
  });

  test("propagationTheory's ReLU with He keeps the variance: q_l = 2 q_(l-1) / 2", () => {
    const t = actlab.propagationTheory({
      act: "relu",
      init: "he-normal",
      depth: 4,
      width: 16,
      batch: 2,
    });
    for (const q of t.layers.q) assert.ok(Math.abs(q - 2) < 1e-12, q);
    for (const chi of t.layers.chi) assert.ok(Math.abs(chi - 1) < 1e-12, chi);
  });
});
