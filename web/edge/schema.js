// The edge of chaos's parameters (the "edge." keys of the URL), in web/state.js's table form,
// and the diagram's window onto the (sigma_w2, sigma_b2) plane: the page's own, inside the
// engine's limits (its checks remain the last line of defence).
export const W2_RANGE = [0.05, 4];
export const B2_RANGE = [0, 0.3];
// Cells of the diagram (sigma_w2 x sigma_b2): the engine's fixed points at their centres.
export const DIAGRAM_CELLS = [48, 30];
export const MAX_DEPTH = 100;
export const WIDTHS = [16, 512];
// The initializer families marked on the diagram, as the page's other figures compare them.
export const MARKED_INITS = [
  "standard",
  "glorot-uniform",
  "he-uniform",
  "lecun-uniform",
];

function pick(choices, wanted) {
  return choices.includes(wanted) ? wanted : choices[0];
}

// kinds: the builders of web/state.js ({int, float, choice}). The width stops at 512, inside
// the engine's maxMeasureWidth (edgeConstants()), so that a point measures in tens of ms.
export function edgeSchema(catalog, { int, float, choice }) {
  const acts = catalog.activations.map((a) => a.id);
  const seed = catalog.limits.flags.seed;
  return {
    phi: choice(acts, pick(acts, "tanh")),
    w2: float(...W2_RANGE, 1.5),
    b2: float(...B2_RANGE, 0.05),
    depth: int(1, MAX_DEPTH, 30),
    width: int(...WIDTHS, 256),
    seed: int(seed.min, seed.max, seed.default),
  };
}

// The engine's options of the point (sigma_w2, sigma_b2) the figure runs.
export function pointOptions({ phi, w2, b2, depth, width, seed }) {
  return { act: phi, sigmaW2: w2, sigmaB2: b2, depth, width, seed };
}
