// Figure 2's numbers, counted from the top (k = 0..L-1 is layer L - k): the measured quantity
// per unit of the upstream gradient the backward pass starts from, i.e. divided by the std of
// dL/dh_L = G, so that at k = 0 the z-gradient is the rms of phi'(z_L) (at most sup|phi'|, as
// the lecture's bound says); and where float32 has underflowed to 0.

// values[l] (layer l + 1 at index l), top layer first.
export function fromTop(values) {
  const depth = values.length;
  return Array.from({ length: depth }, (_, k) => values[depth - 1 - k]);
}

// run: one activation's propagate layers (typed arrays of length L).
export function perUpstreamUnit(run, quantity) {
  const upstream = run.grad_act_std[run.grad_act_std.length - 1];
  return fromTop(run[quantity]).map((v) => v / upstream);
}

// The smallest k from which the measured value is exactly 0 at every deeper layer, after a
// nonzero one above: float32 underflow (a log axis cannot show 0). null when it never happens.
export function underflowFrom(measured) {
  let k = measured.length;
  while (k > 0 && measured[k - 1] === 0) k--;
  return k > 0 && k < measured.length ? k : null;
}
