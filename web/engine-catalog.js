// The engine's catalog (web/ops.js `catalog`: activations, initializers, limits, …) as the
// build computed it from the module (scripts/build-site.mjs puts its own version of this module
// in its place), so that the page lays out its first figure while the wasm compiles; the page
// still asks the module for it and checks that they are equal (web/app.js). In a checkout
// there is none: the page waits for the module's.
export const BUILT_CATALOG = null;
