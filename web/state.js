// The page's whole state: one declarative table of typed parameters per figure, parsed from
// and written to the URL's query string. Every value that reaches a figure went through
// clamp(): an invalid or out-of-range URL parameter becomes a valid value plus a notice, never
// a blank figure. The limits mirror the engine's (its errors remain the last line of defence).
//
// URL keys are "<figure>.<param>" (e.g. act.phi=tanh); only values that differ from their
// defaults are written, so a shared link stays short. Global keys: lang, embed, view.

import { trainSchema } from "./train/schema.js";
import { fieldSchema, fitIsometry, isometrySchema } from "./isometry/schema.js";
import { edgeSchema } from "./edge/schema.js";

// The figures, in the lecture's order; their ids are the values of ?view=.
export const FIGURE_IDS = [
  "act",
  "grad",
  "prop",
  "init",
  "selu",
  "selumap",
  "train",
  "edge",
  "iso",
];

export const LANGUAGES = ["en", "ru"];

// Where the page deliberately stops below the engine, so that a figure stays interactive; the
// limits themselves come from the engine (the module's limits(), in the catalog).
export const PAGE_CAPS = {
  width: 512,
  batch: 512,
  bins: 256,
  curvePoints: 20001,
  eps: [0.001, 0.999], // inside the engine's open (0, 1)
  scale: 0.01, // the smallest std a number box offers; the engine's is open at 0
};

// The page's limits: the engine's (Limits of wasm/api.d.ts), narrowed by PAGE_CAPS.
export function pageLimits(engine) {
  const f = engine.flags;
  const range = (flag, cap = Infinity) => [
    f[flag].min,
    Math.min(f[flag].max, cap),
  ];
  return {
    absZ: f.to.max,
    curvePoints: range("points", PAGE_CAPS.curvePoints),
    depth: range("depth"),
    width: range("width", PAGE_CAPS.width),
    batch: range("batch", PAGE_CAPS.batch),
    seed: range("seed"),
    inputStd: [PAGE_CAPS.scale, f["input-std"].max],
    initStd: [PAGE_CAPS.scale, f["init-std"].max],
    eps: PAGE_CAPS.eps,
    bins: range("bins", PAGE_CAPS.bins),
  };
}

// The work one view may cost, in multiply-adds: 3 per weight and example (forward, backward
// to the activations, backward to the weights), plus what drawing a weight and passing one
// value through the activation and the statistics cost in the same units, fitted to the
// page's own recomputes (bench/interact.mjs, bench/README.md round 5). A normal draw
// (Box-Muller's log and cos) costs about 2.8 uniform ones; an orthogonal layer adds its
// Householder QR, about QR_WORK per m n^2 for an m x n weight matrix (m >= n). The budget is P1's work
// (bench/web/workloads.js, 6.2e9), so that the heaviest view a control allows costs what P1
// costs: 165-200 ms in Chromium on the machine of bench/README.md's earlier rounds.
export const WORK_BUDGET = 6.2e9;
const WEIGHT_DRAW_WORK = { uniform: 220, normal: 620 };
const QR_WORK = 15;
const VALUE_WORK = 900;

// The initializers of the networks one view runs, as web/ops.js runs them: figure 2 one per
// lecture activation, figure 4 one per family in its distribution (dist), figure 5 SELU +
// LeCun normal beside the chosen one unless it is that one.
export const NETWORK_FIGURES = ["grad", "prop", "init", "selu"];
// Figure 5's reference run (Klambauer et al. 2017's SELU with LeCun normal weights), run beside
// any other choice of activation and initializer (web/ops.js).
export const SELU_REFERENCE = { phi: "selu", init: "lecun-normal" };
export const isSeluReference = ({ phi, init }) =>
  phi === SELU_REFERENCE.phi && init === SELU_REFERENCE.init;
