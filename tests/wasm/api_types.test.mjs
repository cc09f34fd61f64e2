// The JS API against every wrong type: each throws an ActlabError naming the option, never a
// TypeError or a raw error; numbers in messages are written by the engine's one formatter, so
// the module's messages are the CLI's, letter for letter.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { ActlabError } from "../../wasm/api.mjs";
import { cliFailure, loadActlab } from "./module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

const hostile = {
  throwing: {
    toString() {
      throw new Error("toString ran");
    },
    valueOf() {
      throw new Error("valueOf ran");
    },
  },
};

// Every value of a wrong type, with how the message describes it.
const WRONG = [
  [Symbol("s"), "a symbol"],
  [hostile.throwing, "an object"],
  [["relu"], "an array"],
  [[1], "an array"],
  [{}, "an object"],
  [null, "null"],
  [true, "a boolean 'true'"],
  [10n, "a bigint"],
  [() => 1, "a function"],
  ["5", "a string '5'"],
  ["a\nb", "a string 'a\\nb'"],
  [Number.NaN, "'NaN'"],
  [Number.POSITIVE_INFINITY, "'Infinity'"],
];

function throwsActlab(call, message) {
  assert.throws(call, (error) => {
    assert.ok(
      error instanceof ActlabError,
      `${error?.name}: ${error?.message}`,
    );
    if (message instanceof RegExp) assert.match(error.message, message);
    else if (message !== undefined) assert.equal(error.message, message);
    return true;
  });
}

const net = { act: "tanh", init: "he-normal", depth: 3, width: 8, batch: 4 };

describe("no options, or options that are not an object", () => {
  test("propagate(null), curve(null), bound(null): the 'required' messages", () => {
    throwsActlab(() => actlab.propagate(null), /^--act: required; valid: /);
    throwsActlab(() => actlab.curve(null), /^--act: required; valid: /);
    throwsActlab(() => actlab.bound(null), /^--act: required; valid: /);
    throwsActlab(() => actlab.propagate(), /^--act: required; valid: /);
    throwsActlab(() => actlab.saturationRegions(null), /^--act: required/);
    throwsActlab(() => actlab.describeActivation(null), /^--act: required/);
  });
  for (const value of [1, "relu", ["relu"], Symbol("x"), () => 1, true]) {
    test(`options ${typeof value} ${Array.isArray(value) ? "array" : ""}`, () => {
      for (const call of ["propagate", "curve", "bound", "saturationRegions"]) {
        throwsActlab(
          () => actlab[call](value),
          /^options: expected an object, got /,
        );
      }
    });
  }
  test("a getter that throws", () => {
    const options = { ...net };
    Object.defineProperty(options, "depth", {
      get() {
        throw new Error("getter ran");
      },
    });
    throwsActlab(
      () => actlab.propagate(options),
      "options.depth: could not be read",
    );
  });
});

