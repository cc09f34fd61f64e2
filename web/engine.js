// The main thread's side of the worker: one request per figure (channel) at a time that
// matters; a result that is not the channel's newest request is dropped.
export class Engine {
  constructor() {
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.nextId = 1;
    this.waiting = new Map(); // id -> {resolve, reject, channel}
    this.latest = new Map(); // channel -> newest id
    this.loadError = null;
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.fail(new Error(event.message || "worker error"));
  }

  // Resolves {result, ms} or {stale: true}; rejects with the engine's error.
  request(channel, op, args) {
    const id = this.nextId++;
    this.latest.set(channel, id);
    return new Promise((resolve, reject) => {
      if (this.loadError) return reject(this.loadError);
      this.waiting.set(id, { resolve, reject, channel });
      this.worker.postMessage({ id, channel, op, args });
    });
  }

  receive({ id, result, error, stale, ms }) {
    if (id === -1) return this.fail(Object.assign(new Error(error.message), { name: error.name }));
    const entry = this.waiting.get(id);
    if (!entry) return;
    this.waiting.delete(id);
    if (stale || this.latest.get(entry.channel) !== id) return entry.resolve({ stale: true });
    if (error) return entry.reject(Object.assign(new Error(error.message), { name: error.name }));
    entry.resolve({ result, ms });
  }

  fail(error) {
    this.loadError = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
