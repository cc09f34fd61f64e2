// The training lab in WebAssembly against the native CLI, and the page's incremental Trainer:
// the same log and CSV for a seed, bit for bit, the same CSV when stepped in pieces,
// memory that stays flat, and the CLI's messages for bad input.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { cli, cliFailure, loadModule } from "./module.mjs";

let actlab;
before(async () => {
  ({ actlab } = await loadModule());
});

const FLAGS = {
  data: "data",
  samples: "samples",
  noise: "noise",
  act: "act",
  alpha: "alpha",
  init: "init",
  initStd: "init-std",
  gain: "gain",
  depth: "depth",
  width: "width",
  optimizer: "optimizer",
  lr: "lr",
  weightDecay: "weight-decay",
  batch: "batch",
  steps: "steps",
  seed: "seed",
  logEvery: "log-every",
};

function cliArgs(options) {
  return Object.entries(options).flatMap(([key, value]) => [
    `--${FLAGS[key]}`,
    String(value),
  ]);
}

// Every optimizer, both output kinds (one logit on two classes, softmax on blobs' three),
// activations built on the engine's float exp and expm1 (tanh, sigmoid, elu, selu, silu),
// without them (relu, leaky-relu, softsign) and on the portable log1p, erfc and tanh (softplus,
// gelu, mish), weight decay, every initializer family, batches that do and do not divide the
// samples, a gradient over more than one GEMM block (k = 300 samples > 256), and a run that
// diverges.
const CONFIGS = [
  { data: "moons", act: "tanh", init: "glorot-uniform", depth: 3, width: 16 },
  {
    data: "blobs",
    act: "relu",
    init: "he-normal",
    depth: 4,
    width: 16,
    optimizer: "adam",
    lr: 0.01,
    weightDecay: 0.01,
  },
  {
    data: "spiral",
    act: "gelu",
    init: "lecun-normal",
    depth: 2,
    width: 24,
    optimizer: "momentum",
    lr: 0.05,
    batch: 50,
    seed: 5,
  },
  { data: "circles", act: "sigmoid", init: "standard", depth: 10, width: 32 },
  {
    data: "xor",
    act: "elu",
    alpha: 0.5,
    init: "orthogonal",
    gain: 1.2,
    depth: 8,
    width: 64,
    lr: 0.05,
    batch: 128,
    samples: 300,
    noise: 0.05,
  },
  {
    data: "blobs",
    act: "mish",
    init: "glorot-normal",
    depth: 3,
    width: 12,
    optimizer: "momentum",
    weightDecay: 0.001,
  },
  {
    data: "moons",
    act: "softplus",
    init: "he-uniform",
    optimizer: "adam",
    lr: 0.005,
  },
  {
    data: "circles",
    act: "selu",
    init: "lecun-normal",
    depth: 6,
    width: 20,
    optimizer: "adam",
  },
  {
    data: "spiral",
    act: "leaky-relu",
    init: "he-normal",
    depth: 5,
    batch: 200,
  },
  {
    data: "blobs",
    act: "silu",
    init: "glorot-uniform",
    optimizer: "sgd",
    lr: 0.2,
  },
  {
    data: "xor",
    act: "softsign",
    init: "glorot-uniform",
    optimizer: "momentum",
    batch: 7,
  },
  // Diverges: the log up to the step that did, and that step, are the same too.
  {
    data: "moons",
    act: "relu",
    init: "he-normal",
    depth: 6,
    lr: 60,
    steps: 40,
  },
].map((c) => ({
  depth: 4,
  width: 16,
  optimizer: "sgd",
  lr: 0.1,
  batch: 32,
  steps: 60,
  logEvery: 5,
  ...c,
}));

// The CLI's layers (objects) as the module's columns; null (a NaN in the JSON) as NaN.
function columns(layers) {
  const out = {};
  for (const key of Object.keys(layers[0])) {
    out[key] = layers.map((l) => l[key] ?? NaN);
  }
  return out;
}

