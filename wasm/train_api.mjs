// The training lab's JS API (wasm/bindings_train.cpp): the whole run of `actlab train`, and a
// Trainer that the page steps a few updates at a time, its weights staying in the module.
// Options are checked the way the CLI parses its flags; bad input throws an ActlabError with
// the CLI's message. A Trainer holds module memory until delete().
import { ActlabError } from "./api.mjs";

const INT32_MAX = 2147483647;
const MAX_STEPS_PER_CALL = 1000000;
const MAX_GRID = 1024;

function unwrap(result) {
  if (
    result &&
    typeof result === "object" &&
    typeof result.error === "string"
  ) {
    throw new ActlabError(result.error);
  }
  return result;
}

function number(flag, value) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ActlabError(
      `--${flag}: expected a finite decimal number, got '${value}'`,
    );
  }
  return value;
}

function integer(flag, value) {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
    throw new ActlabError(`--${flag}: expected an integer, got '${value}'`);
  }
  return value;
}

function id(value) {
  return typeof value === "string" ? value : String(value ?? "");
}

// TrainOptions with their types checked; absent options stay undefined (the CLI's defaults).
function trainOptions(o = {}) {
  return {
    data: id(o.data),
    samples: integer("samples", o.samples),
    noise: number("noise", o.noise),
    act: id(o.act),
    alpha: number("alpha", o.alpha),
    init: id(o.init),
    initStd: number("init-std", o.initStd),
    gain: number("gain", o.gain),
    depth: integer("depth", o.depth),
    width: integer("width", o.width),
    optimizer: id(o.optimizer),
    lr: number("lr", o.lr),
    weightDecay: number("weight-decay", o.weightDecay),
    batch: integer("batch", o.batch),
    steps: integer("steps", o.steps),
    seed: number("seed", o.seed),
    logEvery: integer("log-every", o.logEvery),
  };
}

function count(name, value, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new ActlabError(
      `${name}: must be an integer from ${lo} to ${hi}, got ${value}`,
    );
  }
  return value;
}

class Trainer {
  constructor(raw, options) {
    // steps is the CLI's run length; a Trainer runs as long as it is stepped.
    const checked = trainOptions({ steps: 0, ...options });
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
    return this.session.step(count("step", k, 0, MAX_STEPS_PER_CALL));
  }

  latest() {
    return this.session.latest();
  }

  current() {
    return this.session.current();
  }

  // Class probabilities at the centres of an nx x ny grid, top row first: Float32Array
  // [ny nx classes].
  grid({ x0, x1, y0, y1, nx, ny }) {
    for (const [name, v] of Object.entries({ x0, x1, y0, y1 })) number(name, v);
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
      count("nx", nx, 1, MAX_GRID),
      count("ny", ny, 1, MAX_GRID),
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
  return {
    // The numbers of `actlab train --format json` (each entry's layers as typed arrays) and
    // `csv`, the text of `actlab train --format csv`.
    train: (options) => unwrap(raw.train(trainOptions(options))),
    createTrainer: (options) => new Trainer(raw, options),
    // [{id, main: TrainOptions, compare: TrainOptions | null}]
    listTrainPresets: () => raw.listTrainPresets(),
    trainLimits: () => raw.trainLimits(),
    trainCsvHeader: () => raw.trainCsvHeader(),
    // Bytes allocated in the module's heap (malloc's in-use count).
    memoryInUse: () => raw.memoryInUse(),
  };
}
