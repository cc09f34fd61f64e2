// The parameters of the dynamical-isometry figure ("iso." keys of the URL) and of SELU's
// moment field ("selumap."), in web/state.js's table form, and the iso figure's work budget.
// The Jacobian's width and the field's omega and tau are the engine's (the catalog's
// isometryConstants(): jacobian.hpp, selu_moment_field.hpp); the rest are the page's ranges,
// narrowed so that a view recomputes quickly (the engine's errors remain the last line of
// defence).
import { WEIGHT_RUNS } from "./ops.js";

export const ISO_LIMITS = {
  depth: [1, 200],
  sw2: [0.1, 10],
  sb2: [0, 2],
  sx: [0.01, 10],
};

// One view's work, runs x L x N^3 (the product J_l = D_l W_l J_{l-1} and the SVD, each N^3
// per layer or run), and the most that stays quick: ISO_BUDGET is measured in
// bench/isometry.mjs: 0.15 s for L = 32, N = 128 with both kinds of weights with Eigen's SVD;
// with the bitwise Jacobi SVD since, 0.38 s in node at load 6 (bench/README.md, round 5).
export const ISO_BUDGET = 1.4e8;

export function isometryWork({ weights, depth, width }) {
  return WEIGHT_RUNS[weights].length * (depth + 1) * width ** 3;
}

// kinds: the builders of web/state.js ({int, float, choice, alpha}); seed: its seed spec.
export function isometrySchema(catalog, { int, float, choice, alpha }, seed) {
  const acts = catalog.activations.map((a) => a.id);
  return {
    phi: choice(acts, acts.includes("tanh") ? "tanh" : acts[0]),
    alpha: alpha("phi"),
    weights: choice(Object.keys(WEIGHT_RUNS), "both"),
    depth: int(...ISO_LIMITS.depth, 32),
    width: int(2, catalog.isometry.maxJacobianWidth, 128),
    sw2: float(...ISO_LIMITS.sw2, 1),
    sb2: float(...ISO_LIMITS.sb2, 0),
    sx: float(...ISO_LIMITS.sx, 1),
    seed,
  };
}

export function fieldSchema(catalog, { float }) {
  const { maxFieldOmega, fieldTau } = catalog.isometry;
  return {
    omega: float(-maxFieldOmega, maxFieldOmega, 0),
    tau: float(...fieldTau, 1),
  };
}

// The largest value of `name` that keeps the view within ISO_BUDGET (the work grows with it).
function largestFitting(values, name) {
  let [lo, hi] = [1, values[name]];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (isometryWork({ ...values, [name]: mid }) <= ISO_BUDGET) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Over budget, the depth gives way (the width when the reader just set the depth); notice:
// web/state.js's notice(key, given, used, reason).
export function fitIsometry(values, notices, changed, notice) {
  if (!(values.weights in WEIGHT_RUNS)) return; // the empty schema, before the catalog
  const order = changed === "depth" ? ["width", "depth"] : ["depth", "width"];
  for (const name of order) {
    if (isometryWork(values) <= ISO_BUDGET) return;
    const fitted = largestFitting(values, name);
    if (fitted !== values[name]) {
      notices.push(
        notice(`iso.${name}`, String(values[name]), fitted, "budget"),
      );
      values[name] = fitted;
    }
  }
}
