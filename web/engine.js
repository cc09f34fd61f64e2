// The main thread's side of the engine: one request per figure (channel) at a time that
// matters; a result that is not the channel's newest request is dropped. Every request goes to
// the worker, except the light ones once the main thread has its own instance of the module:
// figure 1's curves usually take well under a millisecond, and a network figure's coarse view
// (web/refine.js) fits a frame: computing them here lets the figure redraw within the input's
// task, with no round trip to the worker and no frame between, while the worker computes.
import { startWorker } from "./engine-worker.js";
import { whenIdle } from "./idle.js";
import { OPS, isLight } from "./ops.js";

// A worker that dies after it has worked is replaced at most this many times.
const MAX_RESTARTS = 3;

export class Engine {
  // onMainThread: called once the main thread's instance is ready; onRestart(error): called
  // when a dead worker was replaced, so that the reader is told; later: a promise that says
  // when the main thread may make its instance (the page's first figure shown: instantiating
  // the module's bindings takes a while on a slow machine, and the worker answers meanwhile).
  constructor({
    onMainThread = () => {},
    onRestart = () => {},
    later = Promise.resolve(),
  } = {}) {
    this.onMainThread = onMainThread;
    this.later = later;
    this.onRestart = onRestart;
    this.nextId = 1;
    this.waiting = new Map(); // id -> {resolve, reject, channel, message}
    this.latest = new Map(); // channel -> newest id
    this.loadError = null;
    this.local = null; // the main thread's instance (wasm/api.mjs), once ready
    this.restarts = 0;
    this.startWorker();
  }

  startWorker() {
    this.answered = false; // the worker has sent something: its module loaded
    this.worker = startWorker(); // the module's (./engine-worker.js), not this method
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) =>
      this.workerDied(new Error(event.message || "worker error"));
  }

  // A worker that worked and then died (an uncaught error, or its module aborted: a
  // RuntimeError) is replaced, and the requests it held are sent to the new one; one that
  // never answered could not load, which is the page's load error.
  workerDied(error) {
    if (!this.answered || this.restarts >= MAX_RESTARTS)
      return this.fail(error);
    this.restarts += 1;
    this.worker.onmessage = this.worker.onerror = null;
    this.worker.terminate();
    this.startWorker();
    for (const { message } of this.waiting.values())
      this.worker.postMessage(message);
    this.onRestart(error);
  }

  // Resolves {result, ms, thread: "main" | "worker", superseded} or {stale: true}; rejects
  // with the engine's error. superseded: a newer request on the channel was made while this
  // one was computed (a slider being dragged); its result may be drawn until the newer one's
  // arrives. A request superseded before it was computed is answered stale. light: computed
  // on the main thread once it has its instance (a figure's coarse view, web/refine.js).
  request(channel, op, args, light = isLight(op, args)) {
    const id = this.nextId++;
    this.latest.set(channel, id);
    if (this.local && light) return this.compute(id, channel, op, args);
    return new Promise((resolve, reject) => {
      if (this.loadError) return reject(this.loadError);
      const message = { id, channel, op, args };
      this.waiting.set(id, { resolve, reject, channel, message });
      this.worker.postMessage(message);
    });
  }

  // On the main thread, after the current task's synchronous code: a newer request on the
  // channel made meanwhile supersedes this one, which is answered stale without being computed.
  async compute(id, channel, op, args) {
    await null;
    if (this.latest.get(channel) !== id) return { stale: true };
    const started = performance.now();
    const result = OPS[op](this.local, args);
    return {
      result,
      ms: performance.now() - started,
      thread: "main",
      superseded: this.latest.get(channel) !== id,
    };
  }

  receive(data) {
    if (data.id !== -1) this.answered = true;
    if (data.module) return this.instantiate(data.module);
    const { id, result, error, stale, ms } = data;
    if (id === -1)
      return this.fail(
        Object.assign(new Error(error.message), { name: error.name }),
      );
    const entry = this.waiting.get(id);
    if (!entry) return;
    this.waiting.delete(id);
    const superseded = this.latest.get(entry.channel) !== id;
    if (stale || (superseded && error)) return entry.resolve({ stale: true });
    if (error) {
      const failure = Object.assign(new Error(error.message), {
        name: error.name,
      });
      entry.reject(failure);
      // The module aborted: its instance is dead, the worker is replaced for the others.
      if (error.name === "RuntimeError") this.workerDied(failure);
      return;
    }
    entry.resolve({ result, ms, thread: "worker", superseded });
  }

  // The worker's compiled module, instantiated again here when the page is idle (after its
  // first figures); until then, and if this fails, the worker answers every request.
  async instantiate(module) {
    await this.later;
    whenIdle(async () => {
      try {
        const { instantiate } = await import("./instance.js");
        this.local = await instantiate(module);
      } catch {
        return;
      }
      this.onMainThread();
    });
  }

  fail(error) {
    this.loadError = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
