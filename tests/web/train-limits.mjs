// The engine's training limits as the page's catalog holds them (the module's trainLimits(),
// web/ops.js), for the node tests that build a catalog of their own.
import { loadActlab } from "../wasm/module.mjs";

export const TRAIN_LIMITS = (await loadActlab()).trainLimits();
