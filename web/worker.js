// The module worker that owns the WebAssembly engine. Every number a figure shows is computed
// here, by the engine; the page's main thread only draws. Requests are {id, channel, op, args};
// while the engine is busy, newer requests on a channel replace older ones, which are answered
// {id, stale: true} without being computed. Results cross as transferable typed arrays.
import createActlabModule from "/build/wasm/actlab.mjs";
import { wrapModule } from "/wasm/api.mjs";
import { INIT_FAMILIES, LECTURE_ACTIVATIONS, LIMITS, initializerId } from "./state.js";

const actlabReady = createActlabModule().then(wrapModule);

// The network options every propagation figure shares (PropagateOptions of wasm/api.d.ts).
function network({ depth, width, batch, seed }) {
  return { depth, width, batch, seed };
}

const OPS = {
  catalog(actlab) {
    return {
      activations: actlab.listActivations(),
      initializers: actlab.listInitializers(),
    };
  },

  // Figure 1: phi and phi' of the chosen activation, its saturation regions, the activations
  // compared with it, and the tanh = 2 sigma(2z) - 1 identity from the engine's sigmoid.
  activation(actlab, { phi, alpha, from, to, n, eps, cmp, id }) {
    const act = alpha === null ? { act: phi } : { act: phi, alpha };
    const info = actlab.describeActivation(act);
    const curve = actlab.curve({ ...act, from, to, points: n });
    const regions = actlab.saturationRegions({ ...act, eps, from, to });
    const compare = cmp
      .filter((other) => other !== phi)
      .map((other) => ({ id: other, ...actlab.curve({ act: other, from, to, points: n }) }));
    let identity = null;
    if (id && phi === "tanh") identity = tanhIdentity(actlab, curve.z);
    return { info, curve, regions, compare, identity };
  },

  // Figure 2: the lecture's bound beside the measured per-layer gradient, for each activation.
  gradients(actlab, { init, depth, width, batch, seed }) {
    return LECTURE_ACTIVATIONS.map((act) => {
      const bound = actlab.bound({ act, depth });
      const p = actlab.propagate({ act, init, ...network({ depth, width, batch, seed }) });
      return {
        act,
        max_derivative: bound.max_derivative,
        bound: bound.bound,
        grad_pre_std: p.layers.grad_pre_std,
        weight_grad_rms: p.layers.weight_grad_rms,
      };
    });
  },

  // Figure 3: everything the engine measures for one network at initialization.
  propagation(actlab, { phi, init, depth, width, batch, seed, sx, bins }) {
    return actlab.propagate({
      act: phi,
      init,
      ...network({ depth, width, batch, seed }),
      inputStd: sx,
      bins,
    });
  },

  // Figure 4: one activation under the four initializer families.
  initializers(actlab, { phi, dist, depth, width, batch, seed }) {
    return INIT_FAMILIES.map((family) => {
      const init = initializerId(family, dist);
      const p = actlab.propagate({ act: phi, init, ...network({ depth, width, batch, seed }) });
      return {
        family,
        init,
        act_std: p.layers.act_std,
        grad_pre_std: p.layers.grad_pre_std,
      };
    });
  },

  // Figure 5: mean and variance per layer, with SELU + LeCun-normal as the reference.
  selu(actlab, { phi, init, depth, width, batch, seed }) {
    const run = (act, initId) => {
      const p = actlab.propagate({ act, init: initId, ...network({ depth, width, batch, seed }) });
      // The lecture speaks of the variance: the engine's std, squared.
      return { act_mean: p.layers.act_mean, act_var: p.layers.act_std.map((s) => s * s) };
    };
    const chosen = run(phi, init);
    const isReference = phi === "selu" && init === "lecun-normal";
    return { chosen, reference: isReference ? null : run("selu", "lecun-normal") };
  },
};

// 2 sigma(2z) - 1 and 4 sigma'(2z) on tanh's grid z, from the engine's sigmoid sampled at 2z.
// 2z must stay within the engine's |z| <= absZ, so the identity covers the grid points with
// |z| <= absZ / 2 and is null at the others (`clipped`). Unclipped, the sigmoid's grid is
// tanh's doubled bit for bit (doubling is exact); a clipped sub-grid agrees to rounding.
function tanhIdentity(actlab, z) {
  const limit = LIMITS.absZ / 2;
  const first = z.findIndex((x) => x >= -limit);
  const last = z.findLastIndex((x) => x <= limit);
  const value = new Array(z.length).fill(null);
  const derivative = new Array(z.length).fill(null);
  const clipped = first !== 0 || last !== z.length - 1;
  if (first >= 0 && last > first) {
    const s = actlab.curve({ act: "sigmoid", from: 2 * z[first], to: 2 * z[last], points: last - first + 1 });
    s.value.forEach((v, j) => (value[first + j] = 2 * v - 1));
    s.derivative.forEach((d, j) => (derivative[first + j] = 4 * d));
  }
  return { value, derivative, clipped, limit };
}

// The ArrayBuffers inside a result, to transfer rather than copy.
function transferables(value, found = new Set()) {
  if (ArrayBuffer.isView(value)) found.add(value.buffer);
  else if (value && typeof value === "object") {
    for (const item of Object.values(value)) transferables(item, found);
  }
  return [...found];
}

// The newest request per channel; older ones queued behind a busy engine are answered stale.
const pending = new Map();
let scheduled = false;

async function drain() {
  scheduled = false;
  const actlab = await actlabReady;
  const requests = [...pending.values()];
  pending.clear();
  for (const { id, op, args } of requests) {
    const started = performance.now();
    try {
      const result = OPS[op](actlab, args);
      const ms = performance.now() - started;
      self.postMessage({ id, result, ms }, transferables(result));
    } catch (error) {
      self.postMessage({ id, error: { name: error.name, message: error.message } });
    }
  }
}

self.onmessage = ({ data }) => {
  const previous = pending.get(data.channel);
  if (previous) self.postMessage({ id: previous.id, stale: true });
  pending.set(data.channel, data);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};

actlabReady.catch((error) => {
  self.postMessage({ id: -1, error: { name: "LoadError", message: String(error?.message ?? error) } });
});
