// The JS API of the actlab WebAssembly module (wasm/api.mjs wraps the raw Embind bindings).
// Every function throws an ActlabError whose message equals the actlab CLI's message for the
// same bad input (e.g. "--points: must be an integer from 2 to 1000000, got 1").

import type { TrainApi } from "./train_api";
import type { EdgeApi } from "./edge_api";

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
  // A bottleneck: layer K (1..depth) has M units (1..2048) instead of N, so that its fan-out
  // and layer K + 1's fan-in are M. Both or neither; none by default.
  bottleneckLayer?: number;
  bottleneckWidth?: number;
  inputStd?: number; // (0, 100], default 1
  biasStd?: number; // [0, 100], default 0 (zero biases)
  seed?: number; // an integer 0..4294967295, default 1
  bins?: number; // M, 2..512, default 64
  saturationEps?: number; // (0, 1), default 0.1
}

// Per-layer series are typed arrays of length L (index 0 is layer 1, the input side);
// histograms are row-major L x M (layer l's counts at [l*M, (l+1)*M)); a row and its tails
// together count all B*N values (B*M at a bottleneck layer).

// The values of each layer that are in no bin (native/include/actlab/histogram_tails.hpp).
export interface HistogramTails {
  zero: Float64Array; // exactly 0 (log10 has no bin for it)
  below: Float64Array; // nonzero, below the first edge
  above: Float64Array; // above the last edge, and NaN
}
export interface Propagation {
  activation: string;
  alpha: number; // the activation's alpha as used (0 for those without one)
  init: string;
  depth: number;
  width: number;
  batch: number;
  input_dim: number;
  bottleneck_layer: number | null; // K, null without a bottleneck
  bottleneck_width: number | null; // M, null without a bottleneck
  seed: number;
  // 16 hex digits hashing every random draw (X, W, b, G): equal on every target for a seed.
  draws_hash: string;
  act_hist_scale: "linear"; // act_hist bins h_l
  grad_hist_scale: "log10_abs"; // grad_hist bins log10|delta_l|; exact zeros in grad_tails
  act_hist_edges: Float64Array; // M + 1, shared by all layers
  log_act_hist_edges: Float64Array; // M + 1, log10 units, whole decades at the ends
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
    saturated: Float64Array; // of the B*N values: |phi'| < eps sup|phi'|, phi' = 0 included
    dead: Float64Array; // of the N units: phi' = 0 for all B examples
    grad_pre_std: Float64Array;
    grad_act_std: Float64Array;
    weight_grad_rms: Float64Array; // of the batch mean dW_l
    example_weight_grad_rms: Float64Array; // of the per-example dL_b/dW_l
    weight_max_abs: Float64Array; // max |w| of W_l
    weight_gain: Float64Array; // sqrt(N mean w^2) of W_l
    act_hist: Float64Array; // L x M, of h_l
    act_tails: HistogramTails;
    log_act_hist: Float64Array; // L x M, of log10|h_l|
    log_act_tails: HistogramTails;
    grad_hist: Float64Array; // L x M, of log10|delta_l|
    grad_tails: HistogramTails;
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

// The records' field names, from the engine's tables (native/include/actlab/layer_fields.hpp,
// activation_record.hpp), in the order the outputs write them.
export interface Fields {
  index: string; // "index": the layer's number in Propagation.layers
  statistics: string[]; // Propagation.layers' per-layer numbers: pre_mean, pre_std, ...
  columns: string[]; // `propagate --format text`'s columns, "layer" first (the page's CSV)
  histograms: { counts: string; tails: string; edges: string }[]; // act_hist, act_tails, ...
  tails: string[]; // a histogram's tails: zero, below, above
  profile: string[]; // propagationTheory's per-layer series: q, act_mean, ...
  activation: string[]; // an ActivationInfo's keys: id, name, formula, ...
}

// Mean-field theory (wasm/theory_api.mjs): `actlab theory`, `critical`, `jacobian`.
export interface TheoryOptions {
  act: string;
  alpha?: number;
  sigmaW2: number; // (0, 100]: N Var(W_ij)
  sigmaB2: number; // [0, 100]: Var(b_i)
  depth?: number; // 1..200, default 20
  q0?: number; // (0, 10000], default 1: the input's second moment per coordinate
  c0?: number; // [-1, 1], default 0.5: the two inputs' correlation
}

// At the fixed point; null where there is none (q* null: q_l grows without bound) or where
// a depth scale diverges (xi_c on the critical line).
export interface FixedPoint {
  q_star: number | null;
  chi1: number | null;
  xi_q: number | null;
  xi_c: number | null;
  c_star: number | null;
  trainable_depth: number | null; // 6 xi_c (edgeConstants().trainableDepthScales)
}

export interface Theory extends FixedPoint {
  activation: string;
  sigma_w2: number;
  sigma_b2: number;
  // Length L; q is Infinity and c NaN once q_l overflows a double (the CLI prints null).
  layers: { index: Float64Array; q: Float64Array; c: Float64Array };
}

export interface SpectrumMoments {
  mean: number; // of the eigenvalues of J J^T
  variance: number;
}

export interface JacobianSpectrum {
  activation: string;
  init: string;
  depth: number;
  width: number;
  seed: number;
  sigma_w2: number;
  sigma_b2: number;
  singular_values: Float64Array; // descending, width of them
  moments: SpectrumMoments;
  predicted: { gaussian: SpectrumMoments; orthogonal: SpectrumMoments };
}

export interface MeanFieldPointOptions {
  sigmaW2?: number; // with sigmaB2, instead of init/initStd/gain/biasStd/inputDim
  sigmaB2?: number;
}

// Singular-value spectra on shared log bins centred on 10^(k / bins_per_decade)
// (native/include/actlab/spectrum_histogram.hpp); zeros: values at or below N eps s_max.
export interface SpectrumHistogram {
  bins_per_decade: number;
  edges: Float64Array; // bins + 1; empty when no value is positive
  counts: Int32Array[]; // per spectrum
  zeros: Int32Array; // per spectrum
}

// `actlab selu-field --format json` (native/include/actlab/selu_moment_field.hpp).
export interface MomentField {
  omega: number;
  tau: number;
  grid: {
    mu: Float64Array;
    nu: Float64Array;
    mu_next: Float64Array;
    nu_next: Float64Array;
  };
  trajectories: Array<{ mu: Float64Array; nu: Float64Array }>;
  fixed_point: {
    mu: number;
    nu: number;
    jacobian: [Float64Array, Float64Array];
    spectral_norm: number;
  } | null;
}

export interface Actlab extends TrainApi, EdgeApi {
  // kMaxJacobianWidth, kMaxFieldOmega, kFieldTau and kFieldSteps (jacobian.hpp,
  // selu_moment_field.hpp).
  isometryConstants(): {
    maxJacobianWidth: number;
    maxFieldOmega: number;
    fieldTau: [number, number];
    fieldSteps: number;
  };
  spectrumHistogram(spectra: Array<ArrayLike<number>>): SpectrumHistogram;
  // omega in [-1, 1] (default 0), tau in [0.5, 2] (default 1).
  seluMomentField(options?: { omega?: number; tau?: number }): MomentField;

