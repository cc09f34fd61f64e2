// One instance of the engine, made from actlab.wasm compiled once (a WebAssembly.Module): the
// worker instantiates what it compiled, the main thread the same module handed over by the
// worker, with no second download or compilation of the wasm.
import createActlabModule from "../build/wasm/actlab.mjs";
import { wrapModule } from "../wasm/api.mjs";

export function instantiate(module) {
  return new Promise((resolve, reject) => {
    createActlabModule({
      // No file is located: the instance comes from the hook below (and a worker started from
      // a blob URL, as in the single-file build, has no base URL to locate one from).
      locateFile: (path) => path,
      // Emscripten's hook for supplying the instance itself.
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then(
          (instance) => receive(instance, module),
          reject,
        );
        return {};
      },
    }).then((raw) => resolve(wrapModule(raw)), reject);
  });
}
