// Embind bindings of the dynamical-isometry figure's engine parts (spectrum_histogram.hpp,
// selu_moment_field.hpp): types in, types out, no math. A failed check returns {error}, which
// wasm/isometry_api.mjs throws as an ActlabError.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <vector>

#include "actlab/jacobian.hpp"
#include "actlab/selu_moment_field.hpp"
#include "actlab/spectrum_histogram.hpp"
#include "binding_options.hpp"

using binding::copy_to_js;
using binding::failure;
using emscripten::val;

namespace {

// The limits the page's controls take from the engine (web/isometry/schema.js).
val isometry_constants() {
  val o = val::object();
  o.set("maxJacobianWidth", actlab::kMaxJacobianWidth);
  o.set("maxFieldOmega", actlab::kMaxFieldOmega);
  o.set("fieldTau", copy_to_js("Float64Array", std::vector<double>(std::begin(actlab::kFieldTau),
                                                                   std::end(actlab::kFieldTau))));
  o.set("fieldSteps", actlab::kFieldSteps);
  return o;
}

// spectra: an array of Float64Arrays.
val spectrum_histogram(const val& spectra) {
  std::vector<std::vector<double>> values;
  const int n = spectra["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    values.push_back(emscripten::convertJSArrayToNumberVector<double>(spectra[i]));
  }
  const actlab::SpectrumHistogram h = actlab::spectrum_histogram(values);
  val counts = val::array();
  for (const std::vector<int>& c : h.counts) counts.call<void>("push", copy_to_js("Int32Array", c));
  val result = val::object();
  result.set("bins_per_decade", h.bins_per_decade);
  result.set("edges", copy_to_js("Float64Array", h.edges));
  result.set("counts", counts);
  result.set("zeros", copy_to_js("Int32Array", h.zeros));
  return result;
}

val moments_path(const std::vector<actlab::Moments>& path) {
  std::vector<double> mu, nu;
  for (const actlab::Moments& m : path) mu.push_back(m.mu), nu.push_back(m.nu);
  val result = val::object();
  result.set("mu", copy_to_js("Float64Array", mu));
  result.set("nu", copy_to_js("Float64Array", nu));
  return result;
}

val selu_moment_field(double omega, double tau) {
  const auto checked = actlab::check_moment_field({omega, tau});
  if (!checked.ok()) return failure(checked.error());
  const actlab::MomentField f = actlab::selu_moment_field(checked.value());
  val grid = val::object();
  grid.set("mu", copy_to_js("Float64Array", f.mu));
  grid.set("nu", copy_to_js("Float64Array", f.nu));
  grid.set("mu_next", copy_to_js("Float64Array", f.mu_next));
  grid.set("nu_next", copy_to_js("Float64Array", f.nu_next));
  val paths = val::array();
  for (const auto& path : f.trajectories) paths.call<void>("push", moments_path(path));
  val fixed = val::null();
  if (f.fixed_point) {
    const actlab::MomentJacobian& j = *f.jacobian;
    fixed = val::object();
    fixed.set("mu", f.fixed_point->mu);
    fixed.set("nu", f.fixed_point->nu);
    val rows = val::array();
    rows.call<void>("push", copy_to_js("Float64Array", std::vector<double>{j.dmu_dmu, j.dmu_dnu}));
    rows.call<void>("push", copy_to_js("Float64Array", std::vector<double>{j.dnu_dmu, j.dnu_dnu}));
    fixed.set("jacobian", rows);
    fixed.set("spectral_norm", j.spectral_norm);
  }
  val result = val::object();
  result.set("omega", checked.value().omega);
  result.set("tau", checked.value().tau);
  result.set("grid", grid);
  result.set("trajectories", paths);
  result.set("fixed_point", fixed);
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_isometry) {
  emscripten::function("isometryConstants", &isometry_constants);
  emscripten::function("spectrumHistogram", &spectrum_histogram);
  emscripten::function("seluMomentField", &selu_moment_field);
}
