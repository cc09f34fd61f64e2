// Where the worker gets actlab.wasm: beside the page's sources in a checkout. The site and
// single-file builds (scripts/build-site.mjs) put their own version of this module in its place.
import { compileWasm } from "./wasm-compile.js";

export function compileEngine() {
  return compileWasm(new URL("../build/wasm/actlab.wasm", import.meta.url));
}
