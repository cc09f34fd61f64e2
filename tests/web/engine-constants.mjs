// The engine's constants that the page's catalog holds beside the CLI's lists and limits (the
// module's trainLimits() and isometryConstants(), web/ops.js), for the node tests that build a
// catalog of their own from the CLI.
import { loadActlab } from "../wasm/module.mjs";

const actlab = await loadActlab();
export const TRAIN_LIMITS = actlab.trainLimits();
export const ISOMETRY_CONSTANTS = actlab.isometryConstants();
