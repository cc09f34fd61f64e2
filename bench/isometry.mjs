// The dynamical-isometry figure's work in node: `node bench/isometry.mjs [rounds]` times one
// view (web/isometry/ops.js: two Jacobians, their histogram, the mean-field fixed point) in
// actlab's wasm module at several depths and widths, and prints each median in ms beside its
// work runs x (L + 1) x N^3 (web/isometry/schema.js), from which ISO_BUDGET is chosen. The
// times are the process's CPU time (process.cpuUsage), not the wall clock: on a machine
// shared with other builds the wall clock measures the others.
import { ISOMETRY_OPS } from "../web/isometry/ops.js";
import { isometryWork } from "../web/isometry/schema.js";
import { loadActlab } from "../tests/wasm/module.mjs";

const rounds = Number(process.argv[2] ?? 5);
const actlab = await loadActlab();
const sizes = [
  [32, 128],
  [100, 128],
  [200, 64],
  [14, 256],
  [60, 96],
];
console.log("depth width work(1e6) median_ms min_ms ns_per_work");
for (const [depth, width] of sizes) {
  const values = { phi: "tanh", alpha: null, weights: "both", depth, width };
  Object.assign(values, { sw2: 1, sb2: 0, sx: 1, seed: 1 });
  const times = [];
  for (let r = 0; r < rounds + 1; r++) {
    const started = process.cpuUsage();
    ISOMETRY_OPS.isometry(actlab, values);
    const { user, system } = process.cpuUsage(started);
    if (r > 0) times.push((user + system) / 1000); // the first warms the module up
  }
  times.sort((a, b) => a - b);
  const work = isometryWork(values);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    depth,
    width,
    (work / 1e6).toFixed(1),
    median.toFixed(1),
    times[0].toFixed(1),
    ((median * 1e6) / work).toFixed(2),
  );
}
