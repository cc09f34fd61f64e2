// Ranges and stretches the figures draw over, pure so that node tests can check them.

// The stretches [z_i, z_j] of the grid where |phi'| equals its supremum (to rounding): where
// a dashed sup level belongs (ReLU's z >= 0, the identity's whole axis).
export function supStretches(z, derivative, sup) {
  const stretches = [];
  let start = null;
  for (let i = 0; i <= z.length; i++) {
    const at =
      i < z.length && Math.abs(derivative[i]) >= sup * (1 - 1e-9) && sup > 0;
    if (at && start === null) start = i;
    if (!at && start !== null) {
      stretches.push([z[start], z[i - 1]]);
      start = null;
    }
  }
  return stretches;
}

// The y range of a chart in compare mode: the chosen activation's, widened for the compared
// ones only up to 1.5 times its own reach (at least 1.1, so that SELU's 1.05 fits), so that SELU's 6 or ReLU's 6 does not
// flatten the sigmoid's 0..1; a compared curve beyond that leaves the frame.
export function compareRange(primary, others) {
  const finite = (a) => Array.from(a).filter(Number.isFinite);
  const own = finite(primary);
  let lo = Math.min(...own);
  let hi = Math.max(...own);
  const reach = Math.max(1.1, 1.5 * Math.max(Math.abs(lo), Math.abs(hi)));
  for (const values of others) {
    const v = finite(values);
    if (!v.length) continue;
    lo = Math.min(lo, Math.max(-reach, Math.min(...v)));
    hi = Math.max(hi, Math.min(reach, Math.max(...v)));
  }
  const pad = 0.05 * (hi - lo || 1);
  return [lo - pad, hi + pad];
}

// A linear axis symmetric about 0: at least [-floor, floor], widened to a round bound (1, 2 or
// 5 times a power of ten) that holds the data, so that noise about 0 reads as noise.
export function symmetricRange(min, max, floor = 1) {
  const reach = Math.max(
    ...[min, max].filter(Number.isFinite).map(Math.abs),
    0,
  );
  if (reach <= floor) return [-floor, floor];
  const e = Math.floor(Math.log10(reach));
  const bound = [1, 2, 5, 10]
    .map((m) => m * 10 ** e)
    .find((b) => b >= reach * (1 - 1e-12));
  return [-bound, bound];
}
