// The module worker that owns the WebAssembly engine. It compiles actlab.wasm once, computes
// every propagate (the heavy requests), and hands the compiled module to the main thread, which
// instantiates it again for the light requests (web/engine.js). Requests are {id, channel, op,
// args}; while the engine is busy, newer requests on a channel replace older ones, which are
// answered {id, stale: true} without being computed. Results cross as transferable typed arrays.
import { compileEngine } from "./engine-wasm.js";
import { instantiate } from "./instance.js";
import { OPS } from "./ops.js";

const compiled = compileEngine();
const actlabReady = compiled.then(instantiate);
// The compiled module, sent once the first requests are answered (the main thread instantiates
// it only after its first figure is shown). Where it cannot be sent (or did not compile), the
// worker answers every request.
let moduleSent = false;
function sendModule() {
  if (moduleSent) return;
  moduleSent = true;
  compiled.then((module) => self.postMessage({ module })).catch(() => {});
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
      self.postMessage({
        id,
        error: { name: error.name, message: error.message },
      });
    }
  }
  sendModule();
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
  self.postMessage({
    id: -1,
    error: { name: "LoadError", message: String(error?.message ?? error) },
  });
});
