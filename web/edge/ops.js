// What the edge-of-chaos figure asks of the engine (web/ops.js spreads these into OPS). The
// diagram depends on the activation only and is kept per activation; the point's measurement
// and edgeTheory, the theory's curves alone (sent first, so drawn first), run in the worker:
// the theory's correlation map takes a bivariate quadrature per layer, tens to hundreds of ms
// for 30 layers (bench/edge-latency.mjs), too long for the main thread's input task.
import {
  B2_RANGE,
  DIAGRAM_CELLS,
  MARKED_INITS,
  W2_RANGE,
  pointOptions,
} from "./schema.js";

const diagrams = new Map(); // activation -> {grid, line}

function copy(object) {
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [
      k,
      ArrayBuffer.isView(v) ? v.slice() : v,
    ]),
  );
}

function diagram(actlab, act) {
  if (!diagrams.has(act)) {
    const grid = actlab.phaseDiagram({
      act,
      sigmaW2: W2_RANGE,
      sigmaB2: B2_RANGE,
      cells: DIAGRAM_CELLS,
    });
    // The order-chaos line traced by q: q* from 1e-6 to 1e3 covers the window's sigma_b2.
    const line = actlab.criticalLine({ act, from: 1e-6, to: 1e3, points: 400 });
    diagrams.set(act, { grid, line });
  }
  const { grid, line } = diagrams.get(act);
  return { grid: copy(grid), line: copy(line) }; // results are transferred, the cache kept
}

// The initializers' sigma_w2 = fan_in Var(W) at the figure's width (fan_in = fan_out = N),
// and sigma_b2 = the page's bias std squared (propagate's default).
function markers(actlab, width) {
  const biasStd = actlab.limits().flags["bias-std"].default;
  return MARKED_INITS.map((init) => ({
    init,
    sigma_w2: actlab.initSigmaW2({ init, fanIn: width }),
    sigma_b2: biasStd * biasStd,
  }));
}

export const EDGE_OPS = {
  edge(actlab, values) {
    return {
      ...diagram(actlab, values.phi),
      markers: markers(actlab, values.width),
      point: actlab.measure(pointOptions(values)),
    };
  },

  // The theory's q_l and c_l and fixed point at a point, without the network.
  edgeTheory(actlab, { phi, w2, b2, depth }) {
    const options = { act: phi, sigmaW2: w2, sigmaB2: b2, depth };
    return actlab.theory(options);
  },
};
