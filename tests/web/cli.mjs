// The native actlab CLI, the reference the page's numbers are compared with.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const binary = fileURLToPath(
  new URL("../../build/native/actlab", import.meta.url),
);

export function cli(args) {
  return execFileSync(binary, args, { encoding: "utf8", maxBuffer: 1 << 26 });
}
