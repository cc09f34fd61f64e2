// The JS API of the mean-field theory (wasm/bindings_theory.cpp), spread into wrapModule's
// object by wasm/api.mjs: named arguments, the CLI's flag checks, ActlabError on bad input.
import { checksFor, unwrap } from "./checks.mjs";

const NETWORK_KEYS = [
  "act",
  "alpha",
  "init",
  "initStd",
  "gain",
  "sigmaW2",
  "sigmaB2",
  "depth",
  "width",
  "batch",
  "inputDim",
  "inputStd",
  "biasStd",
  "seed",
  "bins",
  "saturationEps",
];

// The options propagate and jacobian share, read once and their types checked; undefined: not
// given.
function networkOptions(c, o) {
  return {
    act: c.id("act", o.act),
    alpha: c.number("alpha", o.alpha),
    init: c.id("init", o.init),
    initStd: c.number("init-std", o.initStd),
    gain: c.number("gain", o.gain),
    sigmaW2: c.number("sigma-w2", o.sigmaW2),
    sigmaB2: c.number("sigma-b2", o.sigmaB2),
    depth: c.integer("depth", o.depth),
    width: c.integer("width", o.width),
    batch: c.integer("batch", o.batch),
    inputDim: c.integer("input-dim", o.inputDim),
    inputStd: c.number("input-std", o.inputStd),
    biasStd: c.number("bias-std", o.biasStd),
    seed: c.number("seed", o.seed),
    bins: c.integer("bins", o.bins),
    saturationEps: c.number("saturation-eps", o.saturationEps),
  };
}

export function wrapTheory(raw, propagate) {
  const c = checksFor(raw);
  return {
    // The numbers of `actlab theory`, the layers as typed arrays (see Theory in api.d.ts).
    theory: (given) => {
      const o = c.options(given, [
        "act",
        "alpha",
        "sigmaW2",
        "sigmaB2",
        "depth",
        "q0",
        "c0",
      ]);
      return unwrap(
        raw.theory({
          act: c.id("act", o.act),
          alpha: c.number("alpha", o.alpha),
          sigmaW2: c.number("sigma-w2", o.sigmaW2),
          sigmaB2: c.number("sigma-b2", o.sigmaB2),
          depth: c.integer("depth", o.depth),
          q0: c.number("q0", o.q0),
          c0: c.number("c0", o.c0),
        }),
      );
    },

    // {activation, sigma_b2, sigma_w2, q_star}: `actlab critical`.
    critical: (given) => {
      const o = c.options(given, ["act", "alpha", "sigmaB2"]);
      return unwrap(
        raw.critical(
          c.id("act", o.act),
          c.alphaOf(o.alpha),
          c.number("sigma-b2", o.sigmaB2),
        ),
      );
    },

    // {q, sigma_w2, sigma_b2}: Float64Arrays, the line chi1 = 1 traced by q (log-spaced).
    criticalLine: (given) => {
      const o = c.options(given, ["act", "alpha", "from", "to", "points"]);
      return unwrap(
        raw.criticalLine(
          c.id("act", o.act),
          c.alphaOf(o.alpha),
          c.number("from", o.from, 1e-4),
          c.number("to", o.to, 100),
          c.integer("points", o.points, 200),
        ),
      );
    },

    // {q_star, chi1, xi_q, xi_c, c_star} at one point (null where none), from q0 (default 1).
    fixedPoint: (given) => {
      const o = c.options(given, ["act", "alpha", "sigmaW2", "sigmaB2", "q0"]);
      return unwrap(
        raw.fixedPoint(
          c.id("act", o.act),
          c.alphaOf(o.alpha),
          c.number("sigma-w2", o.sigmaW2),
          c.number("sigma-b2", o.sigmaB2),
          c.number("q0", o.q0, 1),
        ),
      );
    },

    // SELU's moment map at (mu, nu) and its Jacobian (Klambauer et al. 2017).
    seluMomentMap: (given) => {
      const { mu, nu } = c.options(given, ["mu", "nu"]);
      return unwrap(
        raw.seluMomentMap(c.number("mu", mu, 0), c.number("nu", nu, 1)),
      );
    },

    // propagate at (sigmaW2, sigmaB2): weights N(0, sigmaW2 / N), biases N(0, sigmaB2).
    propagateAt: (given) => {
      const o = c.options(given, NETWORK_KEYS);
      const point = unwrap(raw.meanFieldPoint(networkOptions(c, o)));
      return propagate({
        ...o,
        sigmaW2: undefined,
        sigmaB2: undefined,
        init: point.init,
        initStd: point.initStd,
        biasStd: point.biasStd,
      });
    },

    // The numbers of `actlab jacobian` (see JacobianSpectrum in api.d.ts).
    jacobian: (given) =>
      unwrap(raw.jacobian(networkOptions(c, c.options(given, NETWORK_KEYS)))),
  };
}
