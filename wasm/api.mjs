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

// A finite number, as `actlab --FLAG X` accepts it; undefined takes the fallback.
function number(flag, value, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ActlabError(
      `--${flag}: expected a finite number, got '${value}'`,
    );
  }
  return value;
}

function integer(flag, value, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
    throw new ActlabError(`--${flag}: expected an integer, got '${value}'`);
  }
  return value;
}

// alpha: undefined means the activation's default, which the core reads as NaN.
function alphaOf(alpha) {
  return number("alpha", alpha, Number.NaN);
}

function activationId(act) {
  return typeof act === "string" ? act : String(act ?? "");
}

function initializerId(init) {
  return typeof init === "string" ? init : String(init ?? "");
}

// PropagateOptions with their types checked; an absent option stays undefined, which the
// core reads as "not given" and replaces by the CLI's default.
function propagateOptions({
  act,
  alpha,
  init,
  initStd,
  gain,
  depth,
  width,
  batch,
  inputDim,
  inputStd,
  biasStd,
  seed,
  bins,
  saturationEps,
} = {}) {
  return {
    act: activationId(act),
    alpha: number("alpha", alpha, undefined),
    init: initializerId(init),
    initStd: number("init-std", initStd, undefined),
    gain: number("gain", gain, undefined),
    depth: integer("depth", depth, undefined),
    width: integer("width", width, undefined),
    batch: integer("batch", batch, undefined),
    inputDim: integer("input-dim", inputDim, undefined),
    inputStd: number("input-std", inputStd, undefined),
    biasStd: number("bias-std", biasStd, undefined),
    seed: number("seed", seed, undefined),
    bins: integer("bins", bins, undefined),
    saturationEps: number("saturation-eps", saturationEps, undefined),
  };
}

export function wrapModule(raw) {
  const propagate = (options) =>
    unwrap(raw.propagate(propagateOptions(options)));
  return {
    ...wrapTrain(raw), // the training lab: train, createTrainer, ... (train_api.mjs)
    ...wrapTheory(raw, propagate),

    // [{id, name, formula, derivative, max_derivative, argmax_derivative, max_attained,
    //   bounded, range: [lo|null, hi|null], alpha: {default, min, max, value} | null,
    //   constants: {lambda, alpha} for selu, {} otherwise}]
    listActivations: () => raw.listActivations(),

    // One entry of listActivations, with sup|phi'| and range for the given alpha.
    describeActivation: ({ act, alpha } = {}) =>
      unwrap(raw.describeActivation(activationId(act), alphaOf(alpha))),

    // {z, value, derivative}: Float64Arrays, the numbers of `actlab curve`.
    curve: ({ act, alpha, from, to, points } = {}) =>
      unwrap(
        raw.curve(
          activationId(act),
          alphaOf(alpha),
          number("from", from, -6),
          number("to", to, 6),
          integer("points", points, 241),
        ),
      ),

    // [[lo, hi], ...]: where |phi'(z)| < eps sup|phi'| within [from, to].
    saturationRegions: ({ act, alpha, eps, from, to } = {}) =>
      unwrap(
        raw.saturationRegions(
          activationId(act),
          alphaOf(alpha),
          number("saturation-eps", eps, 0.1),
          number("from", from, -6),
          number("to", to, 6),
        ),
      ),

    // [{id, name, formula, reference, needs_std, needs_gain}], as `actlab inits --format json`.
    listInitializers: () => raw.listInitializers(),

    // One forward and backward pass: the numbers of `actlab propagate`, the per-layer series
    // as typed arrays (see Propagation in api.d.ts). Refuses a configuration over the 256 MiB
    // budget before allocating anything.
    propagate,

    // {max_derivative, bound: Float64Array}: (sup|phi'|)^(k+1), k = 0..depth-1.
    bound: ({ act, alpha, depth } = {}) =>
      unwrap(
        raw.bound(
          activationId(act),
          alphaOf(alpha),
          integer("depth", depth, Number.NaN),
        ),
      ),
  };
}
