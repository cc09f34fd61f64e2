// The machine a benchmark ran on: the CPU's model and the widest vector instruction set its
// flags report (/proc/cpuinfo), so that every target is read against the hardware that met it.
import { readFileSync } from "node:fs";

// The widest SIMD the flags name, with its register width: x86-64 (flags) or Arm (Features).
export function vectorIsa(flags) {
  const has = (f) => flags.has(f);
  const fma = has("fma") ? "+FMA" : "";
  if (has("avx512f")) return { name: `AVX-512${fma}`, bits: 512 };
  if (has("avx2")) return { name: `AVX2${fma}`, bits: 256 };
  if (has("avx")) return { name: "AVX", bits: 256 };
  if (has("sve")) return { name: "SVE", bits: 128 };
  if (has("asimd") || has("neon")) return { name: "NEON", bits: 128 };
  if (has("sse4_2")) return { name: "SSE4.2", bits: 128 };
  if (has("sse2")) return { name: "SSE2", bits: 128 };
  return { name: "unknown", bits: 0 };
}

// {model, isa: {name, bits}, label: "AMD EPYC, AVX2+FMA"} from the text of /proc/cpuinfo.
export function cpuInfo(text) {
  const field = (name) =>
    text.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, "m"))?.[1]?.trim();
  const model =
    field("model name") ?? field("Model") ?? field("Hardware") ?? "unknown";
  const flags = new Set(
    (field("flags") ?? field("Features") ?? "").split(/\s+/),
  );
  const isa = vectorIsa(flags);
  return { model, isa, label: `${model}, ${isa.name}` };
}

export function thisMachine() {
  try {
    return cpuInfo(readFileSync("/proc/cpuinfo", "utf8"));
  } catch {
    return cpuInfo("");
  }
}
