// The tables and targets of bench/chromium.mjs, from its JSON result.
import { printTraining, trainingTargets } from "./train-page.mjs";
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

// The engine workloads held to the targets, each where this run has it: T1 (training) once
// bench/web/workloads.js defines it.
const ENGINE_WORKLOADS = ["p1", "p2", "t1"];

// Each target of bench/README.md: {name, value, limit, met, machine}; a figure that is only
// reported (-march=native, whose SIMD width depends on the machine) has no limit and met null.
// The targets hold on every machine: against TF.js's best backend on the same machine, and
// against native -O3, whose SIMD is 128-bit as WebAssembly's (SSE2 on x86-64, NEON on Arm).
export function targets(result) {
  const list = [];
  const m = result.machine;
  const machine = `${m.cpu}, ${m.isa ?? "vector ISA unknown"}`;
  const add = (entry) => list.push({ ...entry, machine });
  for (const w of ENGINE_WORKLOADS) {
    const t = result.timings[w];
    if (!t) continue;
    const actlab = t.actlab;
    const best = t[bestTf(t)];
    const W = w.toUpperCase();
    if (actlab && best) {
      const r = best.median / actlab.median;
      add({
        name: `${W}: best TF.js / actlab wasm`,
        value: `${r.toFixed(1)}x`,
        limit: ">= 10x",
        met: r >= 10,
      });
    }
    if (actlab && t["native-O3"]) {
      const r = actlab.median / t["native-O3"].median;
      add({
        name: `${W}: actlab wasm / native -O3 (128-bit SIMD both)`,
        value: `${r.toFixed(2)}x`,
        limit: "<= 1x",
        met: r <= 1,
      });
    }
    if (actlab && t["native-march"]) {
      add({
        name: `${W}: actlab wasm / native -O3 -march=native (${m.isa ?? "?"})`,
        value: `${(actlab.median / t["native-march"].median).toFixed(2)}x`,
        limit: "reported",
        met: null,
      });
    }
  }
  const c1 = result.timings.c1;
  if (c1?.actlab && c1[bestTf(c1)]) {
    const r = c1[bestTf(c1)].median / c1.actlab.median;
    add({
      name: "C1: best TF.js (float32) / actlab wasm (double)",
      value: `${r.toFixed(2)}x`,
      limit: ">= 1x",
      met: r >= 1,
    });
  }
  const page = result.page;
  if (page) {
    const main = page.interaction[0];
    const act = median(main.act.map((s) => s.drawn));
    add({
      name: "activation figure: input event -> drawn (median)",
      value: `${act.toFixed(1)} ms`,
      limit: "<= 16 ms",
      met: act <= 16,
    });
    const p2 = page.interaction.find((i) => i.prop.batch === 256) ?? main;
    const prop = median(p2.propagation.map((s) => s.drawn));
    add({
      name: `P2 figure (batch ${p2.prop.batch}): input event -> drawn (median)`,
      value: `${prop.toFixed(1)} ms`,
      limit: "<= 100 ms",
      met: prop <= 100,
    });
    const tasks = main.sweep.longTasks.length;
    add({
      name: "long tasks during the depth sweep 1 -> 50 (page default)",
      value: String(tasks),
      limit: "0",
      met: tasks === 0,
    });
    const t = page.transfer;
    add({
      name: "page transfer, full load, as served",
      value: `${(t.bytes / 1000).toFixed(0)} kB`,
      limit: "< 1000 kB",
      met: t.bytes < 1e6,
    });
    add({
      name: "actlab.wasm gzipped",
      value: `${(t.wasmGzip / 1000).toFixed(0)} kB`,
      limit: "< 300 kB",
      met: t.wasmGzip < 3e5,
    });
    if (page.training) list.push(...trainingTargets(page.training, machine));
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
  if (page.training) printTraining(page.training, out);
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
  out("Targets (issues 5 and 11), each with the machine it ran on:");
  for (const t of list) {
    const verdict = t.met === null ? "report " : t.met ? "met    " : "NOT MET";
    const limit = t.met === null ? "not a target" : `target ${t.limit}`;
    out(`  ${verdict}  ${t.name}: ${t.value} (${limit}) [${t.machine}]`);
  }
}
