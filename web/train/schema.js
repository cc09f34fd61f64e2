// The training figure's parameters (the "train." keys of the URL), in web/state.js's table
// form. The datasets, optimizers and limits are the engine's (trainLimits() in the catalog,
// native/include/actlab/training.hpp); width and depth stop lower so that a step stays
// interactive, and the learning rate starts at 1e-5 (the engine takes any positive one).
export const TRAIN_SPEEDS = ["1", "5", "20", "100"];
const PAGE_CAPS = { depth: 40, width: 128, minLearningRate: 1e-5 };

function pick(choices, wanted) {
  return choices.includes(wanted) ? wanted : choices[0];
}

// kinds: the builders of web/state.js ({int, float, choice, bool, alpha}).
export function trainSchema(catalog, { int, float, choice, bool, alpha }) {
  const limits = catalog.train;
  const seed = catalog.limits.flags.seed;
  const lr = [PAGE_CAPS.minLearningRate, limits.maxLearningRate];
  const acts = catalog.activations.map((a) => a.id);
  // "normal" needs an --init-std the figure does not offer.
  const inits = catalog.initializers
    .filter((i) => !i.needs_std)
    .map((i) => i.id);
  return {
    data: choice(limits.datasets, pick(limits.datasets, "moons")),
    noise: float(0, limits.maxNoise, limits.defaultNoise),
    phi: choice(acts, pick(acts, "tanh")),
    alpha: alpha("phi"),
    init: choice(inits, pick(inits, "glorot-uniform")),
    depth: int(1, Math.min(PAGE_CAPS.depth, limits.maxDepth), 4),
    width: int(1, Math.min(PAGE_CAPS.width, limits.maxWidth), 16),
    opt: choice(limits.optimizers, pick(limits.optimizers, "sgd")),
    lr: float(...lr, 0.1),
    batch: int(1, limits.maxSamples, 32),
    seed: int(seed.min, seed.max, seed.default),
    speed: choice(TRAIN_SPEEDS, "5"),
    play: bool(false),
    vs: bool(false),
    vphi: choice(acts, pick(acts, "sigmoid")),
    vinit: choice(inits, pick(inits, "standard")),
    vopt: choice(limits.optimizers, pick(limits.optimizers, "sgd")),
    vlr: float(...lr, 0.1),
  };
}

// The engine's TrainOptions of the figure's first network and of the compared one (null when
// off): the same data, seed, depth, width and batch; the number of samples and the logging
// period are the engine's defaults, so the page's CSV is `actlab train` without those flags.
export function trainOptions(v) {
  const shared = {
    data: v.data,
    noise: v.noise,
    depth: v.depth,
    width: v.width,
    batch: v.batch,
    seed: v.seed,
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
  };
  const args = Object.entries(options).flatMap(([k, v]) => [
    `--${flag[k]}`,
    String(v),
  ]);
  return ["train", ...args, "--steps", String(steps), "--format", "csv"];
}
