// A seeded fuzz of the CLI: thousands of argument lists, mostly wrong, some right. Every call
// exits 0 or 2; a 2 prints nothing on stdout and exactly one line on stderr; a 0 prints nothing
// on stderr and no NaN. Sizes are kept small (and --max-memory low) so that the
// whole run stays well under a minute on CI's two cores.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const binary = resolve(
  root,
  process.env.ACTLAB_NATIVE_BUILD ?? "build/native",
  "actlab",
);

const CALLS = 2000;

// mulberry32: a small seeded generator, so that a failure is reproducible by its index.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMANDS = ["list", "curve", "inits", "propagate", "bound", "limits"];
const FLAGS = [
  "act",
  "alpha",
  "from",
  "to",
  "points",
  "format",
  "init",
  "init-std",
  "gain",
  "depth",
  "width",
  "batch",
  "input-dim",
  "input-std",
  "bias-std",
  "seed",
  "bins",
  "saturation-eps",
  "max-memory",
  "bogus",
];
const ACTS = [
  "sigmoid",
  "tanh",
  "relu",
  "leaky-relu",
  "elu",
  "selu",
  "gelu",
  "softplus",
  "mish",
  "identity",
];
const INITS = [
  "standard",
  "glorot-uniform",
  "glorot-normal",
  "he-uniform",
  "he-normal",
  "lecun-uniform",
  "lecun-normal",
  "normal",
  "orthogonal",
];
const HOSTILE = [
  "",
  " ",
  " 1",
  "1 ",
  "+1",
  "-",
  "--",
  "-h",
  "--help",
  "0x10",
  "1e400",
  "-1e400",
  "1e-310",
  "1e-400",
  "nan",
  "NaN",
  "inf",
  "-inf",
  "Infinity",
  "1,5",
  "٣",
  "１",
  "a\nb",
  "x\ty",
  "\u0001",
  "\u001b[31m",
  "é",
  "сигмоида",
  "'",
  '"',
  "$(id)",
  "%s%n",
  "9".repeat(400),
  "-0",
  ".5",
  "5.",
  "1e",
  "e1",
  "2147483648",
  "-2147483649",
  "4294967296",
  "1.5",
  "0",
  "-1",
];
const SMALL = [
  "1",
  "2",
  "3",
  "4",
  "8",
  "0",
  "-1",
  "201",
  "2049",
  "4097",
  "2.5",
];
const NUMBERS = [
  "-6",
  "6",
  "0",
  "1",
  "0.5",
  "-3",
  "10000",
  "-10000",
  "10001",
  "0.1",
  "1e-3",
  "100",
  "101",
];
const FORMATS = ["json", "text", "csv", "xml"];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function value(random, flag) {
  if (random() < 0.15) return pick(random, HOSTILE);
  switch (flag) {
    case "act":
      return pick(random, ACTS);
    case "init":
      return pick(random, INITS);
    case "format":
      return pick(random, FORMATS);
    case "depth":
    case "width":
    case "batch":
    case "input-dim":
    case "bins":
    case "points":
      return pick(random, SMALL);
    case "max-memory":
      return pick(random, ["1", "16", "64", "0"]);
    default:
      return pick(random, NUMBERS);
  }
}

function argumentList(random) {
  const args = [];
  if (random() < 0.95) args.push(pick(random, COMMANDS));
  else args.push(pick(random, HOSTILE));
  const flags = Math.floor(random() * 7);
  for (let k = 0; k < flags; ++k) {
    const flag = pick(random, FLAGS);
    args.push(random() < 0.05 ? pick(random, HOSTILE) : `--${flag}`);
    if (random() < 0.93) args.push(value(random, flag));
  }
  // Keep every propagate small: a low budget refuses the large ones before any work.
  if (args[0] === "propagate" && !args.includes("--max-memory"))
    args.push("--max-memory", "16");
  return args;
}

test(`${CALLS} fuzzed argument lists: exit 0 or 2, one line on stderr, no NaN`, () => {
  const random = generator(20261201);
  const seen = { 0: 0, 2: 0 };
  for (let i = 0; i < CALLS; ++i) {
    const args = argumentList(random);
    const run = spawnSync(binary, args, {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    const where = `call ${i}: actlab ${JSON.stringify(args)}`;
    assert.ok(
      run.status === 0 || run.status === 2,
      `${where} exited ${run.status} ${run.signal ?? ""}: ${run.stderr}`,
    );
    seen[run.status] += 1;
    if (run.status === 2) {
      assert.equal(run.stdout, "", where);
      assert.match(run.stderr, /^actlab: [^\n]*\n$/, where);
    } else {
      assert.equal(run.stderr, "", where);
      assert.doesNotMatch(run.stdout, /\bnan\b/i, where);
    }
  }
  // Both outcomes were exercised, many times.
  assert.ok(seen[0] > CALLS / 40 && seen[2] > CALLS / 2, JSON.stringify(seen));
});
