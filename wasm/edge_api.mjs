// The JS API of the edge of chaos (wasm/bindings_edge.cpp), spread into wrapModule's object by
// wasm/api.mjs: named arguments, the CLI's flag checks, ActlabError on bad input.
import { ActlabError, checksFor, unwrap } from "./checks.mjs";

// propagateOptions: api.mjs's check of propagate's options (the same for propagationTheory).
export function wrapEdge(raw, propagateOptions) {
  const c = checksFor(raw);
  // A [lo, hi] range of a flag, each end checked; absent: NaN (the engine's message).
  const range = (flag, value) => {
    if (value === undefined) return [Number.NaN, Number.NaN];
    if (!Array.isArray(value) || value.length !== 2) {
      throw new ActlabError(
        `--${flag}: expected [lo, hi], got ${c.describe(value)}`,
      );
    }
    return value.map((x) => c.number(flag, x, Number.NaN));
  };
  return {
    // The engine's constants of the section (EdgeConstants in edge_api.d.ts).
    edgeConstants: () => raw.edgeConstants(),

    // chi1 and xi_c on an nw x nb grid of cell centres (NaN: none).
    phaseDiagram: (given) => {
      const o = c.options(given, [
        "act",
        "alpha",
        "sigmaW2",
        "sigmaB2",
        "cells",
        "q0",
      ]);
      const [w2lo, w2hi] = range("sigma-w2", o.sigmaW2);
      const [b2lo, b2hi] = range("sigma-b2", o.sigmaB2);
      const cells = o.cells === undefined ? [] : o.cells;
      if (!Array.isArray(cells)) {
        throw new ActlabError(
          `--cells: expected [nw, nb], got ${c.describe(cells)}`,
        );
      }
      return unwrap(
        raw.phaseDiagram(
          c.id("act", o.act),
          c.alphaOf(o.alpha),
          w2lo,
          w2hi,
          c.integer("cells", cells[0], 0),
          b2lo,
          b2hi,
          c.integer("cells", cells[1], 0),
          c.number("q0", o.q0, 1),
        ),
      );
    },

    // The numbers of `actlab measure` (Measurement in edge_api.d.ts).
    measure: (given) => {
      const o = c.options(given, [
        "act",
        "alpha",
        "sigmaW2",
        "sigmaB2",
        "depth",
        "q0",
        "c0",
        "width",
        "pairs",
        "seed",
      ]);
      return unwrap(
        raw.measure({
          act: c.id("act", o.act),
          alpha: c.number("alpha", o.alpha),
          sigmaW2: c.number("sigma-w2", o.sigmaW2),
          sigmaB2: c.number("sigma-b2", o.sigmaB2),
          depth: c.integer("depth", o.depth),
          q0: c.number("q0", o.q0),
          c0: c.number("c0", o.c0),
          width: c.integer("width", o.width),
          pairs: c.integer("pairs", o.pairs),
          seed: c.number("seed", o.seed),
        }),
      );
    },

    // The mean-field prediction of propagate's per-layer statistics (PropagationTheory).
    propagationTheory: (given) =>
      unwrap(raw.propagationTheory(propagateOptions(given))),

    // fan_in Var(W_ij) of an initializer between layers of these fans.
    initSigmaW2: (given) => {
      const o = c.options(given, ["init", "fanIn", "fanOut"]);
      const fanIn = c.integer("width", o.fanIn, 0);
      return unwrap(
        raw.initSigmaW2(
          c.id("init", o.init),
          fanIn,
          c.integer("width", o.fanOut, fanIn),
        ),
      );
    },
  };
}