  theory(options: TheoryOptions): Theory;
  critical(options: { act: string; alpha?: number; sigmaB2: number }): {
    activation: string;
    sigma_b2: number;
    sigma_w2: number | null;
    q_star: number | null;
  };
  // The order-chaos line at q log-spaced in [from, to] (defaults 1e-4, 100, 200 points).
  criticalLine(options: {
    act: string;
    alpha?: number;
    from?: number;
    to?: number;
    points?: number;
  }): { q: Float64Array; sigma_w2: Float64Array; sigma_b2: Float64Array };
  fixedPoint(options: {
    act: string;
    alpha?: number;
    sigmaW2: number;
    sigmaB2: number;
    q0?: number;
  }): FixedPoint;
  // SELU's (mu, nu) -> (mu~, nu~) for LeCun weights (omega = 0, tau = 1) and its Jacobian.
  seluMomentMap(options: { mu?: number; nu?: number }): {
    mu: number;
    nu: number;
    dmu_dmu: number;
    dmu_dnu: number;
    dnu_dmu: number;
    dnu_dnu: number;
    spectral_norm: number;
  };
  // propagate at a mean-field point: W ~ N(0, sigmaW2 / N), b ~ N(0, sigmaB2), D = N.
  propagateAt(
    options: Omit<PropagateOptions, "init"> & Required<MeanFieldPointOptions>,
  ): Propagation;
  // width 1..256; init as propagate's, or sigmaW2 and sigmaB2.
  jacobian(
    options: Omit<PropagateOptions, "batch" | "init"> & {
      init?: string;
    } & MeanFieldPointOptions,
  ): JacobianSpectrum;

  limits(): Limits;
  fields(): Fields;
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
