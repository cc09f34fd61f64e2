// The JS API of the actlab WebAssembly module (wasm/api.mjs wraps the raw Embind bindings).
// Every function throws an ActlabError whose message equals the actlab CLI's message for the
// same bad input (e.g. "--points: must be an integer from 2 to 1000000, got 1").

export class ActlabError extends Error {
  name: "ActlabError";
}

export interface ActivationInfo {
  id: string; // "sigmoid", "leaky-relu", ...
  name: string; // display name
  formula: string; // LaTeX of phi(z)
  derivative: string; // LaTeX of phi'(z)
  max_derivative: number; // sup |phi'(z)|
  argmax_derivative: number | null; // where it is reached/approached; null: no single point
  max_attained: boolean; // false where only approached (selu: z -> 0 from the left)
  bounded: boolean;
  range: [number | null, number | null]; // null: unbounded end
  alpha: { default: number; min: number; max: number; value: number } | null;
  // The formula's fixed constants, full double precision: selu {lambda, alpha}
  // (Klambauer et al. 2017); {} for the others.
  constants: Record<string, number>;
}

export interface CurveOptions {
  act: string;
  alpha?: number; // leaky-relu (default 0.01) and elu (default 1) only
  from?: number; // default -6
  to?: number; // default 6
  points?: number; // default 241, 2..1000000
}

export interface Curve {
  z: Float64Array;
  value: Float64Array;
  derivative: Float64Array;
}

export interface PropagateOptions {
  act: string;
  alpha?: number;
  init: string; // standard, glorot-uniform, glorot-normal, he-uniform, he-normal,
  //               lecun-uniform, lecun-normal, normal, orthogonal
  initStd?: number; // (0, 100], required for init "normal" and only for it
  gain?: number; // (0, 100], orthogonal only, default 1
  depth: number; // L, 1..200
  width: number; // N, 1..2048
  batch: number; // B, 1..4096
  inputDim?: number; // D, 1..4096, default N
  inputStd?: number; // (0, 100], default 1
  biasStd?: number; // [0, 100], default 0 (zero biases)
  seed?: number; // an integer 0..4294967295, default 1
  bins?: number; // M, 2..512, default 64
  saturationEps?: number; // (0, 1), default 0.1
}

// Per-layer series are typed arrays of length L (index 0 is layer 1, the input side);
// histograms are row-major L x M (layer l's counts at [l*M, (l+1)*M)), each row summing to B*N.
export interface Propagation {
  activation: string;
  alpha: number; // the activation's alpha as used (0 for those without one)
  init: string;
  depth: number;
  width: number;
  batch: number;
  input_dim: number;
  seed: number;
  // 16 hex digits hashing every random draw (X, W, b, G): equal on every target for a seed.
  draws_hash: string;
  act_hist_scale: "linear"; // act_hist bins h_l
  grad_hist_scale: "log10_abs"; // grad_hist bins log10|delta_l|; exact zeros in the lowest bin
  act_hist_edges: Float64Array; // M + 1, shared by all layers
  grad_hist_edges: Float64Array; // M + 1, log10 units, whole decades at the ends
  // The first layer whose z or h leaves float32's finite range (exploding activations): from
  // it on the layers' series are NaN and their histograms count nothing, and every gradient
  // series is NaN. null when the signal stays finite.
  overflow_layer: number | null;
  // The first layer backprop reaches (the highest) whose gradient leaves float32's finite
  // range (exploding gradients): the gradient series are NaN from it down. null when none.
  grad_overflow_layer: number | null;
  layers: {
    index: Int32Array;
    pre_mean: Float64Array;
    pre_std: Float64Array;
    act_mean: Float64Array;
    act_std: Float64Array;
    saturated: Float64Array;
    dead: Float64Array;
    grad_pre_std: Float64Array;
    grad_act_std: Float64Array;
    weight_grad_rms: Float64Array;
    act_hist: Float64Array; // L x M
    grad_hist: Float64Array; // L x M
  };
}

export interface InitializerInfo {
  id: string;
  name: string;
  formula: string; // LaTeX
  reference: string; // the paper, e.g. "He et al. 2015, eq. (10)"; "" for "normal"
  needs_std: boolean; // "normal"
  needs_gain: boolean; // "orthogonal"
}

// The engine's limits of one flag (the JS option is its camelCase); `actlab limits` prints the
// same object.
export interface FlagLimit {
  min: number;
  max: number;
  min_exclusive: boolean;
  max_exclusive: boolean;
  integer: boolean;
  default: number | null; // null: required, or a default that depends (input-dim: the width)
}

export interface Limits {
  number_pattern: string; // ECMAScript: the one grammar of typed numbers (CLI flags, page URL)
  integer_pattern: string;
  browser_memory_budget: number; // bytes, the module's budget for one propagate
  flags: Record<string, FlagLimit>; // keyed by CLI flag: "depth", "init-std", ...
}

export interface Actlab {
  limits(): Limits;
  listActivations(): ActivationInfo[];
  describeActivation(options: { act: string; alpha?: number }): ActivationInfo;
  curve(options: CurveOptions): Curve;
  saturationRegions(options: {
    act: string;
    alpha?: number;
    eps?: number; // default 0.1, in (0, 1)
    from?: number;
    to?: number;
  }): Array<[number, number]>;
  listInitializers(): InitializerInfo[];
  // Throws an ActlabError, before allocating anything, when the configuration's buffers would
  // exceed 256 MiB, naming the largest batch that fits ("--depth/--width/--batch/--input-dim: this configuration needs ...").
  propagate(options: PropagateOptions): Propagation;
  // The lecture's bound (sup|phi'|)^(k+1) on dL/dtheta^(L-k), k = 0..depth-1.
  bound(options: { act: string; alpha?: number; depth: number }): {
    max_derivative: number;
    bound: Float64Array;
  };
}

export function wrapModule(raw: unknown): Actlab;
