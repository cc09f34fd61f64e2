// What each figure asks of the engine, by operation name: OPS[op](actlab, args) takes the
// module's API (wasm/api.mjs) and the figure's arguments and returns the figure's numbers, all
// computed by the engine. The worker runs every operation; the main thread runs the light ones
// (isLight, web/engine.js).
import {
  INIT_FAMILIES,
  LECTURE_ACTIVATIONS,
  SELU_REFERENCE,
  initializerId,
  isSeluReference,
} from "./state.js";
import { train, trainPresets } from "./train/session.js";
import { ISOMETRY_OPS } from "./isometry/ops.js";
import { EDGE_OPS } from "./edge/ops.js";
import { theoryLayers } from "./theory_ops.js";

// Figure 1's curves are light enough for the main thread up to this many evaluations of phi
// and phi' (each curve of n points is n of them; ~0.1 us each, a few ms in all); the page's
// default view needs 241 per curve. Everything else, every propagate, runs in the worker.
const MAIN_THREAD_EVALUATIONS = 20000;

export function isLight(op, args) {
  if (op !== "activation") return false;
  const curves = 1 + args.cmp.length + (args.id ? 1 : 0);
  const points = args.n + (args.drawPoints > args.n ? args.drawPoints : 0);
  return points * curves <= MAIN_THREAD_EVALUATIONS;
}

// The network options every propagation figure shares (PropagateOptions of wasm/api.d.ts).
function network({ depth, width, batch, seed }) {
  return { depth, width, batch, seed };
}

