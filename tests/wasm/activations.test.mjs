// The wasm module must give bitwise the numbers of the native build, and throw the CLI's
// message on bad input.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { cli, cliFailure, loadActlab, parseCurveCsv } from "./module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

function firstDifference(a, b) {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const ranges = [
  { from: -700, to: 700, points: 14001 },
  { from: -20, to: 20, points: 4001 },
  { from: -1e4, to: 1e4, points: 2001 },
];

describe("curve", () => {
  test("equals the native CLI bit for bit for every activation", () => {
    const configs = actlab.listActivations().map((a) => ({ act: a.id }));
    configs.push({ act: "leaky-relu", alpha: 0.2 }, { act: "elu", alpha: 2.5 });
    for (const config of configs) {
      for (const grid of ranges) {
        const args = ["curve", "--act", config.act];
        if (config.alpha !== undefined)
          args.push("--alpha", String(config.alpha));
        args.push("--from", String(grid.from), "--to", String(grid.to));
        args.push("--points", String(grid.points));
        const native = parseCurveCsv(cli(args));
        const wasm = actlab.curve({ ...config, ...grid });
        for (const key of ["z", "value", "derivative"]) {
          assert.ok(wasm[key] instanceof Float64Array);
          const i = firstDifference(wasm[key], native[key]);
          assert.equal(
            i,
            -1,
            `${config.act} ${key} at z=${native.z[i]}: wasm ${wasm[key][i]} native ${native[key][i]}`,
          );
        }
      }
    }
  });

  test("uses the CLI's defaults", () => {
    const c = actlab.curve({ act: "sigmoid" });
    assert.equal(c.z.length, 241);
    assert.equal(c.z[0], -6);
    assert.equal(c.z[240], 6);
    assert.equal(c.derivative[120], 0.25);
  });
});

describe("listActivations", () => {
  test("equals `actlab list --format json`", () => {
    assert.deepEqual(
      actlab.listActivations(),
      JSON.parse(cli(["list", "--format", "json"])),
    );
  });

  test("describeActivation carries SELU's constants as the CLI prints them, {} for the others", () => {
    const native = JSON.parse(cli(["list", "--format", "json"])).find(
      (a) => a.id === "selu",
    );
    const { constants } = actlab.describeActivation({ act: "selu" });
    assert.deepEqual(Object.keys(constants).sort(), ["alpha", "lambda"]);
    // Klambauer et al. 2017's lambda and alpha, rounded once to double.
    assert.ok(Object.is(constants.lambda, 1.0507009873554804934193349852946));
    assert.ok(Object.is(constants.alpha, 1.6732632423543772848170429916717));
    assert.deepEqual(constants, native.constants);
    assert.deepEqual(
      actlab.describeActivation({ act: "elu", alpha: 2 }).constants,
      {},
    );
  });

  test("describeActivation resolves alpha", () => {
    const elu = actlab.describeActivation({ act: "elu", alpha: 3 });
    assert.equal(elu.max_derivative, 3);
    assert.deepEqual(elu.range, [-3, null]);
  });
});

describe("bad input", () => {
  const cases = [
    [{ act: "sigmod" }, ["--act", "sigmod"]],
    [{ act: "tanh", points: 1 }, ["--act", "tanh", "--points", "1"]],
    [
      { act: "tanh", points: 1000001 },
      ["--act", "tanh", "--points", "1000001"],
    ],
    [{ act: "tanh", points: 2.5 }, ["--act", "tanh", "--points", "2.5"]],
    [
      { act: "tanh", from: 1, to: 1 },
      ["--act", "tanh", "--from", "1", "--to", "1"],
    ],
    [{ act: "tanh", from: -1e5 }, ["--act", "tanh", "--from", "-1e5"]],
    [{ act: "tanh", from: Number.NaN }, ["--act", "tanh", "--from", "NaN"]],
    [{ act: "leaky-relu", alpha: 5 }, ["--act", "leaky-relu", "--alpha", "5"]],
    [{ act: "tanh", alpha: 0.5 }, ["--act", "tanh", "--alpha", "0.5"]],
  ];
  for (const [config, args] of cases) {
    test(`curve ${JSON.stringify(config)} throws the CLI's message`, () => {
      const native = cliFailure(["curve", ...args]);
      assert.equal(native.status, 2);
      const message = native.stderr.replace(/^actlab: /, "");
      assert.throws(() => actlab.curve(config), {
        name: "ActlabError",
        message,
      });
    });
  }

  test("saturationRegions rejects eps outside (0, 1)", () => {
    assert.throws(
      () => actlab.saturationRegions({ act: "tanh", eps: 1.5 }),
      /--saturation-eps/,
    );
  });

  test("the module keeps working after an error", () => {
    assert.throws(() => actlab.curve({ act: "nope" }));
    assert.equal(actlab.curve({ act: "relu", points: 3 }).value[2], 6);
  });
});

describe("saturationRegions", () => {
  test("sigmoid saturates symmetrically beyond the closed-form edge", () => {
    const eps = 0.1;
    const s = (1 + Math.sqrt(1 - eps)) / 2;
    const edge = Math.log(s / (1 - s));
    const [left, right] = actlab.saturationRegions({
      act: "sigmoid",
      eps,
      from: -10,
      to: 10,
    });
    assert.equal(left[0], -10);
    assert.ok(Math.abs(left[1] + edge) < 1e-9);
    assert.ok(Math.abs(right[0] - edge) < 1e-9);
  });
});
