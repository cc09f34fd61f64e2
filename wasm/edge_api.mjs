// The JS API of the edge of chaos (wasm/bindings_edge.cpp), spread into wrapModule's object by
// wasm/api.mjs: named arguments, the CLI's flag checks, ActlabError on bad input.
import { ActlabError } from "./api.mjs";

function unwrap(result) {
  if (result && typeof result === "object" && typeof result.error === "string")
    throw new ActlabError(result.error);
  return result;
}

function number(flag, value) {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ActlabError(
      `--${flag}: expected a finite decimal number, got '${value}'`,
    );
  return value;
}

function integer(flag, value) {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || Math.abs(value) > 2147483647)
    throw new ActlabError(`--${flag}: expected an integer, got '${value}'`);
  return value;
}

const text = (value) =>
  typeof value === "string" ? value : String(value ?? "");
const alphaOf = (alpha) => number("alpha", alpha) ?? Number.NaN;

// propagateOptions: api.mjs's check of propagate's options (the same for propagationTheory).
export function wrapEdge(raw, propagateOptions) {
  return {
    // The engine's constants of the section (EdgeConstants in edge_api.d.ts).
    edgeConstants: () => raw.edgeConstants(),

    // chi1 and 1 / |ln chi1| on an nw x nb grid of cell centres (NaN: none).
    phaseDiagram: ({
      act,
      alpha,
      sigmaW2: [w2lo, w2hi] = [],
      sigmaB2: [b2lo, b2hi] = [],
      cells: [nw, nb] = [],
      q0 = 1,
    } = {}) =>
      unwrap(
        raw.phaseDiagram(
          text(act),
          alphaOf(alpha),
          number("sigma-w2", w2lo) ?? Number.NaN,
          number("sigma-w2", w2hi) ?? Number.NaN,
          integer("cells", nw) ?? 0,
          number("sigma-b2", b2lo) ?? Number.NaN,
          number("sigma-b2", b2hi) ?? Number.NaN,
          integer("cells", nb) ?? 0,
          number("q0", q0),
        ),
      ),

    // The numbers of `actlab measure` (Measurement in edge_api.d.ts).
    measure: ({
      act,
      alpha,
      sigmaW2,
      sigmaB2,
      depth,
      q0,
      c0,
      width,
      pairs,
      seed,
    } = {}) =>
      unwrap(
        raw.measure({
          act: text(act),
          alpha: number("alpha", alpha),
          sigmaW2: number("sigma-w2", sigmaW2),
          sigmaB2: number("sigma-b2", sigmaB2),
          depth: integer("depth", depth),
          q0: number("q0", q0),
          c0: number("c0", c0),
          width: integer("width", width),
          pairs: integer("pairs", pairs),
          seed: number("seed", seed),
        }),
      ),

    // The mean-field prediction of propagate's per-layer statistics (PropagationTheory).
    propagationTheory: (given) =>
      unwrap(raw.propagationTheory(propagateOptions(given))),

    // fan_in Var(W_ij) of an initializer between layers of these fans.
    initSigmaW2: ({ init, fanIn, fanOut = fanIn } = {}) =>
      unwrap(
        raw.initSigmaW2(
          text(init),
          integer("width", fanIn) ?? 0,
          integer("width", fanOut) ?? 0,
        ),
      ),
  };
}
