// The module's JS API: a thin wrapper over the raw Embind bindings that gives named
// arguments with the CLI's defaults, checks argument types the way the CLI parses its flags,
// and throws an ActlabError carrying the CLI's message for bad input.
import { wrapTrain } from "./train_api.mjs";
import { wrapTheory } from "./theory_api.mjs";

export class ActlabError extends Error {
  constructor(message) {
    super(message);
    this.name = "ActlabError";
  }
}

const INT32_MAX = 2147483647;

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

// What a message says a value was: numbers and strings as the engine writes them (number_text,
// quoted_text: the CLI's own formatter), every other type by its kind; nothing is converted
// (a Symbol or an object whose toString throws is described, not stringified).
function describe(raw, value) {
  switch (typeof value) {
    case "number":
      return `'${raw.numberText(value)}'`;
    case "string":
      return `a string ${raw.quotedText(value)}`;
    case "boolean":
      return `a boolean '${value}'`;
    case "bigint":
      return "a bigint";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (value === null) return "null";
      return Array.isArray(value) ? "an array" : "an object";
  }
}

// A finite number, as `actlab --FLAG X` accepts it; undefined takes the fallback.
function number(raw, flag, value, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ActlabError(
      `--${flag}: expected a finite decimal number, got ${describe(raw, value)}`,
    );
  }
  return value;
}

function integer(raw, flag, value, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
    throw new ActlabError(
      `--${flag}: expected an integer, got ${describe(raw, value)}`,
    );
  }
  return value;
}

// alpha: undefined means the activation's default, which the core reads as NaN.
function alphaOf(raw, alpha) {
  return number(raw, "alpha", alpha, Number.NaN);
}

// An id: a string; undefined and null are "not given" (the core's "required" message).
function id(raw, flag, value) {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") {
    throw new ActlabError(
      `--${flag}: expected an id (a string), got ${describe(raw, value)}`,
    );
  }
  return value;
}

// The options of a call, read once each (a getter that throws is bad input too); undefined
// and null are no options.
function options(raw, value, keys) {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ActlabError(
      `options: expected an object, got ${describe(raw, value)}`,
    );
  }
  const read = {};
  for (const key of keys) {
    try {
      read[key] = value[key];
    } catch {
      throw new ActlabError(`options.${key}: could not be read`);
    }
  }
  return read;
}

const PROPAGATE_KEYS = [
  "act",
  "alpha",
  "init",
  "initStd",
  "gain",
  "depth",
  "width",
  "batch",
  "inputDim",
  "bottleneckLayer",
  "bottleneckWidth",
  "inputStd",
  "biasStd",
  "seed",
  "bins",
  "saturationEps",
];

// PropagateOptions with their types checked; an absent option stays undefined, which the
// core reads as "not given" and replaces by the CLI's default.
function propagateOptions(raw, given) {
  const o = options(raw, given, PROPAGATE_KEYS);
  return {
    act: id(raw, "act", o.act),
    alpha: number(raw, "alpha", o.alpha, undefined),
    init: id(raw, "init", o.init),
    initStd: number(raw, "init-std", o.initStd, undefined),
    gain: number(raw, "gain", o.gain, undefined),
    depth: integer(raw, "depth", o.depth, undefined),
    width: integer(raw, "width", o.width, undefined),
    batch: integer(raw, "batch", o.batch, undefined),
    inputDim: integer(raw, "input-dim", o.inputDim, undefined),
    bottleneckLayer: integer(
      raw,
      "bottleneck-layer",
      o.bottleneckLayer,
      undefined,
    ),
    bottleneckWidth: integer(
      raw,
      "bottleneck-width",
      o.bottleneckWidth,
      undefined,
    ),
    inputStd: number(raw, "input-std", o.inputStd, undefined),
    biasStd: number(raw, "bias-std", o.biasStd, undefined),
    seed: number(raw, "seed", o.seed, undefined),
    bins: integer(raw, "bins", o.bins, undefined),
    saturationEps: number(raw, "saturation-eps", o.saturationEps, undefined),
  };
}

export function wrapModule(raw) {
  const propagate = (given) =>
    unwrap(raw.propagate(propagateOptions(raw, given)));
  return {
    ...wrapTrain(raw), // the training lab: train, createTrainer, ... (train_api.mjs)
    ...wrapTheory(raw, propagate),

    // [{id, name, formula, derivative, max_derivative, argmax_derivative, max_attained,
    //   bounded, range: [lo|null, hi|null], alpha: {default, min, max, value} | null,
    //   constants: {lambda, alpha} for selu, {} otherwise}]
    listActivations: () => raw.listActivations(),

    // One entry of listActivations, with sup|phi'| and range for the given alpha.
    describeActivation: (given) => {
      const { act, alpha } = options(raw, given, ["act", "alpha"]);
      return unwrap(
        raw.describeActivation(id(raw, "act", act), alphaOf(raw, alpha)),
      );
    },

    // {z, value, derivative}: Float64Arrays, the numbers of `actlab curve`.
    curve: (given) => {
      const { act, alpha, from, to, points } = options(raw, given, [
        "act",
        "alpha",
        "from",
        "to",
        "points",
      ]);
      return unwrap(
        raw.curve(
          id(raw, "act", act),
          alphaOf(raw, alpha),
          number(raw, "from", from, -6),
          number(raw, "to", to, 6),
          integer(raw, "points", points, 241),
        ),
      );
    },

    // [[lo, hi], ...]: where |phi'(z)| < eps sup|phi'| within [from, to].
    saturationRegions: (given) => {
      const { act, alpha, eps, from, to } = options(raw, given, [
        "act",
        "alpha",
        "eps",
        "from",
        "to",
      ]);
      return unwrap(
        raw.saturationRegions(
          id(raw, "act", act),
          alphaOf(raw, alpha),
          number(raw, "saturation-eps", eps, 0.1),
          number(raw, "from", from, -6),
          number(raw, "to", to, 6),
        ),
      );
    },

    // The engine's limits, defaults and number grammar, as `actlab limits` (see Limits).
    limits: () => raw.limits(),

    // [{id, name, formula, reference, needs_std, needs_gain}], as `actlab inits --format json`.
    listInitializers: () => raw.listInitializers(),

    // One forward and backward pass: the numbers of `actlab propagate`, the per-layer series
    // as typed arrays (see Propagation in api.d.ts). Refuses a configuration over the 256 MiB
    // budget before allocating anything.
    propagate,

    // {max_derivative, bound: Float64Array}: (sup|phi'|)^(k+1), k = 0..depth-1.
    bound: (given) => {
      const { act, alpha, depth } = options(raw, given, [
        "act",
        "alpha",
        "depth",
      ]);
      return unwrap(
        raw.bound(
          id(raw, "act", act),
          alphaOf(raw, alpha),
          integer(raw, "depth", depth, Number.NaN),
        ),
      );
    },
  };
}