describe("train", () => {
  test("gives the native log bit for bit: every optimizer, both outputs, 11 activations", () => {
    const activations = new Set(CONFIGS.map((c) => c.act));
    assert.ok(activations.size >= 11);
    for (const options of CONFIGS) {
      const at = `${options.data} ${options.act} ${options.optimizer}`;
      const wasm = actlab.train(options);
      const native = JSON.parse(cli(["train", ...cliArgs(options)]));
      for (const key of [
        "data",
        "samples",
        "activation",
        "init",
        "depth",
        "optimizer",
        "lr",
        "seed",
        "log_every",
        "diverged_at",
        "divergence",
      ]) {
        assert.equal(wasm[key], native[key], `${at}: ${key}`);
      }
      assert.equal(wasm.steps.length, native.steps.length, at);
      native.steps.forEach((n, i) => {
        const w = wasm.steps[i];
        const where = `${at} step ${n.step}`;
        for (const key of ["step", "loss", "accuracy"]) {
          assert.ok(
            Object.is(w[key], n[key]),
            `${where} ${key}: ${w[key]} vs ${n[key]}`,
          );
        }
        const expected = columns(n.layers);
        for (const [key, values] of Object.entries(expected)) {
          values.forEach((v, j) =>
            assert.ok(
              Object.is(w.layers[key][j], v),
              `${where} layer ${j + 1} ${key}: ${w.layers[key][j]} vs ${v}`,
            ),
          );
        }
      });
      const csv = cli(["train", ...cliArgs(options), "--format", "csv"]);
      assert.equal(wasm.csv, csv, `${at}: csv`);
    }
    assert.ok(
      CONFIGS.some((c) => actlab.train(c).diverged_at !== null),
      "one run diverges",
    );
  });
});

describe("Trainer", () => {
  test("stepped in pieces, gives train()'s entries and CSV to the bit", () => {
    const options = { ...CONFIGS[1], steps: 47, logEvery: 5 };
    const whole = actlab.train(options);
    const trainer = actlab.createTrainer(options);
    let csv = actlab.trainCsvHeader();
    const entries = [];
    for (const k of [1, 3, 10, 0, 20, 13]) {
      for (const e of trainer.step(k).entries)
        (entries.push(e), (csv += e.csv));
    }
    const last = trainer.current();
    if (entries.at(-1).step !== 47) (entries.push(last), (csv += last.csv));
    assert.equal(csv, whole.csv);
    assert.deepEqual(
      entries.map((e) => e.step),
      whole.steps.map((e) => e.step),
    );
    assert.deepEqual(entries.at(-1).layers, whole.steps.at(-1).layers);
    assert.equal(trainer.latest().step, 45);
    trainer.delete();
  });

  test("grid: probabilities that sum to 1 and classify the blobs' centres", () => {
    const trainer = actlab.createTrainer({ ...CONFIGS[1], noise: 0.05 });
    trainer.step(300);
    assert.ok(trainer.latest().accuracy > 0.95);
    const n = 41;
    const p = trainer.grid({ x0: -2, x1: 2, y0: -2, y1: 2, nx: n, ny: n });
    assert.equal(p.length, n * n * 3);
    for (let c = 0; c < n * n; c++) {
      assert.ok(Math.abs(p[3 * c] + p[3 * c + 1] + p[3 * c + 2] - 1) < 1e-5);
    }
    // Centre k = (cos, sin)(pi/2 + 2 pi k / 3): its cell, top row first.
    for (let k = 0; k < 3; k++) {
      const a = Math.PI / 2 + (2 * Math.PI * k) / 3;
      const i = Math.floor(((Math.cos(a) + 2) / 4) * n);
      const j = Math.floor(((2 - Math.sin(a)) / 4) * n);
      const cell = p.subarray(3 * (j * n + i), 3 * (j * n + i) + 3);
      assert.equal(cell.indexOf(Math.max(...cell)), k, `centre ${k}`);
    }
    const data = trainer.data();
    assert.equal(data.x.length, 400);
    assert.equal(data.y.length, 200);
    assert.equal(data.classes, 3);
    trainer.delete();
  });

  test("memory stays flat over 10,000 steps and 100 create/delete cycles", () => {
    const options = {
      data: "moons",
      act: "tanh",
      init: "glorot-uniform",
      depth: 3,
      width: 8,
      optimizer: "adam",
      lr: 0.01,
      batch: 16,
    };
    const trainer = actlab.createTrainer(options);
    trainer.step(100); // step 0 and 10 entries: the entries' buffers at their size
    trainer.step(100);
    trainer.latest();
    trainer.grid({ x0: -1, x1: 1, y0: -1, y1: 1, nx: 20, ny: 20 });
    const during = actlab.memoryInUse();
    for (let i = 0; i < 100; i++) {
      trainer.step(100);
      trainer.latest();
      trainer.grid({ x0: -1, x1: 1, y0: -1, y1: 1, nx: 20, ny: 20 });
    }
    assert.equal(trainer.latest().step, 10200);
    assert.equal(actlab.memoryInUse(), during);
    trainer.delete();
    const before = actlab.memoryInUse();
    for (let i = 0; i < 100; i++) {
      const t = actlab.createTrainer({ ...options, seed: i });
      t.step(5);
      t.delete();
    }
    assert.equal(actlab.memoryInUse(), before);
  });

  test("presets and limits come from the engine", () => {
    const presets = actlab.listTrainPresets();
    assert.deepEqual(
      presets.map((p) => p.id),
      ["glorot-bengio-2010", "he-2015", "adam-hides"],
    );
    assert.equal(presets[1].main.init, "he-normal");
    assert.equal(presets[1].compare.init, "glorot-uniform");
    assert.equal(presets[0].compare, null);
    const limits = actlab.trainLimits();
    assert.equal(limits.maxDepth, 64);
    assert.deepEqual(limits.datasets, [
      "moons",
      "circles",
      "xor",
      "spiral",
      "blobs",
    ]);
  });
});