export const OPS = {
  train, // the training figure (web/train/session.js)
  trainPresets,
  ...EDGE_OPS, // the edge of chaos (web/edge/ops.js)
  ...ISOMETRY_OPS, // figure 8 and SELU's moment field (web/isometry/ops.js)
  catalog(actlab) {
    return {
      activations: actlab.listActivations(),
      initializers: actlab.listInitializers(),
      limits: actlab.limits(),
      edge: actlab.edgeConstants(),
      train: actlab.trainLimits(),
      isometry: actlab.isometryConstants(),
      fields: actlab.fields(),
    };
  },

  // Figure 1: phi and phi' of the chosen activation, its saturation regions, the activations
  // compared with it, and the tanh = 2 sigma(2z) - 1 identity from the engine's sigmoid: on
  // the n-point grid (the CSV, as `actlab curve` prints it) and, when the canvas is wider
  // than n points, on a grid of drawPoints for drawing (`plot`).
  activation(
    actlab,
    { phi, alpha, from, to, n, eps, cmp, id, drawPoints = n },
  ) {
    const act = alpha === null ? { act: phi } : { act: phi, alpha };
    const info = actlab.describeActivation(act);
    const regions = actlab.saturationRegions({ ...act, eps, from, to });
    const curves = (points) => {
      const curve = actlab.curve({ ...act, from, to, points });
      const compare = cmp
        .filter((other) => other !== phi)
        .map((other) => ({
          id: other,
          ...actlab.curve({ act: other, from, to, points }),
        }));
      const identity =
        id && phi === "tanh" ? tanhIdentity(actlab, curve.z) : null;
      return { curve, compare, identity };
    };
    const grid = curves(n);
    const plot = drawPoints > n ? curves(drawPoints) : grid;
    return { info, regions, ...grid, plot };
  },

  // Figure 2: the lecture's bound beside the measured per-layer gradients, for each activation,
  // and the weights the bound's assumption is about: drawn from the seed's weight stream
  // whatever the activation, so the same for all five runs (the first run's).
  gradients(actlab, { init, depth, width, batch, seed }) {
    const runs = LECTURE_ACTIVATIONS.map((act) => {
      const bound = actlab.bound({ act, depth });
      const options = { act, init, ...network({ depth, width, batch, seed }) };
      const { layers } = actlab.propagate(options);
      const theory = theoryLayers(actlab, options);
      return {
        act,
        max_derivative: bound.max_derivative,
        bound: bound.bound,
        grad_pre_std: layers.grad_pre_std,
        grad_act_std: layers.grad_act_std,
        example_weight_grad_rms: layers.example_weight_grad_rms,
        theory: {
          grad_pre_std: theory.grad_pre_std,
          example_weight_grad_rms: theory.example_weight_grad_rms,
          chi: theory.chi,
        },
        weights: { max_abs: layers.weight_max_abs, gain: layers.weight_gain },
      };
    });
    return { runs, weights: runs[0].weights };
  },

  // Figure 3: everything the engine measures for one network at initialization.
  propagation(
    actlab,
    { phi, init, istd, depth, width, batch, seed, sx, bins, eps },
  ) {
    const options = {
      act: phi,
      init,
      // Only "normal" takes a std (the schema's values may carry istd for any init).
      ...(istd == null || init !== "normal" ? {} : { initStd: istd }),
      ...network({ depth, width, batch, seed }),
      inputStd: sx,
      bins,
      saturationEps: eps,
    };
    return {
      ...actlab.propagate(options),
      theory: theoryLayers(actlab, options),
    };
  },

  // Figure 4: one activation under the four initializer families; d is the input dimension
  // D, layer 1's fan-in; bn > 0 puts a bottleneck of bnw units at layer bn.
  initializers(
    actlab,
    { phi, dist, depth, width, batch, seed, d = width, bn = 0, bnw = width },
  ) {
    return INIT_FAMILIES.map((family) => {
      const init = initializerId(family, dist);
      const options = {
        act: phi,
        init,
        ...network({ depth, width, batch, seed }),
        inputDim: d,
        ...(bn > 0 ? { bottleneckLayer: bn, bottleneckWidth: bnw } : {}),
      };
      const p = actlab.propagate(options);
      const theory = theoryLayers(actlab, options);
      return {
        family,
        init,
        act_std: p.layers.act_std,
        grad_pre_std: p.layers.grad_pre_std,
        theory: { act_std: theory.act_std, grad_pre_std: theory.grad_pre_std },
        overflow_layer: p.overflow_layer,
        grad_overflow_layer: p.grad_overflow_layer,
      };
    });
  },

  // Figure 5: mean and variance per layer, with SELU + LeCun-normal as the reference.
  selu(actlab, { phi, init, depth, width, batch, seed }) {
    const run = (act, initId) => {
      const options = {
        act,
        init: initId,
        ...network({ depth, width, batch, seed }),
      };
      const p = actlab.propagate(options);
      const theory = theoryLayers(actlab, options);
      // The lecture speaks of the variance: the engine's std, squared.
      return {
        act_mean: p.layers.act_mean,
        act_var: p.layers.act_std.map((s) => s * s),
        theory: {
          act_mean: theory.act_mean,
          act_var: theory.act_std.map((s) => s * s),
        },
      };
    };
    const chosen = run(phi, init);
    return {
      chosen,
      reference: isSeluReference({ phi, init })
        ? null
        : run(SELU_REFERENCE.phi, SELU_REFERENCE.init),
    };
  },
};

// 2 sigma(2z) - 1 and 4 sigma'(2z) on tanh's grid z, from the engine's sigmoid sampled at 2z.
// 2z must stay within the engine's |z| <= absZ, so the identity covers the grid points with
// |z| <= absZ / 2 and is null at the others (`clipped`). Unclipped, the sigmoid's grid is
// tanh's doubled bit for bit (doubling is exact); a clipped sub-grid agrees to rounding.
function tanhIdentity(actlab, z) {
  const limit = actlab.limits().flags.to.max / 2;
  const first = z.findIndex((x) => x >= -limit);
  const last = z.findLastIndex((x) => x <= limit);
  const value = new Array(z.length).fill(null);
  const derivative = new Array(z.length).fill(null);
  const clipped = first !== 0 || last !== z.length - 1;
  if (first >= 0 && last > first) {
    const s = actlab.curve({
      act: "sigmoid",
      from: 2 * z[first],
      to: 2 * z[last],
      points: last - first + 1,
    });
    s.value.forEach((v, j) => (value[first + j] = 2 * v - 1));
    s.derivative.forEach((d, j) => (derivative[first + j] = 4 * d));
  }
  return { value, derivative, clipped, limit };
}
