// The training lab's part of the module's API (wasm/train_api.mjs), joined into Actlab.

export interface TrainOptions {
  data: string; // moons, circles, xor, spiral, blobs
  samples?: number; // 4..5000, default 200
  noise?: number; // 0..2, default 0.1
  act: string;
  alpha?: number;
  init: string;
  initStd?: number;
  gain?: number;
  depth: number; // L hidden layers, 1..64
  width: number; // N, 1..256
  optimizer: string; // sgd, momentum, adam
  lr: number; // (0, 100]
  weightDecay?: number; // 0..1, default 0
  batch: number; // 1..5000; at least samples: full batch
  steps?: number; // 0..1000000: required by train(), unused by a Trainer
  seed?: number; // default 1
  logEvery?: number; // default 10
}

export interface TrainLayers {
  // Length L + 1 each; index L + 1 is the output layer.
  index: Int32Array;
  weight_grad_rms: Float64Array;
  update_ratio: Float64Array; // 0 at step 0
  act_mean: Float64Array;
  act_std: Float64Array;
  saturated: Float64Array;
  dead: Float64Array;
}

export interface TrainEntry {
  step: number;
  loss: number;
  accuracy: number;
  layers: TrainLayers;
  csv?: string; // a Trainer's entries: their rows of `actlab train --format csv`
}

export interface TrainRun {
  data: string;
  samples: number;
  noise: number;
  classes: number;
  activation: string;
  alpha: number;
  init: string;
  depth: number;
  width: number;
  optimizer: string;
  lr: number;
  weight_decay: number;
  batch: number;
  steps_requested: number;
  seed: number;
  log_every: number;
  steps: TrainEntry[];
  diverged_at: number | null;
  divergence: "loss-infinite" | "loss-nan" | "weight-not-finite" | null;
  csv: string; // `actlab train --format csv`
}

export interface Trainer {
  config: Omit<TrainRun, "steps" | "diverged_at" | "divergence" | "csv">;
  step(k?: number): {
    entries: TrainEntry[];
    steps_done: number;
    diverged_at: number | null;
    divergence: TrainRun["divergence"];
  };
  latest(): TrainEntry | null;
  current(): TrainEntry;
  grid(area: {
    x0: number;
    x1: number;
    y0: number;
    y1: number;
    nx: number;
    ny: number;
  }): Float32Array;
  data(): { x: Float32Array; y: Int32Array; classes: number };
  delete(): void;
}

export interface TrainApi {
  train(options: TrainOptions): TrainRun;
  createTrainer(options: TrainOptions): Trainer;
  listTrainPresets(): Array<{
    id: string;
    main: TrainOptions;
    compare: TrainOptions | null;
  }>;
  trainLimits(): Record<string, number | string[]>;
  trainCsvHeader(): string;
  memoryInUse(): number;
}
