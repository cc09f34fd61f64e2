// The module's JS API: a thin wrapper over the raw Embind bindings that gives named
// arguments with the CLI's defaults, checks argument types the way the CLI parses its flags,
// and throws an ActlabError carrying the CLI's message for bad input.
import { ActlabError, checksFor, unwrap } from "./checks.mjs";
import { wrapTrain } from "./train_api.mjs";
import { wrapEdge } from "./edge_api.mjs";
import { wrapTheory } from "./theory_api.mjs";
import { wrapIsometry } from "./isometry_api.mjs";

export { ActlabError };

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
function propagateOptions(c, given) {
  const o = c.options(given, PROPAGATE_KEYS);
  return {
    act: c.id("act", o.act),
    alpha: c.number("alpha", o.alpha, undefined),
    init: c.id("init", o.init),
    initStd: c.number("init-std", o.initStd, undefined),
    gain: c.number("gain", o.gain, undefined),
    depth: c.integer("depth", o.depth, undefined),
    width: c.integer("width", o.width, undefined),
    batch: c.integer("batch", o.batch, undefined),
    inputDim: c.integer("input-dim", o.inputDim, undefined),
    bottleneckLayer: c.integer(
      "bottleneck-layer",
      o.bottleneckLayer,
      undefined,
    ),
    bottleneckWidth: c.integer(
      "bottleneck-width",
      o.bottleneckWidth,
      undefined,
    ),
    inputStd: c.number("input-std", o.inputStd, undefined),
    biasStd: c.number("bias-std", o.biasStd, undefined),
    seed: c.number("seed", o.seed, undefined),
    bins: c.integer("bins", o.bins, undefined),
    saturationEps: c.number("saturation-eps", o.saturationEps, undefined),
  };
}

export function wrapModule(raw) {
  const c = checksFor(raw);
  const propagate = (given) =>
    unwrap(raw.propagate(propagateOptions(c, given)));
  return {
    ...wrapTrain(raw), // the training lab: train, createTrainer, ... (train_api.mjs)
    ...wrapTheory(raw, propagate),
    ...wrapIsometry(raw), // spectrumHistogram, seluMomentField (isometry_api.mjs)
    ...wrapEdge(raw, (given) => propagateOptions(c, given)), // edge_api.mjs

    // [{id, name, formula, derivative, max_derivative, argmax_derivative, max_attained,
    //   bounded, range: [lo|null, hi|null], alpha: {default, min, max, value} | null,
    //   constants: {lambda, alpha} for selu, {} otherwise}]
    listActivations: () => raw.listActivations(),

    // One entry of listActivations, with sup|phi'| and range for the given alpha.
    describeActivation: (given) => {
      const { act, alpha } = c.options(given, ["act", "alpha"]);
      return unwrap(raw.describeActivation(c.id("act", act), c.alphaOf(alpha)));
    },

    // {z, value, derivative}: Float64Arrays, the numbers of `actlab curve`.
    curve: (given) => {
      const { act, alpha, from, to, points } = c.options(given, [
        "act",
        "alpha",
        "from",
        "to",
        "points",
      ]);
      return unwrap(
        raw.curve(
          c.id("act", act),
          c.alphaOf(alpha),
          c.number("from", from, -6),
          c.number("to", to, 6),
          c.integer("points", points, 241),
        ),
      );
    },

    // [[lo, hi], ...]: where |phi'(z)| < eps sup|phi'| within [from, to].
    saturationRegions: (given) => {
      const { act, alpha, eps, from, to } = c.options(given, [
        "act",
        "alpha",
        "eps",
        "from",
        "to",
      ]);
      return unwrap(
        raw.saturationRegions(
          c.id("act", act),
          c.alphaOf(alpha),
          c.number("saturation-eps", eps, 0.1),
          c.number("from", from, -6),
          c.number("to", to, 6),
        ),
      );
    },

    // The engine's limits, defaults and number grammar, as `actlab limits` (see Limits).
    limits: () => raw.limits(),

    // The records' field names from the engine's tables (see Fields).
    fields: () => raw.fields(),

    // [{id, name, formula, reference, needs_std, needs_gain}], as `actlab inits --format json`.
    listInitializers: () => raw.listInitializers(),

    // One forward and backward pass: the numbers of `actlab propagate`, the per-layer series
    // as typed arrays (see Propagation in api.d.ts). Refuses a configuration over the 256 MiB
    // budget before allocating anything.
    propagate,

    // {max_derivative, bound: Float64Array}: (sup|phi'|)^(k+1), k = 0..depth-1.
    bound: (given) => {
      const { act, alpha, depth } = c.options(given, ["act", "alpha", "depth"]);
      return unwrap(
        raw.bound(
          c.id("act", act),
          c.alphaOf(alpha),
          c.integer("depth", depth, Number.NaN),
        ),
      );
    },
  };
}
