// The mean-field theory beside a measured per-layer line (figures 2-5): the engine's
// prediction of the same statistic (propagationTheory, wasm/edge_api.mjs) as a thin dotted
// line of the measured line's colour, and its legend entry saying what the theory assumes.
import { positiveOrNull, series } from "../plot/chart.js";

export const THEORY_DASH = [2, 3];

export function theorySeries(label, color) {
  return series(label, color, { dash: THEORY_DASH, width: 1.5 });
}

// The theory's column of `key` (null where not positive and finite: a log axis).
export function theoryColumn(theory, key) {
  return positiveOrNull(theory?.[key] ?? []);
}

// The legend entry: orthogonal weights get the theory's first-order caveat.
export function theoryLegend(t, color, init = "", key = "dashed") {
  const which = init === "orthogonal" && key === "dashed" ? "orthogonal" : key;
  return { label: t(`figures.theory.${which}`), color, dash: THEORY_DASH };
}
