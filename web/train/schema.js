// The training figure's parameters (the "train." keys of the URL), in web/state.js's table
// form. The limits mirror the engine's (native/include/actlab/training.hpp: its errors remain
// the last line of defence); width and depth stop lower so that a step stays interactive.
export const TRAIN_DATASETS = ["moons", "circles", "xor", "spiral", "blobs"];
export const TRAIN_OPTIMIZERS = ["sgd", "momentum", "adam"];
export const TRAIN_SPEEDS = ["1", "5", "20", "100"];
// The engine's default: the page's CSV is then `actlab train` without --log-every.
export const LOG_EVERY = 10;
export const SAMPLES = 200;

export const TRAIN_LIMITS = {
  noise: [0, 2],
  depth: [1, 40],
  width: [1, 128],
  lr: [1e-5, 100],
  batch: [1, 5000],
  seed: [0, 4294967295],
};

function pick(choices, wanted) {
  return choices.includes(wanted) ? wanted : choices[0];
}

// kinds: the builders of web/state.js ({int, float, choice, bool, alpha}).
export function trainSchema(catalog, { int, float, choice, bool, alpha }) {
  const acts = catalog.activations.map((a) => a.id);
  // "normal" needs an --init-std the figure does not offer.
  const inits = catalog.initializers
    .filter((i) => !i.needs_std)
    .map((i) => i.id);
  return {
    data: choice(TRAIN_DATASETS, "moons"),
    noise: float(...TRAIN_LIMITS.noise, 0.1),
    phi: choice(acts, pick(acts, "tanh")),
    alpha: alpha("phi"),
    init: choice(inits, pick(inits, "glorot-uniform")),
    depth: int(...TRAIN_LIMITS.depth, 4),
    width: int(...TRAIN_LIMITS.width, 16),
    opt: choice(TRAIN_OPTIMIZERS, "sgd"),
    lr: float(...TRAIN_LIMITS.lr, 0.1),
    batch: int(...TRAIN_LIMITS.batch, 32),
    seed: int(...TRAIN_LIMITS.seed, 1),
    speed: choice(TRAIN_SPEEDS, "5"),
    play: bool(false),
    vs: bool(false),
    vphi: choice(acts, pick(acts, "sigmoid")),
    vinit: choice(inits, pick(inits, "standard")),
    vopt: choice(TRAIN_OPTIMIZERS, "sgd"),
    vlr: float(...TRAIN_LIMITS.lr, 0.1),
  };
}

// The engine's TrainOptions of the figure's first network and of the compared one (null when
// off): the same data, seed, depth, width and batch.
export function trainOptions(v) {
  const shared = {
    data: v.data,
    samples: SAMPLES,
    noise: v.noise,
    depth: v.depth,
    width: v.width,
    batch: v.batch,
    seed: v.seed,
    logEvery: LOG_EVERY,
  };
  const main = {
    ...shared,
    act: v.phi,
    ...(v.alpha === null ? {} : { alpha: v.alpha }),
    init: v.init,
    optimizer: v.opt,
    lr: v.lr,
  };
  const compare = v.vs
    ? { ...shared, act: v.vphi, init: v.vinit, optimizer: v.vopt, lr: v.vlr }
    : null;
  return { main, compare };
}

// The flags of `actlab train` that reproduce a run of `steps` updates (its CSV is the page's).
export function cliCommand(options, steps) {
  const flag = {
    data: "data",
    samples: "samples",
    noise: "noise",
    act: "act",
    alpha: "alpha",
    init: "init",
    depth: "depth",
    width: "width",
    optimizer: "optimizer",
    lr: "lr",
    batch: "batch",
    seed: "seed",
    logEvery: "log-every",
  };
  const args = Object.entries(options).flatMap(([k, v]) => [
    `--${flag[k]}`,
    String(v),
  ]);
  return ["train", ...args, "--steps", String(steps), "--format", "csv"];
}