describe("every option with every wrong type", () => {
  const numbers = [
    ["curve", { act: "tanh" }, "from", "from", "finite decimal number"],
    ["curve", { act: "tanh" }, "to", "to", "finite decimal number"],
    ["curve", { act: "tanh" }, "alpha", "alpha", "finite decimal number"],
    ["curve", { act: "tanh" }, "points", "points", "integer"],
    [
      "saturationRegions",
      { act: "tanh" },
      "eps",
      "saturation-eps",
      "finite decimal number",
    ],
    ["bound", { act: "tanh" }, "depth", "depth", "integer"],
    ["propagate", net, "initStd", "init-std", "finite decimal number"],
    ["propagate", net, "gain", "gain", "finite decimal number"],
    ["propagate", net, "depth", "depth", "integer"],
    ["propagate", net, "width", "width", "integer"],
    ["propagate", net, "batch", "batch", "integer"],
    ["propagate", net, "inputDim", "input-dim", "integer"],
    ["propagate", net, "inputStd", "input-std", "finite decimal number"],
    ["propagate", net, "biasStd", "bias-std", "finite decimal number"],
    ["propagate", net, "seed", "seed", "finite decimal number"],
    ["propagate", net, "bins", "bins", "integer"],
    [
      "propagate",
      net,
      "saturationEps",
      "saturation-eps",
      "finite decimal number",
    ],
  ];
  for (const [call, base, key, flag, expected] of numbers) {
    test(`${call} ${key}`, () => {
      for (const [value, described] of WRONG) {
        if (value === null) continue; // null is a wrong type here too, but below
        throwsActlab(
          () => actlab[call]({ ...base, [key]: value }),
          `--${flag}: expected ${expected === "integer" ? "an integer" : "a finite decimal number"}, got ${described}`,
        );
      }
      throwsActlab(
        () => actlab[call]({ ...base, [key]: null }),
        `--${flag}: expected ${expected === "integer" ? "an integer" : "a finite decimal number"}, got null`,
      );
    });
  }
  const ids = [
    ["curve", { act: "tanh" }, "act"],
    ["bound", { act: "tanh", depth: 3 }, "act"],
    ["describeActivation", { act: "tanh" }, "act"],
    ["saturationRegions", { act: "tanh" }, "act"],
    ["propagate", net, "act"],
    ["propagate", net, "init"],
  ];
  for (const [call, base, key] of ids) {
    test(`${call} ${key}: only a string`, () => {
      for (const [value, described] of WRONG) {
        if (value === null || typeof value === "string") continue;
        throwsActlab(
          () => actlab[call]({ ...base, [key]: value }),
          `--${key}: expected an id (a string), got ${described}`,
        );
      }
    });
  }
  test("an array is not coerced to its element", () => {
    throwsActlab(
      () => actlab.curve({ act: ["relu"] }),
      /^--act: expected an id/,
    );
    throwsActlab(
      () => actlab.curve({ act: "relu", points: [5] }),
      /^--points: expected an integer/,
    );
  });
  test("the module keeps working after all of them", () => {
    assert.equal(actlab.curve({ act: "relu", points: 3 }).value[2], 6);
    assert.equal(actlab.propagate(net).layers.index.length, 3);
  });
});

describe("one number formatter: the module's messages are the CLI's", () => {
  const cases = [
    [
      { act: "tanh", from: 1.0000001, to: 1 },
      ["--from", "1.0000001", "--to", "1"],
    ],
    [{ act: "tanh", from: -1e5 }, ["--from", "-1e5"]],
    [{ act: "tanh", from: 12345.678 }, ["--from", "12345.678"]],
    [
      { act: "tanh", from: 0.1 + 0.2, to: 0.3 },
      ["--from", "0.30000000000000004", "--to", "0.3"],
    ],
    [
      { act: "elu", alpha: 10.000000001 },
      ["--act", "elu", "--alpha", "10.000000001"],
    ],
    [
      { act: "leaky-relu", alpha: 1e-320 - 1 },
      ["--act", "leaky-relu", "--alpha", "-1"],
    ],
  ];
  for (const [options, args] of cases) {
    test(`curve ${JSON.stringify(options)}`, () => {
      const cliArgs = args.includes("--act")
        ? args
        : ["--act", options.act, ...args];
      const native = cliFailure(["curve", ...cliArgs]);
      assert.equal(native.status, 2);
      throwsActlab(
        () => actlab.curve(options),
        native.stderr.replace(/^actlab: /, ""),
      );
    });
  }
  test("saturationRegions' eps 1.0000001 as the CLI's --saturation-eps", () => {
    const native = cliFailure([
      "propagate",
      ...[
        "--act",
        "tanh",
        "--init",
        "he-normal",
        "--depth",
        "3",
        "--width",
        "8",
      ],
      ...["--batch", "4", "--saturation-eps", "1.0000001"],
    ]);
    const message = native.stderr.replace(/^actlab: /, "");
    assert.equal(
      message,
      "--saturation-eps: must be a number between 0 and 1 (exclusive), got 1.0000001",
    );
    throwsActlab(
      () => actlab.saturationRegions({ act: "tanh", eps: 1.0000001 }),
      message,
    );
    throwsActlab(
      () => actlab.propagate({ ...net, saturationEps: 1.0000001 }),
      message,
    );
  });
  test("a subnormal is a finite number in both", () => {
    const z = actlab.curve({ act: "tanh", from: -1, to: 1e-310, points: 2 }).z;
    assert.equal(z[1], 1e-310);
  });
});
