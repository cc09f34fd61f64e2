// The training lab's JS API (wasm/bindings_train.cpp): the whole run of `actlab train`, and a
// Trainer that the page steps a few updates at a time, its weights staying in the module.
// Options are checked the way the CLI parses its flags; bad input throws an ActlabError with
// the CLI's message. A Trainer holds module memory until delete().
import { ActlabError, checksFor, unwrap } from "./checks.mjs";

const MAX_STEPS_PER_CALL = 1000000;
const MAX_GRID = 1024;

const TRAIN_KEYS = [
  "data",
  "samples",
  "noise",
  "act",
  "alpha",
  "init",
  "initStd",
  "gain",
  "depth",
  "width",
  "optimizer",
  "lr",
  "weightDecay",
  "batch",
  "steps",
  "seed",
  "logEvery",
];

// TrainOptions with their types checked; absent options stay undefined (the CLI's defaults),
// or take `defaults`.
function trainOptions(c, given, defaults = {}) {
  const o = { ...c.options(given, TRAIN_KEYS) };
  for (const [key, value] of Object.entries(defaults))
    if (o[key] === undefined) o[key] = value;
  return {
    data: c.id("data", o.data),
    samples: c.integer("samples", o.samples),
    noise: c.number("noise", o.noise),
    act: c.id("act", o.act),
    alpha: c.number("alpha", o.alpha),
    init: c.id("init", o.init),
    initStd: c.number("init-std", o.initStd),
    gain: c.number("gain", o.gain),
    depth: c.integer("depth", o.depth),
    width: c.integer("width", o.width),
    optimizer: c.id("optimizer", o.optimizer),
    lr: c.number("lr", o.lr),
    weightDecay: c.number("weight-decay", o.weightDecay),
    batch: c.integer("batch", o.batch),
    steps: c.integer("steps", o.steps),
    seed: c.number("seed", o.seed),
    logEvery: c.integer("log-every", o.logEvery),
  };
}

function count(c, name, value, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new ActlabError(
      `${name}: must be an integer from ${lo} to ${hi}, got ${c.describe(value)}`,
    );
  }
  return value;
}

class Trainer {
  constructor(raw, c, options) {
    // steps is the CLI's run length; a Trainer runs as long as it is stepped.
    const checked = trainOptions(c, options, { steps: 0 });
    this.c = c;
    this.session = new raw.TrainSession();
    const config = this.session.configure(checked);
    if (config && typeof config.error === "string") {
      this.session.delete();
      throw new ActlabError(config.error);
    }
    this.config = config;
  }

  // Up to k more updates: {entries (each logged one, with its CSV rows), steps_done,
  // diverged_at, divergence}. The first call also logs step 0.
  step(k = 1) {
    return this.session.step(count(this.c, "step", k, 0, MAX_STEPS_PER_CALL));
  }

  latest() {
    return this.session.latest();
  }

  current() {
    return this.session.current();
  }

  // Class probabilities at the centres of an nx x ny grid, top row first: Float32Array
  // [ny nx classes].
  grid(given) {
    const { c } = this;
    const { x0, x1, y0, y1, nx, ny } = c.options(given, [
      "x0",
      "x1",
      "y0",
      "y1",
      "nx",
      "ny",
    ]);
    for (const [name, v] of Object.entries({ x0, x1, y0, y1 }))
      c.number(name, v, Number.NaN);
    if (!(x1 > x0 && y1 > y0)) {
      throw new ActlabError(
        `grid: needs x0 < x1 and y0 < y1, got [${x0}, ${x1}] x [${y0}, ${y1}]`,
      );
    }
    return this.session.grid(
      x0,
      x1,
      y0,
      y1,
      count(c, "nx", nx, 1, MAX_GRID),
      count(c, "ny", ny, 1, MAX_GRID),
    );
  }

  // {x: Float32Array [samples x 2], y: Int32Array, classes}.
  data() {
    return this.session.data();
  }

  delete() {
    this.session.delete();
    this.session = null;
  }
}

export function wrapTrain(raw) {
  const c = checksFor(raw);
  return {
    // The numbers of `actlab train --format json` (each entry's layers as typed arrays) and
    // `csv`, the text of `actlab train --format csv`.
    train: (options) => unwrap(raw.train(trainOptions(c, options))),
    createTrainer: (options) => new Trainer(raw, c, options),
    // [{id, main: TrainOptions, compare: TrainOptions | null}]
    listTrainPresets: () => raw.listTrainPresets(),
    trainLimits: () => raw.trainLimits(),
    trainCsvHeader: () => raw.trainCsvHeader(),
    // Bytes allocated in the module's heap (malloc's in-use count).
    memoryInUse: () => raw.memoryInUse(),
  };
}
