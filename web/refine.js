// Progressive refinement (issue 11 item 4): a control's change to a network figure (2-5) is
// first computed and drawn with a smaller batch, then refined to the full request in the same
// view (web/card.js). The small batch is a prefix of the full one: the engine draws the
// inputs X and the upstream gradient G row by row, one example after another, each from its
// own stream, and the weights and biases from theirs whatever the batch
// (native/src/experiment_draws.cpp; Rng::normal gives the same numbers in blocks as one by
// one), so the coarse picture is the same network on the first b of the B examples.
import { NETWORK_FIGURES, networkWork } from "./state.js";

// The coarse batch is the full one over COARSE_FRACTION (at least 1); a view is refined only
// where that makes it at least COARSE_SAVING times cheaper by web/state.js's work model (below
// that the weights' draws, which the batch does not change, are most of the work). A coarse
// view of at most MAIN_THREAD_WORK fits a frame (~6 ms on the machine of bench/README.md,
// round 5) and is computed on the main thread beside the worker; a larger one in the worker.
const COARSE_FRACTION = 16;
const COARSE_SAVING = 2;
const MAIN_THREAD_WORK = 1.2e8;

// While a slider is dragged the full request waits until the input rests this long (or the
// slider is released), so that the worker is free for the coarse views meanwhile.
export const REFINE_DELAY_MS = 100;

// {batch, light} for figure `id` at `values` (the page's state of the figure), or null when the
// view is drawn at once; light: computed on the main thread.
export function coarseView(id, values) {
  if (!NETWORK_FIGURES.includes(id)) return null;
  const batch = Math.max(1, Math.ceil(values.batch / COARSE_FRACTION));
  const work = networkWork(id, { ...values, batch });
  if (work * COARSE_SAVING > networkWork(id, values)) return null;
  return { batch, light: work <= MAIN_THREAD_WORK };
}
