// The native side of bench/chromium.mjs: `actlab_bench --serve` (bench/propagate_bench.cpp)
// kept running, one timed workload per request, so native runs interleave with the browser's.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

export class NativeBench {
  // executable: an actlab_bench built from this tree.
  constructor(executable) {
    this.executable = executable;
    this.process = spawn(executable, ["--serve"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.lines = createInterface({ input: this.process.stdout });
    this.waiting = [];
    this.lines.on("line", (line) =>
      this.waiting.shift()?.resolve(JSON.parse(line)),
    );
    this.process.on("exit", (code) => {
      for (const { reject } of this.waiting.splice(0))
        reject(new Error(`${executable} exited (${code})`));
    });
    this.info = this.next(); // the build's description comes first
  }

  next() {
    return new Promise((resolve, reject) =>
      this.waiting.push({ resolve, reject }),
    );
  }

  async run(workload) {
    const reply = this.next();
    this.process.stdin.write(`${workload}\n`);
    const result = await reply;
    if (result.error) throw new Error(`${this.executable}: ${result.error}`);
    return { ms: result.ms };
  }

  close() {
    this.process.stdin.end();
  }
}

// Configures (once) and builds the benchmark with -O3 -march=native in its own build folder,
// leaving the presets' build/native and build/wasm to scripts/build.sh.
export function buildMarchNative(root, dir) {
  const log = `${dir}.log`;
  const run = (args) => {
    try {
      execFileSync("cmake", args, {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      writeFileSync(log, `${error.stdout}\n${error.stderr}`);
      throw new Error(`cmake ${args.join(" ")} failed; see ${log}`);
    }
  };
  if (!existsSync(`${dir}/CMakeCache.txt`)) {
    run([
      "-S",
      root,
      "-B",
      dir,
      "-DCMAKE_BUILD_TYPE=Release",
      "-DCMAKE_CXX_FLAGS=-march=native",
    ]);
  }
  run(["--build", dir, "-j2", "--target", "actlab_bench"]);
  return `${dir}/actlab_bench`;
}

// An executable that does not know --serve predates the harness: say how to rebuild it.
export function checkExecutable(path, hint) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
  return statSync(path).mtimeMs;
}