describe("bad input", () => {
  const ok = {
    data: "moons",
    act: "tanh",
    init: "glorot-uniform",
    depth: 2,
    width: 4,
    optimizer: "sgd",
    lr: 0.1,
    batch: 8,
    steps: 5,
  };
  const cases = [
    { data: "iris" },
    { data: undefined },
    { optimizer: "rmsprop" },
    { lr: -1 },
    { lr: 0 },
    { steps: -5 },
    { samples: 2 },
    { noise: 3 },
    { weightDecay: 2 },
    { logEvery: 0 },
    { seed: 1.5 },
    { depth: 65 },
    { width: 0 },
    { act: "nope" },
    { init: "normal" },
    { samples: 5000, depth: 64, width: 256 },
  ];
  test("throws ActlabError with the CLI's message, from train and createTrainer", () => {
    for (const change of cases) {
      const options = { ...ok, ...change };
      for (const key of Object.keys(options))
        if (options[key] === undefined) delete options[key];
      const native = cliFailure(["train", ...cliArgs(options)]);
      assert.equal(native.status, 2, JSON.stringify(change));
      const expected = native.stderr.replace(/^actlab: /, "");
      assert.throws(() => actlab.train(options), {
        name: "ActlabError",
        message: expected,
      });
      assert.throws(() => actlab.createTrainer(options), {
        name: "ActlabError",
        message: expected,
      });
    }
  });
  test("types are checked as the CLI parses flags", () => {
    assert.throws(() => actlab.train({ ...ok, lr: "fast" }), {
      name: "ActlabError",
      message: "--lr: expected a finite decimal number, got a string 'fast'",
    });
    // Options are read, never coerced: an array id, null options and a throwing getter.
    assert.throws(() => actlab.train({ ...ok, act: ["tanh"] }), {
      name: "ActlabError",
      message: "--act: expected an id (a string), got an array",
    });
    assert.throws(() => actlab.createTrainer(null), { name: "ActlabError" });
    const hostile = {
      get lr() {
        throw new Error("boom");
      },
    };
    assert.throws(() => actlab.train(hostile), {
      name: "ActlabError",
      message: "options.lr: could not be read",
    });
    assert.throws(() => actlab.train({ ...ok, depth: 2.5 }), {
      name: "ActlabError",
      message: "--depth: expected an integer, got '2.5'",
    });
    const t = actlab.createTrainer(ok);
    assert.throws(() => t.step(-1), { name: "ActlabError" });
    assert.throws(() => t.grid({ x0: 1, x1: 0, y0: 0, y1: 1, nx: 2, ny: 2 }), {
      name: "ActlabError",
    });
    t.delete();
  });
});
