// The bench page's main thread: one Web Worker per implementation, driven by bench/chromium.mjs
// through globalThis.bench. Each run is timed inside its worker (performance.now() around the
// computation and the read-back of its results), so messaging is not counted.
const WORKERS = {
  actlab: () => new Worker("/bench/web/actlab-worker.js", { type: "module" }),
  "tfjs-cpu": () => new Worker("/bench/web/tfjs-worker.js?backend=cpu"),
  "tfjs-wasm": () =>
    new Worker("/bench/web/tfjs-worker.js?backend=wasm&threads=1"),
  "tfjs-wasm-mt": () =>
    new Worker("/bench/web/tfjs-worker.js?backend=wasm&threads=2"),
};

class Remote {
  constructor(worker) {
    this.worker = worker;
    this.nextId = 1;
    this.waiting = new Map();
    this.ready = new Promise((resolve, reject) => {
      worker.onerror = (event) =>
        reject(new Error(event.message || "worker failed to load"));
      worker.onmessage = ({ data }) => {
        if ("ready" in data)
          return data.ready ? resolve() : reject(new Error(data.error));
        const { resolve: done, reject: fail } = this.waiting.get(data.id);
        this.waiting.delete(data.id);
        if (data.error) fail(new Error(data.error));
        else done(data.result);
      };
    });
  }

  async call(op, args = {}) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args });
    });
  }
}

const remotes = new Map();

globalThis.bench = {
  crossOriginIsolated: globalThis.crossOriginIsolated,
  // Starts the named implementations; resolves {name: info} (or {name: {error}}).
  async start(names) {
    const infos = {};
    for (const name of names) {
      const remote = new Remote(WORKERS[name]());
      try {
        infos[name] = await remote.call("info");
        remotes.set(name, remote);
      } catch (error) {
        infos[name] = { error: error.message };
        remote.worker.terminate();
      }
    }
    return infos;
  },
  run: (name, workload) => remotes.get(name).call("run", { workload }),
  stats: (name, workload, seed) =>
    remotes.get(name).call("stats", { workload, seed }),
};
document.documentElement.dataset.ready = "1";
