// The theory's per-layer prediction beside a propagate (figures 2-5): the same options, so
// the same sigma_w2 = fan_in Var(W) per layer, sigma_b2 and q_0 = input std^2.
export function theoryLayers(actlab, options) {
  return actlab.propagationTheory(options).layers;
}
