// The edge of chaos's part of the module's API (wasm/edge_api.mjs), joined into Actlab.
import type { PropagateOptions } from "./api";

export interface EdgeConstants {
  trainableDepthScales: number; // 6: trainable to about 6 xi_c (Schoenholz et al. 2017)
  maxSigmaW2: number;
  maxSigmaB2: number;
  defaultQ0: number;
  defaultC0: number;
  maxMeasureWidth: number;
  defaultMeasureWidth: number;
  maxMeasurePairs: number;
  defaultMeasurePairs: number;
  maxPhaseCells: number;
}

export interface PhaseGrid {
  sigma_w2: Float64Array; // nw cell centres
  sigma_b2: Float64Array; // nb cell centres
  chi1: Float64Array; // nb x nw by rows of sigma_b2; NaN: no finite fixed point
  // xi_c at the fixed point (`actlab theory`'s); NaN where it diverges (chi1 = 1) or chi1 is NaN
  xi_c: Float64Array;
}

export interface MeasureOptions {
  act: string;
  alpha?: number;
  sigmaW2: number;
  sigmaB2: number;
  depth?: number; // 1..200, default 20
  q0?: number;
  c0?: number;
  width?: number; // 1..1024, default 256
  pairs?: number; // 1..64, default 8
  seed?: number;
}

export interface Measurement {
  activation: string;
  sigma_w2: number;
  sigma_b2: number;
  width: number;
  pairs: number;
  seed: number;
  q0: number;
  c0: number;
  q_star: number | null;
  chi1: number | null;
  xi_c: number | null;
  c_star: number | null;
  trainable_depth: number | null; // trainableDepthScales xi_c
  layers: {
    index: Float64Array;
    q: Float64Array; // measured; Infinity once it overflows
    c: Float64Array; // measured; NaN there
    q_theory: Float64Array;
    c_theory: Float64Array;
  };
}

export interface PropagationTheory {
  sigma_b2: number;
  layers: {
    q: Float64Array;
    act_mean: Float64Array;
    act_std: Float64Array;
    grad_pre_std: Float64Array;
    example_weight_grad_rms: Float64Array;
    chi: Float64Array; // sigma_w2(l+1) E[phi'(sqrt(q_l) z)^2]: Var(delta_l) / Var(delta_{l+1})
    sigma_w2: Float64Array; // fan_in(l) Var(W_l)
  };
}

export interface EdgeApi {
  edgeConstants(): EdgeConstants;
  phaseDiagram(options: {
    act: string;
    alpha?: number;
    sigmaW2: [number, number];
    sigmaB2: [number, number];
    cells: [number, number];
    q0?: number;
  }): PhaseGrid;
  measure(options: MeasureOptions): Measurement;
  propagationTheory(options: PropagateOptions): PropagationTheory;
  initSigmaW2(options: {
    init: string;
    fanIn: number;
    fanOut?: number;
  }): number;
}
