// The tables and targets of bench/chromium.mjs, from its JSON result.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summary(samples) {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  };
}

const TF = ["tfjs-wasm", "tfjs-wasm-mt", "tfjs-cpu"];

// The best (fastest by median) TensorFlow.js implementation of a workload.
export function bestTf(timings) {
  return TF.filter((id) => timings[id]).sort(
    (a, b) => timings[a].median - timings[b].median,
  )[0];
}

const fixed = (x, digits = 1) =>
  x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(digits);
const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(2)}x` : "-");

export function printTimings(result, out = console.log) {
  const { workloads, implementations, timings } = result;
  out("");
  out(
    `${"workload".padEnd(28)} ${"implementation".padEnd(34)} ${"median ms".padStart(10)} ${"min-max".padStart(15)} ${"n".padStart(3)} ${"/native-O3".padStart(11)} ${"/march".padStart(8)} ${"/best TF.js".padStart(12)}`,
  );
  for (const [w, workload] of Object.entries(workloads)) {
    const t = timings[w];
    const best = bestTf(t);
    for (const id of Object.keys(implementations)) {
      const s = t[id];
      if (!s) continue;
      const range = `${fixed(s.min)}-${fixed(s.max)}`;
      const march = w === "c1" ? "" : ratio(s, t["native-march"]);
      out(
        `${workload.label.padEnd(28)} ${implementations[id].label.padEnd(34)} ${fixed(s.median).padStart(10)} ${range.padStart(15)} ${String(s.n).padStart(3)} ${ratio(s, t["native-O3"]).padStart(11)} ${march.padStart(8)} ${ratio(s, t[best]).padStart(12)}`,
      );
    }
    out(`${"".padEnd(28)} best TF.js: ${implementations[best]?.label ?? "-"}`);
  }
}

// Each target of bench/README.md: {name, value, limit, met}.
export function targets(result) {
  const list = [];
  for (const w of ["p1", "p2"]) {
    const t = result.timings[w];
    const actlab = t.actlab;
    const march = t["native-march"];
    const best = t[bestTf(t)];
    if (actlab && march) {
      const r = actlab.median / march.median;
      list.push({
        name: `${w.toUpperCase()}: actlab wasm / native -O3 -march=native`,
        value: `${r.toFixed(2)}x`,
        limit: "<= 2x",
        met: r <= 2,
      });
    }
    if (actlab && best) {
      const r = best.median / actlab.median;
      list.push({
        name: `${w.toUpperCase()}: best TF.js / actlab wasm`,
        value: `${r.toFixed(1)}x`,
        limit: ">= 10x",
        met: r >= 10,
      });
    }
  }
  // Issue 10's T1: at least 10x TF.js's best backend, no slower than native -O3 (the same
  // 128-bit SIMD width), -march=native reported beside it.
  const t = result.timings.t1;
  if (t?.actlab) {
    const best = t[bestTf(t)];
    if (best) {
      const r = best.median / t.actlab.median;
      list.push({
        name: "T1: best TF.js / actlab wasm",
        value: `${r.toFixed(1)}x`,
        limit: ">= 10x",
        met: r >= 10,
      });
    }
    for (const [key, label, limit] of [
      ["native-O3", "native -O3", 1],
      ["native-march", "native -O3 -march=native", null],
    ]) {
      if (!t[key]) continue;
      const r = t.actlab.median / t[key].median;
      list.push({
        name: `T1: actlab wasm / ${label}`,
        value: `${r.toFixed(2)}x`,
        limit: limit ? `<= ${limit}x` : "reported",
        met: limit ? r <= limit : true,
      });
    }
  }
  const page = result.page;
  if (page) {
    const main = page.interaction[0];
    const act = median(main.act.map((s) => s.drawn));
    list.push({
      name: "activation figure: input event -> drawn (median)",
      value: `${act.toFixed(1)} ms`,
      limit: "<= 16 ms",
      met: act <= 16,
    });
    const p2 = page.interaction.find((i) => i.prop.batch === 256) ?? main;
    const prop = median(p2.propagation.map((s) => s.drawn));
    list.push({
      name: `P2 figure (batch ${p2.prop.batch}): input event -> drawn (median)`,
      value: `${prop.toFixed(1)} ms`,
      limit: "<= 100 ms",
      met: prop <= 100,
    });
    const tasks = main.sweep.longTasks.length;
    list.push({
      name: "long tasks during the depth sweep 1 -> 50 (page default)",
      value: String(tasks),
      limit: "0",
      met: tasks === 0,
    });
    const t = page.transfer;
    list.push({
      name: "page transfer, full load, as served",
      value: `${(t.bytes / 1000).toFixed(0)} kB`,
      limit: "< 1000 kB",
      met: t.bytes < 1e6,
    });
    list.push({
      name: "actlab.wasm gzipped",
      value: `${(t.wasmGzip / 1000).toFixed(0)} kB`,
      limit: "< 300 kB",
      met: t.wasmGzip < 3e5,
    });
  }
  return list;
}

export function printPage(page, out = console.log) {
  const pct = (xs, q) =>
    [...xs].sort((a, b) => a - b)[
      Math.min(xs.length - 1, Math.floor(q * xs.length))
    ];
  const stat = (samples, key) => {
    const xs = samples.map((s) => s[key]);
    return `median ${fixed(median(xs))}, p90 ${fixed(pct(xs, 0.9))}, max ${fixed(Math.max(...xs))} ms`;
  };
  out("");
  out("The course page (index.html):");
  for (const i of page.interaction) {
    out(
      `  ${i.query ? `?${i.query}` : "defaults"} (prop figure: depth ${i.prop.depth}, width ${i.prop.width}, batch ${i.prop.batch})`,
    );
    for (const [name, samples] of [
      ["activation figure, phi select change", i.act],
      ["propagation figure, depth slider input", i.propagation],
    ]) {
      out(`    ${name} (${samples.length} samples)`);
      out(`      -> drawn:      ${stat(samples, "drawn")}`);
      out(`      -> next frame: ${stat(samples, "frame")}`);
      out(
        `      of which the event's own handler: ${stat(samples, "handler")}`,
      );
      out(`      and the worker's computation: ${stat(samples, "engine")}`);
    }
    const s = i.sweep;
    out(
      `    depth sweep 1 -> 50, an input event every ${s.everyMs} ms (${fixed(s.sweepMs, 0)} ms): ${s.longTasks.length} long tasks [${s.longTasks.join(", ")}], ${s.draws} draws, last value drawn ${fixed(s.lastToDrawnMs)} ms after the release`,
    );
  }
  const t = page.transfer;
  out(
    `  full load: ${t.requests} requests, ${(t.bytes / 1000).toFixed(1)} kB as served, ${(t.gzip / 1000).toFixed(1)} kB gzipped (level 9); outside requests: ${t.outsideRequests}`,
  );
  for (const [kind, k] of Object.entries(t.byKind)) {
    out(
      `    ${kind.padEnd(6)} ${String(k.files).padStart(3)} files ${(k.bytes / 1000).toFixed(1).padStart(8)} kB  gzip ${(k.gzip / 1000).toFixed(1).padStart(7)} kB`,
    );
  }
}

export function printTargets(list, out = console.log) {
  out("");
  out("Targets (issue 5):");
  for (const t of list)
    out(
      `  ${t.met ? "met    " : "NOT MET"}  ${t.name}: ${t.value} (target ${t.limit})`,
    );
}
