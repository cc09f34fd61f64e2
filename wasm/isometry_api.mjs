// The JS API of the dynamical-isometry figure's engine parts (wasm/bindings_isometry.cpp),
// spread into wrapModule's object by wasm/api.mjs: the CLI's flag checks, ActlabError on bad
// input.
import { ActlabError, checksFor, unwrap } from "./checks.mjs";

export function wrapIsometry(raw) {
  const c = checksFor(raw);
  return {
    // The engine's limits of the Jacobian's width and of the moment field (api.d.ts).
    isometryConstants: () => {
      const k = raw.isometryConstants();
      return { ...k, fieldTau: Array.from(k.fieldTau) };
    },

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
    seluMomentField: (given) => {
      const { omega, tau } = c.options(given, ["omega", "tau"]);
      return unwrap(
        raw.seluMomentField(
          c.number("omega", omega, 0),
          c.number("tau", tau, 1),
        ),
      );
    },
  };
}