function initializersOf(figure, { init, phi, dist }) {
  if (figure === "grad") return LECTURE_ACTIVATIONS.map(() => init);
  if (figure === "init")
    return INIT_FAMILIES.map((family) => initializerId(family, dist));
  if (figure === "selu" && !isSeluReference({ phi, init }))
    return [init, SELU_REFERENCE.init];
  return [init];
}

// One network's work; init decides how its weights are drawn.
function oneNetworkWork({ depth, width, batch, d = width }, init = "") {
  const weights = width * (d + (depth - 1) * width); // layer 1 has fan-in D
  const valueCount = depth * width * batch;
  const normal = init.endsWith("normal") || init === "orthogonal";
  // The QR of layer 1 (D x N) and of the N x N layers after it, for orthogonal weights.
  const qr =
    init === "orthogonal"
      ? QR_WORK * (width * d * Math.min(width, d) + (depth - 1) * width ** 3)
      : 0;
  return (
    3 * weights * batch +
    WEIGHT_DRAW_WORK[normal ? "normal" : "uniform"] * weights +
    VALUE_WORK * valueCount +
    qr
  );
}

export function networkWork(figure, values) {
  return initializersOf(figure, values).reduce(
    (sum, init) => sum + oneNetworkWork(values, init),
    0,
  );
}

// The activations of figure 2 and the initializer families of figure 4, as the lecture
// compares them.
// The engine's per-layer fields figure 2 can draw (grad.y), per unit of the upstream gradient:
// the per-example weight gradient, the lecture's dL/dtheta, first; then delta = dL/dz.
export const GRAD_QUANTITIES = ["example_weight_grad_rms", "grad_pre_std"];

export const LECTURE_ACTIVATIONS = ["sigmoid", "tanh", "relu", "elu", "selu"];
export const INIT_FAMILIES = ["standard", "glorot", "he", "lecun"];

const int = (min, max, fallback) => ({
  type: "int",
  min,
  max,
  default: fallback,
});
const float = (min, max, fallback) => ({
  type: "float",
  min,
  max,
  default: fallback,
});
const choice = (choices, fallback) => ({
  type: "choice",
  choices,
  default: fallback,
});
const list = (choices, fallback) => ({
  type: "list",
  choices,
  default: fallback,
});
const bool = (fallback) => ({ type: "bool", default: fallback });
// alpha of the activation named by the figure's `of` parameter; null is the engine's default.
const alpha = (of) => ({ type: "alpha", of, default: null });

function pickDefault(choices, wanted) {
  return choices.includes(wanted) ? wanted : choices[0];
}

