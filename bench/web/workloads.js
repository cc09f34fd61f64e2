// The benchmark's workloads (bench/README.md), shared by the harness (bench/chromium.mjs), the
// bench page's workers and, by name, the native `actlab_bench --serve`.
export const WORKLOADS = {
  // The propagate experiment: forward, backward, every per-layer statistic and histogram.
  p1: {
    kind: "propagate",
    depth: 50,
    width: 256,
    batch: 256,
    label: "P1 propagate L50 N256 B256",
  },
  // The page's propagation figure at the size (web/state.js may default to a smaller batch).
  p2: {
    kind: "propagate",
    depth: 20,
    width: 128,
    batch: 256,
    label: "P2 propagate L20 N128 B256",
  },
  // Value and derivative of every activation on 10^6 evenly spaced points of [-6, 6].
  c1: {
    kind: "curves",
    points: 1000000,
    from: -6,
    to: 6,
    label: "C1 curves 12 x 1e6",
  },
};

// What every propagate workload shares: the engine's defaults for the rest (input and upstream
// gradient N(0, 1), zero biases, 64 bins, saturation below 0.1 sup|phi'|).
export const PROPAGATE = {
  act: "tanh",
  init: "glorot-uniform",
  bins: 64,
  saturationEps: 0.1,
};
