// The JS API of the mean-field theory (wasm/bindings_theory.cpp), spread into wrapModule's
// object by wasm/api.mjs: named arguments, the CLI's flag checks, ActlabError on bad input.
import { ActlabError } from "./api.mjs";

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
  if (!Number.isInteger(value) || Math.abs(value) > 2147483647) {
    throw new ActlabError(`--${flag}: expected an integer, got '${value}'`);
  }
  return value;
}

const text = (value) =>
  typeof value === "string" ? value : String(value ?? "");
const alphaOf = (alpha) => number("alpha", alpha) ?? Number.NaN;

// The options propagate and jacobian share, their types checked; undefined: not given.
function networkOptions(o = {}) {
  return {
    act: text(o.act),
    alpha: number("alpha", o.alpha),
    init: text(o.init),
    initStd: number("init-std", o.initStd),
    gain: number("gain", o.gain),
    sigmaW2: number("sigma-w2", o.sigmaW2),
    sigmaB2: number("sigma-b2", o.sigmaB2),
    depth: integer("depth", o.depth),
    width: integer("width", o.width),
    batch: integer("batch", o.batch),
    inputDim: integer("input-dim", o.inputDim),
    inputStd: number("input-std", o.inputStd),
    biasStd: number("bias-std", o.biasStd),
    seed: number("seed", o.seed),
    bins: integer("bins", o.bins),
    saturationEps: number("saturation-eps", o.saturationEps),
  };
}

export function wrapTheory(raw, propagate) {
  return {
    // The numbers of `actlab theory`, the layers as typed arrays (see Theory in api.d.ts).
    theory: ({ act, alpha, sigmaW2, sigmaB2, depth, q0, c0 } = {}) =>
      unwrap(
        raw.theory({
          act: text(act),
          alpha: number("alpha", alpha),
          sigmaW2: number("sigma-w2", sigmaW2),
          sigmaB2: number("sigma-b2", sigmaB2),
          depth: integer("depth", depth),
          q0: number("q0", q0),
          c0: number("c0", c0),
        }),
      ),

    // {activation, sigma_b2, sigma_w2, q_star}: `actlab critical`.
    critical: ({ act, alpha, sigmaB2 } = {}) =>
      unwrap(
        raw.critical(text(act), alphaOf(alpha), number("sigma-b2", sigmaB2)),
      ),

    // {q, sigma_w2, sigma_b2}: Float64Arrays, the line chi1 = 1 traced by q (log-spaced).
    criticalLine: ({ act, alpha, from = 1e-4, to = 100, points = 200 } = {}) =>
      unwrap(
        raw.criticalLine(
          text(act),
          alphaOf(alpha),
          number("from", from),
          number("to", to),
          integer("points", points),
        ),
      ),

    // {q_star, chi1, xi_q, xi_c, c_star} at one point (null where none), from q0 (default 1).
    fixedPoint: ({ act, alpha, sigmaW2, sigmaB2, q0 = 1 } = {}) =>
      unwrap(
        raw.fixedPoint(
          text(act),
          alphaOf(alpha),
          number("sigma-w2", sigmaW2),
          number("sigma-b2", sigmaB2),
          number("q0", q0),
        ),
      ),

    // SELU's moment map at (mu, nu) and its Jacobian (Klambauer et al. 2017).
    seluMomentMap: ({ mu, nu } = {}) =>
      unwrap(raw.seluMomentMap(number("mu", mu) ?? 0, number("nu", nu) ?? 1)),

    // propagate at (sigmaW2, sigmaB2): weights N(0, sigmaW2 / N), biases N(0, sigmaB2).
    propagateAt: (options = {}) => {
      const checked = networkOptions(options);
      const point = unwrap(raw.meanFieldPoint(checked));
      return propagate({
        ...options,
        sigmaW2: undefined,
        sigmaB2: undefined,
        init: point.init,
        initStd: point.initStd,
        biasStd: point.biasStd,
      });
    },

    // The numbers of `actlab jacobian` (see JacobianSpectrum in api.d.ts).
    jacobian: (options) => unwrap(raw.jacobian(networkOptions(options))),
  };
}
