// TensorFlow.js's side of the benchmark, one classic worker per backend:
//   tfjs-worker.js?backend=cpu                  the plain JavaScript backend
//   tfjs-worker.js?backend=wasm&threads=1       the wasm backend, SIMD if the browser has it
//   tfjs-worker.js?backend=wasm&threads=2       its threaded SIMD build (needs the bench page
//                                               to be cross-origin isolated)
// The UMD bundles of the pinned packages and the backend's .wasm files come from this server.
const params = new URL(self.location.href).searchParams;
const backend = params.get("backend");
const threads = Number(params.get("threads") ?? 1);
const DIST = "/node_modules/@tensorflow";

importScripts(
  `${DIST}/tfjs-core/dist/tf-core.min.js`,
  `${DIST}/tfjs-backend-cpu/dist/tf-backend-cpu.min.js`,
);
if (backend === "wasm")
  importScripts(`${DIST}/tfjs-backend-wasm/dist/tf-backend-wasm.min.js`);
const tf = self.tf;

async function setUp() {
  const [
    { propagate, curves, trainer, ACTIVATIONS },
    { PROPAGATE, T1_STEPS, TRAIN, WORKLOADS },
  ] = await Promise.all([
    import("./tfjs-workloads.js"),
    import("./workloads.js"),
  ]);
  if (backend === "wasm") {
    tf.wasm.setWasmPaths(
      `${self.location.origin}${DIST}/tfjs-backend-wasm/dist/`,
    );
    if (threads > 1) tf.wasm.setThreadsCount(threads);
    else tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  }
  if (!(await tf.setBackend(backend)))
    throw new Error(`TensorFlow.js backend ${backend} did not initialize`);
  await tf.ready();
  const info = {
    implementation: `TensorFlow.js ${tf.version_core} ${backend}`,
    backend: tf.getBackend(),
    crossOriginIsolated: self.crossOriginIsolated,
    precision: "float32",
  };
  if (backend === "wasm") {
    info.simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    info.multithreadSupport = await tf
      .env()
      .getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
    info.binary = `tfjs-backend-wasm${info.simd ? (info.multithreadSupport ? "-threaded-simd" : "-simd") : ""}.wasm`;
    info.threadsRequested = info.multithreadSupport ? threads : 1;
    info.threadsReported = tf.wasm.getThreadsCount();
  }
  info.matMulGflops = matMulGflops(256, 10);
  info.activations = Object.fromEntries(
    Object.entries(ACTIVATIONS).map(([id, a]) => [id, a.op]),
  );
  let seed = 1;
  const RUN = {
    propagate: (w) => propagate(tf, w, PROPAGATE, seed++),
    curves: (w) => curves(tf, w),
    train: (w) => {
      train.step ??= trainer(tf, w, TRAIN);
      train.step(T1_STEPS);
    },
  };
  const train = {};
  return {
    info: () => info,
    run({ workload }) {
      const w = WORKLOADS[workload];
      const started = performance.now();
      RUN[w.kind](w);
      const ms = performance.now() - started;
      return { ms, tensors: tf.memory().numTensors };
    },
    stats({ workload, seed }) {
      return propagate(tf, WORKLOADS[workload], PROPAGATE, seed);
    },
  };
}

// GFLOP/s of tf.matMul on P1's 256 x 256 operands: plain (a b), as the forward pass uses it
// (a b^T) and as the weight gradient does (a^T b). XNNPACK's thread count is not observable
// (getThreadsCount() reports 1 however many threads run), but these rates are.
function matMulGflops(n, calls) {
  const rates = {};
  for (const [name, transposeA, transposeB] of [
    ["ab", false, false],
    ["abT", false, true],
    ["aTb", true, false],
  ]) {
    const [a, b] = [tf.randomNormal([n, n]), tf.randomNormal([n, n])];
    tf.tidy(() => tf.matMul(a, b, transposeA, transposeB).dataSync());
    const started = performance.now();
    for (let i = 0; i < calls; i++)
      tf.tidy(() => tf.matMul(a, b, transposeA, transposeB).dataSync());
    rates[name] = (2 * n ** 3 * calls) / ((performance.now() - started) * 1e6);
    tf.dispose([a, b]);
  }
  return rates;
}

const ready = setUp();
ready.then(
  () => self.postMessage({ ready: true }),
  (error) =>
    self.postMessage({ ready: false, error: String(error?.stack ?? error) }),
);

self.onmessage = async ({ data: { id, op, ...args } }) => {
  try {
    const ops = await ready;
    self.postMessage({ id, result: ops[op](args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
};
