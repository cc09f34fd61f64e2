// Starts the engine's module worker (web/worker.js). The site and single-file builds
// (scripts/build-site.mjs) put their own version of this module in its place.
export function startWorker() {
  return new Worker(new URL("./worker.js", import.meta.url), {
    type: "module",
  });
}
