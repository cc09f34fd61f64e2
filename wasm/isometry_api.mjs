// The JS API of the dynamical-isometry figure's engine parts (wasm/bindings_isometry.cpp),
// spread into wrapModule's object by wasm/api.mjs: the CLI's flag checks, ActlabError on bad
// input.
import { ActlabError } from "./api.mjs";

function unwrap(result) {
  if (result && typeof result === "object" && typeof result.error === "string")
    throw new ActlabError(result.error);
  return result;
}

function number(flag, value, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ActlabError(
      `--${flag}: expected a finite decimal number, got '${value}'`,
    );
  return value;
}

export function wrapIsometry(raw) {
  return {
    // Histograms of singular-value spectra on shared log bins (see SpectrumHistogram in
    // api.d.ts); spectra: arrays of non-negative numbers.
    spectrumHistogram: (spectra) => {
      if (
        !Array.isArray(spectra) ||
        !spectra.every(
          (s) =>
            (Array.isArray(s) || s instanceof Float64Array) &&
            Array.prototype.every.call(s, (x) => Number.isFinite(x) && x >= 0),
        )
      )
        throw new ActlabError(
          "spectra: expected an array of arrays of finite non-negative numbers",
        );
      return raw.spectrumHistogram(spectra.map((s) => Float64Array.from(s)));
    },

    // `actlab selu-field --omega W --tau T --format json` (see MomentField in api.d.ts).
    seluMomentField: ({ omega, tau } = {}) =>
      unwrap(
        raw.seluMomentField(number("omega", omega, 0), number("tau", tau, 1)),
      ),
  };
}