// catalog: { activations: ActivationInfo[], initializers: InitializerInfo[] } from the engine.
export function createSchema(catalog) {
  const limits = pageLimits(catalog.limits);
  const engineDefault = (flag) => catalog.limits.flags[flag].default;
  const acts = catalog.activations.map((a) => a.id);
  const inits = catalog.initializers.map((i) => i.id);
  // Initializers that need a std (the engine's needs_std: "normal") only where the figure has
  // a std control (figure 3's istd).
  const initsWithoutStd = catalog.initializers
    .filter((i) => !i.needs_std)
    .map((i) => i.id);
  // Defaults sized so that a figure recomputes in well under 200 ms in the browser.
  const network = (depth, width = 128, batch = 128) => ({
    depth: int(...limits.depth, depth),
    width: int(...limits.width, width),
    batch: int(...limits.batch, batch),
    seed: int(...limits.seed, engineDefault("seed")),
  });
  return {
    act: {
      phi: choice(acts, pickDefault(acts, "sigmoid")),
      alpha: alpha("phi"),
      from: float(-limits.absZ, limits.absZ, engineDefault("from")),
      to: float(-limits.absZ, limits.absZ, engineDefault("to")),
      n: int(...limits.curvePoints, engineDefault("points")),
      eps: float(...limits.eps, engineDefault("saturation-eps")),
      cmp: list(acts, []),
      id: bool(false),
    },
    grad: {
      init: choice(
        initsWithoutStd,
        pickDefault(initsWithoutStd, "glorot-uniform"),
      ),
      y: choice(GRAD_QUANTITIES, GRAD_QUANTITIES[0]),
      ...network(30, 64, 64),
    },
    prop: {
      phi: choice(acts, pickDefault(acts, "tanh")),
      init: choice(inits, pickDefault(inits, "glorot-uniform")),
      hist: choice(["act", "log_act", "grad"], "act"),
      sx: float(...limits.inputStd, engineDefault("input-std")),
      istd: float(...limits.initStd, 1),
      bins: int(...limits.bins, engineDefault("bins")),
      // Figure 3's own: figure 1's act.eps shades a curve and does not reach the network.
      eps: float(...limits.eps, 0.1),
      ...network(20),
    },
    init: {
      phi: choice(acts, pickDefault(acts, "tanh")),
      dist: choice(["uniform", "normal"], "uniform"),
      ...network(30, 96, 96),
      // The input dimension D, layer 1's fan-in (its fan-out is N): D != N parts Glorot
      // from LeCun. The engine allows up to 4096; the page stops at its width limit.
      d: int(1, limits.width[1], 96),
      // A bottleneck: layer bn (0: none) has bnw units, so that Glorot parts from LeCun at
      // layers bn (fan-out bnw) and bn + 1 (fan-in bnw).
      bn: int(0, limits.depth[1], 0),
      bnw: int(1, limits.width[1], 16),
    },
    selu: {
      phi: choice(acts, pickDefault(acts, "selu")),
      init: choice(
        initsWithoutStd,
        pickDefault(initsWithoutStd, "lecun-normal"),
      ),
      ...network(100, 96, 96),
    },
    selumap: fieldSchema(catalog, { float }),
    train: trainSchema(catalog, { int, float, choice, bool, alpha }),
    iso: isometrySchema(
      catalog,
      { int, float, choice, alpha },
      int(...limits.seed, engineDefault("seed")),
    ),
    edge: edgeSchema(catalog, { int, float, choice }),
  };
}

// The initializer id of a family ("glorot") in a distribution ("uniform"); "standard" has
// one form only (Glorot & Bengio 2010: U(-1/sqrt(n), 1/sqrt(n))).
export function initializerId(family, dist) {
  return family === "standard" ? "standard" : `${family}-${dist}`;
}

// ---- parsing and clamping -------------------------------------------------------------------

// A notice tells the reader which URL value was replaced, by what, and why (an i18n key).
function notice(key, given, used, reason) {
  // An empty value (no compared activation) reads as a dash, not as nothing.
  return { key, given, used: formatValue(used) || "—", reason };
}

function formatValue(value) {
  if (Array.isArray(value)) return value.join(",");
  if (value === null || value === undefined) return "";
  return String(value);
}

// Number(" ") is 0 and Number("0x10") is 16: only the engine's one grammar of typed numbers
// (its limits' number_pattern, the CLI's: decimal, no '+', no spaces), NaN otherwise.
const patterns = new Map();

function parseNumber(raw, catalog) {
  const source = catalog?.limits?.number_pattern;
  if (!source) return Number.NaN;
  if (!patterns.has(source))
    patterns.set(source, new RegExp(`^(?:${source})$`));
  const text = String(raw);
  return patterns.get(source).test(text) ? Number(text) : Number.NaN;
}

