// actlab's side of the benchmark: the module the page loads (/build/wasm/actlab.mjs through
// /wasm/api.mjs), in a module worker as web/worker.js runs it. Requests {id, op, workload};
// replies {id, ms} timed here around the call, results copied out as the page receives them.
import createActlabModule from "/build/wasm/actlab.mjs";
import { wrapModule } from "/wasm/api.mjs";

import { PROPAGATE, T1_STEPS, TRAIN, WORKLOADS } from "./workloads.js";

const actlab = wrapModule(await createActlabModule());

function propagate({ depth, width, batch }, seed = 1) {
  return actlab.propagate({ ...PROPAGATE, depth, width, batch, seed });
}

// Every activation's curve(), as figure 1 asks for one (double precision throughout).
function curves({ points, from, to }) {
  return actlab
    .listActivations()
    .map(({ id }) => actlab.curve({ act: id, from, to, points }));
}

// T1_STEPS training steps of one trainer, created at the first run (its weights stay in the
// module, as the page's do).
let trainer = null;
function train({ depth, width, batch }) {
  trainer ??= actlab.createTrainer({ ...TRAIN, depth, width, batch });
  trainer.step(T1_STEPS);
}

// Each timed propagate is a new experiment, on a seed of its own, as TensorFlow.js's are
// (bench/web/tfjs-worker.js): the engine keeps the last run's draws while the seed and the rest
// stay (native/src/propagation.cpp), which a repeated seed would time instead of the draws.
let seed = 1;
const RUN = {
  propagate: (w) => propagate(w, seed++),
  curves,
  train,
};

const OPS = {
  info: () => ({
    implementation: "actlab wasm (build/wasm)",
    precision: "float32 network, double curves",
  }),
  run({ workload }) {
    const w = WORKLOADS[workload];
    const started = performance.now();
    RUN[w.kind](w);
    return { ms: performance.now() - started };
  },
  // A workload's statistics for a seed, for the agreement check against TensorFlow.js.
  stats({ workload, seed }) {
    const p = propagate(WORKLOADS[workload], seed);
    return {
      layers: p.layers,
      gradEdges: [p.grad_hist_edges[0], p.grad_hist_edges.at(-1)],
    };
  },
};

self.onmessage = ({ data: { id, op, ...args } }) => {
  try {
    self.postMessage({ id, result: OPS[op](args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
};
self.postMessage({ ready: true });
