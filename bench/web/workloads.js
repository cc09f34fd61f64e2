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
  // Issue 10's T1: training steps of depth 8, width 64, batch 128, 2-D input, tanh, SGD (one
  // logit, binary cross-entropy); a run is T1_STEPS of them, no logging.
  t1: {
    kind: "train",
    depth: 8,
    width: 64,
    batch: 128,
    label: "T1 train 10 steps L8 N64 B128",
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

// T1's run: steps per timed run, and the training options every implementation shares (a run
// of 1280 moons points, batches of 128 from a shuffle per epoch in actlab; TF.js takes fixed
// batches, the arithmetic per step being the same).
export const T1_STEPS = 10;
export const TRAIN = {
  data: "moons",
  samples: 1280,
  act: "tanh",
  init: "glorot-uniform",
  optimizer: "sgd",
  lr: 0.1,
  logEvery: 1000000,
};