// One parameter from its URL text; returns { value, notice? }. `context` is the figure's
// other (already parsed) values, for parameters whose limits depend on them (alpha).
export function clamp(spec, raw, key, context = {}, catalog = null) {
  if (raw === undefined || raw === null) return { value: spec.default };
  switch (spec.type) {
    case "int":
    case "float": {
      const x = typeof raw === "number" ? raw : parseNumber(raw, catalog);
      if (!Number.isFinite(x)) {
        return {
          value: spec.default,
          notice: notice(key, raw, spec.default, "invalid"),
        };
      }
      let value = Math.min(spec.max, Math.max(spec.min, x));
      if (spec.type === "int") value = Math.round(value);
      if (value !== x)
        return { value, notice: notice(key, raw, value, "range") };
      return { value };
    }
    case "choice": {
      const value = String(raw);
      if (spec.choices.includes(value)) return { value };
      return {
        value: spec.default,
        notice: notice(key, raw, spec.default, "choice"),
      };
    }
    case "list": {
      const items = String(raw)
        .split(",")
        .filter((s) => s !== "");
      const value = [...new Set(items.filter((s) => spec.choices.includes(s)))];
      if (value.length !== items.length) {
        return { value, notice: notice(key, raw, value, "choice") };
      }
      return { value };
    }
    case "bool": {
      const text = String(raw);
      if (text === "1" || text === "true") return { value: true };
      if (text === "0" || text === "false") return { value: false };
      return {
        value: spec.default,
        notice: notice(key, raw, spec.default, "invalid"),
      };
    }
    case "alpha": {
      const info = catalog?.activations.find((a) => a.id === context[spec.of]);
      if (raw === "") return { value: null };
      // An alpha for an activation without one is ignored, and the reader told so.
      if (!info?.alpha)
        return {
          value: null,
          notice: notice(key, raw, context[spec.of], "unused"),
        };
      const range = {
        type: "float",
        min: info.alpha.min,
        max: info.alpha.max,
        default: null,
      };
      const result = clamp(range, raw, key, {}, catalog);
      // null is the activation's own default: the notice names it.
      if (result.notice && result.value === null)
        result.notice.used = formatValue(info.alpha.default);
      return result;
    }
    default:
      throw new Error(`unknown parameter type ${spec.type}`);
  }
}

// Shrinks batch (or width, when batch is what the reader just set) until the figure's work
// fits WORK_BUDGET; then the other one if it still does not. `changed`: the parameter a
// control just set. It keeps its value if the other can make room for it; if even a batch
// (or width) of 1 would not, the moved value gives way itself and the other keeps its own.
// Each notice then says, in words about the controls, which value moved and what it cost.
function fitBudget(id, values, notices, changed) {
  let order = changed === "batch" ? ["width", "batch"] : ["batch", "width"];
  if (changed === "width" || changed === "batch") {
    const other = changed === "width" ? "batch" : "width";
    if (networkWork(id, { ...values, [other]: 1 }) > WORK_BUDGET)
      order = [changed];
  }
  for (const name of order) {
    if (networkWork(id, values) <= WORK_BUDGET) return;
    // The largest value that fits (the work grows with each of them): a bisection.
    let [lo, hi] = [1, values[name]];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (networkWork(id, { ...values, [name]: mid }) <= WORK_BUDGET) lo = mid;
      else hi = mid - 1;
    }
    if (lo !== values[name]) {
      const n = notice(`${id}.${name}`, String(values[name]), lo, "budget");
      if (changed)
        Object.assign(n, {
          reason: changed === name ? "budgetSelf" : "budgetMoved",
          name,
          moved: changed,
          movedValue: String(values[changed]),
          depth: String(values.depth),
        });
      notices.push(n);
      values[name] = lo;
    }
  }
}

// Constraints between parameters of one figure, after each was clamped on its own.
// `changed`: the parameter the reader just set, which the constraints leave alone if they can.
function fixFigure(id, values, notices, changed = null) {
  if (id === "act" && !(values.from < values.to)) {
    notices.push(
      notice("act.to", `${values.from}..${values.to}`, "-6..6", "order"),
    );
    values.from = -6;
    values.to = 6;
  }
  if (id === "init" && values.bn > values.depth) {
    notices.push(notice("init.bn", values.bn, values.depth, "range"));
    values.bn = values.depth;
  }
  if (NETWORK_FIGURES.includes(id)) fitBudget(id, values, notices, changed);
  if (id === "iso") fitIsometry(values, notices, changed, notice);
}

