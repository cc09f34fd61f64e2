// The check that TensorFlow.js computes what actlab computes: both run the P1 experiment, with
// different random draws, so their per-layer statistics can only agree within the spread that
// a change of seed causes. That spread is measured on actlab itself (seed 1 against seeds
// 2..8); TensorFlow.js agrees when it deviates from actlab's seed 1 by at most 1.5 times the
// largest of those seven (one more draw from the same spread exceeds their maximum 1 time in 8).

// How each statistic is compared, and its unit.
const COMPARISONS = {
  pre_std: "relative",
  act_std: "relative",
  grad_pre_std: "relative",
  grad_act_std: "relative",
  weight_grad_rms: "relative",
  pre_mean: ["in std", "pre_std"],
  act_mean: ["in std", "act_std"],
  saturated: "absolute",
  dead: "absolute",
  act_hist: "histogram",
  grad_hist: "histogram",
};

// TensorFlow.js's packed statistics (bench/web/tfjs-workloads.js) as actlab's named series.
export function tfLayers(
  { forward, backward, actHist, gradHist },
  depth,
  bins,
) {
  const column = (array, width, j) =>
    Float64Array.from({ length: depth }, (_, l) => array[l * width + j]);
  const names = [
    "pre_mean",
    "pre_std",
    "act_mean",
    "act_std",
    "saturated",
    "dead",
  ];
  const layers = Object.fromEntries(
    names.map((name, j) => [name, column(forward, 6, j)]),
  );
  ["grad_pre_std", "grad_act_std", "weight_grad_rms"].forEach(
    (name, j) => (layers[name] = column(backward, 3, j)),
  );
  layers.act_hist = Float64Array.from(actHist);
  layers.grad_hist = Float64Array.from(gradHist);
  return layers;
}

// Total variation distance between two count histograms.
function tv(a, b) {
  const sa = a.reduce((s, x) => s + x, 0);
  const sb = b.reduce((s, x) => s + x, 0);
  return 0.5 * a.reduce((s, x, j) => s + Math.abs(x / sa - b[j] / sb), 0);
}

// The largest deviation over layers of statistic `key` between two runs.
function deviation(key, a, b, depth, bins) {
  const how = COMPARISONS[key];
  let worst = 0;
  for (let l = 0; l < depth; l++) {
    let d;
    if (how === "relative")
      d = Math.abs(b[key][l] - a[key][l]) / Math.abs(a[key][l]);
    else if (how === "absolute") d = Math.abs(b[key][l] - a[key][l]);
    else if (how === "histogram")
      d = tv(
        a[key].subarray(l * bins, (l + 1) * bins),
        b[key].subarray(l * bins, (l + 1) * bins),
      );
    else d = Math.abs(b[key][l] - a[key][l]) / a[how[1]][l];
    worst = Math.max(worst, d);
  }
  return worst;
}

// reference: actlab's layers for seed 1; others: actlab's for further seeds; tf: TensorFlow.js's.
export function compare({ reference, others, tf, depth, bins, edges }) {
  const rows = Object.keys(COMPARISONS).map((key) => {
    const seedSpread = Math.max(
      ...others.map((o) => deviation(key, reference, o, depth, bins)),
    );
    const tfDeviation = deviation(key, reference, tf, depth, bins);
    const unit = Array.isArray(COMPARISONS[key])
      ? COMPARISONS[key][0]
      : COMPARISONS[key];
    // A floor for statistics that are (nearly) the same for every seed, e.g. dead = 0.
    const allowed = Math.max(
      1.5 * seedSpread,
      unit === "absolute" ? 1e-3 : 1e-2,
    );
    return {
      key,
      unit,
      tfDeviation,
      seedSpread,
      agrees: tfDeviation <= allowed,
    };
  });
  return {
    rows,
    edges,
    agrees:
      rows.every((r) => r.agrees) && edges.actlab.join() === edges.tf.join(),
  };
}

export function printAgreement({ rows, edges, agrees }, out = console.log) {
  out(
    "TensorFlow.js vs actlab, P1 statistics (different random draws; worst layer):",
  );
  out(
    `  ${"statistic".padEnd(16)} ${"unit".padEnd(10)} ${"TF.js vs actlab".padStart(16)} ${"actlab seed spread".padStart(19)}`,
  );
  for (const r of rows) {
    out(
      `  ${r.key.padEnd(16)} ${r.unit.padEnd(10)} ${r.tfDeviation.toPrecision(3).padStart(16)} ${r.seedSpread.toPrecision(3).padStart(19)}  ${r.agrees ? "ok" : "DIFFERS"}`,
    );
  }
  out(
    `  log10|delta| histogram decades: actlab [${edges.actlab.join(", ")}], TF.js [${edges.tf.join(", ")}]`,
  );
  out(`  => ${agrees ? "agree within seed-to-seed noise" : "DO NOT AGREE"}`);
}
