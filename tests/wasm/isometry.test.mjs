// The dynamical-isometry figure's engine parts in WebAssembly: SELU's moment field against
// `actlab selu-field` to the bit (the quadrature is + - * /, sqrt and the portable exp on both
// targets), and the singular-value histogram against a direct count of the same values.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { cli, cliFailure, loadModule } from "./module.mjs";

let actlab;
before(async () => {
  ({ actlab } = await loadModule());
});

// Typed arrays as plain arrays, for deepEqual against parsed JSON.
function plain(value) {
  if (ArrayBuffer.isView(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, plain(v)]),
    );
  return value;
}

describe("seluMomentField", () => {
  for (const [omega, tau] of [
    [0, 1],
    [0.25, 1.2],
    [-1, 0.5],
    [0, 2],
  ]) {
    test(`omega ${omega}, tau ${tau} equals \`actlab selu-field\` to the bit`, () => {
      const native = JSON.parse(
        cli([
          "selu-field",
          "--omega",
          `${omega}`,
          "--tau",
          `${tau}`,
          "--format",
          "json",
        ]),
      );
      assert.deepEqual(plain(actlab.seluMomentField({ omega, tau })), native);
    });
  }

  test("bad omega and tau throw the CLI's message", () => {
    for (const [flag, value, option] of [
      ["--omega", "1.5", { omega: 1.5 }],
      ["--tau", "0.25", { tau: 0.25 }],
    ]) {
      const native = cliFailure(["selu-field", flag, value]);
      assert.equal(native.status, 2);
      assert.throws(() => actlab.seluMomentField(option), {
        name: "ActlabError",
        message: native.stderr.replace(/^actlab: /, ""),
      });
    }
    assert.throws(
      () => actlab.seluMomentField({ tau: "1" }),
      /--tau: expected a finite decimal number/,
    );
  });
});

describe("spectrumHistogram", () => {
  test("counts the spectra of two real Jacobians in the bins that hold each value", () => {
    const spectra = [
      actlab.jacobian({
        act: "relu",
        sigmaW2: 2,
        sigmaB2: 0,
        depth: 12,
        width: 48,
      }).singular_values,
      actlab.jacobian({ act: "tanh", init: "orthogonal", depth: 12, width: 48 })
        .singular_values,
    ];
    const h = actlab.spectrumHistogram(spectra);
    const bins = h.edges.length - 1;
    assert.ok(bins > 1 && bins <= 64);
    assert.ok([1, 2, 5, 10, 20, 50].includes(h.bins_per_decade));
    for (let k = 0; k < bins; k++) {
      const power =
        Math.log10(Math.sqrt(h.edges[k] * h.edges[k + 1])) * h.bins_per_decade;
      assert.ok(Math.abs(power - Math.round(power)) < 1e-9, `${k}`);
    }
    spectra.forEach((s, i) => {
      const zero = s.length * Number.EPSILON * Math.max(...s);
      const want = new Array(bins).fill(0);
      let zeros = 0;
      for (const x of s) {
        if (!(x > zero)) {
          zeros++;
          continue;
        }
        const k = h.edges.findIndex(
          (e, j) => j < bins && x >= e && x < h.edges[j + 1],
        );
        assert.ok(k >= 0, `${x}`);
        want[k]++;
      }
      assert.deepEqual(Array.from(h.counts[i]), want);
      assert.equal(h.zeros[i], zeros);
    });
    // ReLU cuts about half of the directions: those singular values are 0.
    assert.ok(h.zeros[0] > 12);
  });

  test("rejects what is not a list of non-negative spectra", () => {
    for (const bad of ["x", [[1, -1]], [[Number.NaN]], [{}]])
      assert.throws(() => actlab.spectrumHistogram(bad), /spectra: expected/);
  });
});
