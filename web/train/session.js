// The worker's side of the training figure: the trainers of the current configuration (the
// first network and the compared one), stepped a few updates per request within a time
// budget, and the history of their logged steps, which a request reads from any point on (a
// reply the page dropped loses nothing). The weights stay in the module.
// Of stepping per request: the page sends the next request before it draws a reply, so the
// worker steps while the page draws; with the boundary's grid (below) a reply takes about
// 25 ms, and the page redraws 30 to 40 times a second while the worker spends most of its
// time stepping (bench/lib/train-page.mjs measures both).
const BUDGET_MS = 20;
// Cells per side of the decision boundary: up to 48, fewer for a large network, so that the
// grid's forward pass stays near GRID_WORK multiply-adds (~4 ms in the module).
const GRID = 48;
const GRID_WORK = 2e7;

function gridSize({ depth, width }) {
  const perPoint = depth * width * width + 2 * width;
  return Math.max(
    16,
    Math.min(GRID, Math.floor(Math.sqrt(GRID_WORK / perPoint))),
  );
}

let session = null;

function freeSession() {
  for (const run of session?.runs ?? []) run.trainer.delete();
  session = null;
}

// The data's box with a margin, square, for the boundary (the same for both networks).
function bounds(x) {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (let i = 0; i < x.length; i += 2) {
    x0 = Math.min(x0, x[i]);
    x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, x[i + 1]);
    y1 = Math.max(y1, x[i + 1]);
  }
  const half = (Math.max(x1 - x0, y1 - y0) / 2) * 1.15 + 0.05;
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

function createSession(actlab, key, main, compare) {
  freeSession();
  const runs = [];
  try {
    for (const options of compare ? [main, compare] : [main]) {
      runs.push({
        trainer: actlab.createTrainer(options),
        history: [],
        last: null,
      });
    }
  } catch (error) {
    for (const run of runs) run.trainer.delete();
    throw error;
  }
  const data = runs[0].trainer.data();
  session = { key, runs, data, box: bounds(data.x) };
  for (const run of runs) record(run, run.trainer.step(0));
}

function record(run, reply) {
  run.history.push(...reply.entries);
  run.last = reply;
}

// A copy of an entry (the history's arrays must not be transferred away).
function copy(entry) {
  const layers = {};
  for (const [name, values] of Object.entries(entry.layers))
    layers[name] = values.slice();
  return { ...entry, layers };
}

// Up to `steps` updates within budgetMs: one step first (a slow network returns after it),
// then chunks sized from the latest chunk's time per step. A chunk ends on a logged step when
// the budget reaches one, so that the reply needs no evaluation of an unlogged current step.
function stepWithin(steps, logEvery, budgetMs) {
  const started = performance.now();
  const live = () => session.runs.filter((r) => r.last.diverged_at === null);
  for (let done = 0, chunk = 1; done < steps && chunk > 0;) {
    const runs = live();
    if (runs.length === 0) return;
    const before = performance.now();
    for (const run of runs) record(run, run.trainer.step(chunk));
    done += chunk;
    const perStep = (performance.now() - before) / chunk;
    const fits = Math.floor(
      (budgetMs - (performance.now() - started)) / perStep,
    );
    // On a logged step, only whole logging periods; before one, to the last logged step within
    // reach, or as many steps as there is room for when none is (a slow network, or fewer steps
    // asked than are left to the next logged one).
    const room = Math.min(fits, steps - done);
    const toLogged = logEvery - (runs[0].last.steps_done % logEvery);
    chunk =
      room >= toLogged
        ? toLogged + logEvery * Math.floor((room - toLogged) / logEvery)
        : toLogged === logEvery
          ? 0
          : room;
  }
}

// args: {key, main, compare, steps, since: [entries the page has per run], reset, budgetMs}
// (the page leaves budgetMs at BUDGET_MS; a test sets a long one, so as not to depend on the
// machine's speed).
export function train(
  actlab,
  {
    key,
    main,
    compare,
    steps,
    since = [],
    reset = false,
    budgetMs = BUDGET_MS,
  },
) {
  let fresh = false;
  if (reset || !session || session.key !== key) {
    createSession(actlab, key, main, compare);
    fresh = true;
  }
  // Not past the engine's limit, so that the CSV stays `actlab train --steps N`'s.
  const { maxSteps, defaultLogEvery } = actlab.trainLimits();
  stepWithin(
    Math.min(steps, maxSteps - session.runs[0].last.steps_done),
    defaultLogEvery,
    budgetMs,
  );
  const n = gridSize(main);
  const { box } = session;
  return {
    key,
    fresh,
    data: fresh
      ? {
          x: session.data.x.slice(),
          y: session.data.y.slice(),
          classes: session.data.classes,
        }
      : null,
    box,
    grid: n,
    atLimit: session.runs[0].last.steps_done >= maxSteps,
    runs: session.runs.map((run, i) => {
      const from = fresh ? 0 : Math.min(since[i] ?? 0, run.history.length);
      const stepsDone = run.last.steps_done;
      const lastLogged = run.history.at(-1);
      return {
        entries: run.history.slice(from).map(copy),
        from,
        steps_done: stepsDone,
        diverged_at: run.last.diverged_at,
        divergence: run.last.divergence,
        // The rows of the current step when it is not a logged one (the CSV's last rows).
        current_csv:
          lastLogged && lastLogged.step === stepsDone
            ? ""
            : run.last.diverged_at === null
              ? run.trainer.current().csv
              : "",
        boundary: run.trainer.grid({ ...box, nx: n, ny: n }),
      };
    }),
  };
}

export function trainPresets(actlab) {
  return {
    presets: actlab.listTrainPresets(),
    header: actlab.trainCsvHeader(),
  };
}