function parseFigure(id, specs, params, catalog, notices) {
  const values = {};
  // Parameters whose limits depend on another one come after it ("alpha" after "phi").
  const names = Object.keys(specs).sort(
    (a, b) => (specs[a].type === "alpha") - (specs[b].type === "alpha"),
  );
  for (const name of names) {
    const key = `${id}.${name}`;
    const raw = params.has(key) ? params.get(key) : undefined;
    const result = clamp(specs[name], raw, key, values, catalog);
    values[name] = result.value;
    if (result.notice) notices.push(result.notice);
  }
  fixFigure(id, values, notices);
  return values;
}

// The reader's language when the address names none. Self-contained: scripts/build-site.mjs
// inlines its source in the page's head, which preloads that language's strings.
export function defaultLanguage(navigatorLanguages) {
  const first =
    (navigatorLanguages ?? []).find((l) => typeof l === "string") ?? "en";
  return first.toLowerCase().startsWith("ru") ? "ru" : "en";
}

// The whole state from a query string. `languages`: navigator.languages, for the default.
export function parseState(search, schema, catalog, languages = []) {
  const params = new URLSearchParams(search);
  const notices = [];
  const lang = clamp(
    choice(LANGUAGES, defaultLanguage(languages)),
    params.get("lang") ?? undefined,
    "lang",
  );
  if (lang.notice) notices.push(lang.notice);
  const embed = params.get("embed") === "1";
  let view = params.get("view");
  if (view !== null && !FIGURE_IDS.includes(view)) {
    notices.push(notice("view", view, FIGURE_IDS[0], "choice"));
    view = FIGURE_IDS[0];
  }
  if (embed && view === null) view = FIGURE_IDS[0];
  const figures = {};
  for (const id of FIGURE_IDS)
    figures[id] = parseFigure(id, schema[id], params, catalog, notices);
  return {
    lang: lang.value,
    langFromUrl: params.has("lang"),
    embed,
    view,
    figures,
    notices,
  };
}

function sameValue(a, b) {
  if (Array.isArray(a) || Array.isArray(b))
    return formatValue(a) === formatValue(b);
  return a === b;
}

function urlValue(spec, value) {
  if (spec.type === "bool") return value ? "1" : "0";
  return formatValue(value);
}

// The query string of a state: globals first, then each figure's non-default values.
// `only`: write just that figure's parameters (the Link and Embed buttons of one figure).
export function stateToQuery(
  state,
  schema,
  { only = null, embed = state.embed } = {},
) {
  const params = new URLSearchParams();
  if (state.langFromUrl) params.set("lang", state.lang);
  if (embed) params.set("embed", "1");
  const view = only ?? state.view;
  if (view) params.set("view", view);
  for (const id of only ? [only] : FIGURE_IDS) {
    for (const [name, spec] of Object.entries(schema[id])) {
      const value = state.figures[id][name];
      if (!sameValue(value, spec.default))
        params.set(`${id}.${name}`, urlValue(spec, value));
    }
  }
  const text = params.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

// A new state with one figure parameter set, clamped as if it came from the URL; its
// `notices` are those of this change only.
export function withParam(state, schema, catalog, figure, name, raw) {
  const values = { ...state.figures[figure] };
  const notices = [];
  const result = clamp(
    schema[figure][name],
    raw,
    `${figure}.${name}`,
    values,
    catalog,
  );
  values[name] = result.value;
  if (result.notice) notices.push(result.notice);
  // An alpha that belongs to the previous activation does not carry over.
  for (const [other, spec] of Object.entries(schema[figure])) {
    if (spec.type === "alpha" && spec.of === name) values[other] = null;
  }
  fixFigure(figure, values, notices, name);
  return { ...state, figures: { ...state.figures, [figure]: values }, notices };
}
