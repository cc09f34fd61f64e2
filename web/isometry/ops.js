// What the dynamical-isometry figure (section 8) and SELU's moment field (section 5) ask of
// the engine, spread into web/ops.js's OPS: every number from the module (wasm/api.mjs).

// The runs a `weights` choice draws, in the order they are drawn and exported.
export const WEIGHT_RUNS = {
  both: ["gaussian", "orthogonal"],
  gaussian: ["gaussian"],
  orthogonal: ["orthogonal"],
};

// `actlab jacobian`'s options for one run at (sigma_w2, sigma_b2): Gaussian weights
// N(0, sigma_w2 / N) and biases N(0, sigma_b2) by --sigma-w2/--sigma-b2; orthogonal weights
// of gain sqrt(sigma_w2) (N Var(W_ij) = gain^2) and bias std sqrt(sigma_b2).
export function jacobianOptions(
  weights,
  { phi, alpha, depth, width, sw2, sb2, sx, seed },
) {
  const common = {
    act: phi,
    ...(alpha === null || alpha === undefined ? {} : { alpha }),
    depth,
    width,
    inputStd: sx,
    seed,
  };
  return weights === "gaussian"
    ? { ...common, sigmaW2: sw2, sigmaB2: sb2 }
    : {
        ...common,
        init: "orthogonal",
        gain: Math.sqrt(sw2),
        biasStd: Math.sqrt(sb2),
      };
}

export const ISOMETRY_OPS = {
  // The singular values of J for each run, their shared log histogram, and the mean-field
  // fixed point at (sigma_w2, sigma_b2) from q0 = sx^2 (chi1, q*).
  isometry(actlab, values) {
    const runs = WEIGHT_RUNS[values.weights].map((weights) => ({
      weights,
      ...actlab.jacobian(jacobianOptions(weights, values)),
    }));
    const histogram = actlab.spectrumHistogram(
      runs.map((r) => r.singular_values),
    );
    const act =
      values.alpha === null
        ? { act: values.phi }
        : { act: values.phi, alpha: values.alpha };
    const fixed = actlab.fixedPoint({
      ...act,
      sigmaW2: values.sw2,
      sigmaB2: values.sb2,
      q0: values.sx * values.sx,
    });
    return { runs, histogram, fixed };
  },

  // SELU's moment map over the grid, its trajectories and fixed point: `actlab selu-field`.
  seluField(actlab, { omega, tau }) {
    return actlab.seluMomentField({ omega, tau });
  },
};
