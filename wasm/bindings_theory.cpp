// Embind bindings of the mean-field theory (mean_field.hpp, selu_moments.hpp, jacobian.hpp,
// mean_field_point.hpp): types in, types out, no math. A failed check returns {error}, which
// wasm/theory_api.mjs throws as an ActlabError; nothing unwinds through wasm.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/jacobian.hpp"
#include "actlab/mean_field.hpp"
#include "actlab/mean_field_point.hpp"
#include "actlab/phase_window.hpp"
#include "actlab/selu_moments.hpp"
#include "actlab/trainable_depth.hpp"
#include "binding_options.hpp"

using binding::copy_to_js;
using binding::failure;
using binding::number_or_null;
using binding::option_integer;
using binding::option_number;
using binding::propagation_request;
using emscripten::val;

namespace {

val theory_object(const actlab::Theory& t) {
  val result = val::object();
  result.set("q_star", number_or_null(t.q_star));
  result.set("chi1", number_or_null(t.chi1));
  result.set("xi_q", number_or_null(t.xi_q));
  result.set("xi_c", number_or_null(t.xi_c));
  result.set("c_star", number_or_null(t.c_star));
  result.set("trainable_depth", number_or_null(actlab::trainable_depth(t.xi_c)));
  return result;
}

val theory(const val& options) {
  actlab::TheoryRequest r;
  r.act = options["act"].as<std::string>();
  r.alpha = option_number(options, "alpha");
  r.sigma_w2 = option_number(options, "sigmaW2");
  r.sigma_b2 = option_number(options, "sigmaB2");
  r.depth = option_integer(options, "depth");
  r.q0 = option_number(options, "q0");
  r.c0 = option_number(options, "c0");
  const auto config = actlab::check_theory(r);
  if (!config.ok()) return failure(config.error());
  const actlab::TheoryConfig& c = config.value();
  const actlab::Theory t = actlab::theory(c);
  val result = theory_object(t);
  result.set("activation", actlab::info(c.mf.act.kind).id);
  result.set("sigma_w2", c.mf.sigma_w2);
  result.set("sigma_b2", c.mf.sigma_b2);
  std::vector<double> q, corr;
  for (const actlab::TheoryLayer& l : t.layers) q.push_back(l.q), corr.push_back(l.c);
  val layers = val::object();
  std::vector<double> index;
  for (const actlab::TheoryLayer& l : t.layers) index.push_back(l.index);
  layers.set("index", copy_to_js("Float64Array", index));
  layers.set("q", copy_to_js("Float64Array", q));
  layers.set("c", copy_to_js("Float64Array", corr));
  result.set("layers", layers);
  return result;
}

val critical(const std::string& id, double alpha, const val& sigma_b2) {
  if (id.empty()) return failure("--act: required; valid: " + actlab::activation_ids());
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto b2 = actlab::check_sigma_b2(
      sigma_b2.isUndefined() ? std::nullopt : std::optional(sigma_b2.as<double>()));
  if (!b2.ok()) return failure(b2.error());
  const actlab::CriticalPoint p = actlab::critical_point(act.value(), b2.value());
  val result = val::object();
  result.set("activation", id);
  result.set("sigma_b2", b2.value());
  result.set("sigma_w2", number_or_null(p.sigma_w2));
  result.set("q_star", number_or_null(p.q_star));
  return result;
}

val critical_line(const std::string& id, double alpha, double q_lo, double q_hi, int points) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto window = actlab::check_critical_line_window({q_lo, q_hi, points});
  if (!window.ok()) return failure(window.error());
  std::vector<double> q, w2, b2;
  for (const actlab::CriticalLinePoint& p :
       actlab::critical_line(act.value(), q_lo, q_hi, points)) {
    q.push_back(p.q), w2.push_back(p.sigma_w2), b2.push_back(p.sigma_b2);
  }
  val result = val::object();
  result.set("q", copy_to_js("Float64Array", q));
  result.set("sigma_w2", copy_to_js("Float64Array", w2));
  result.set("sigma_b2", copy_to_js("Float64Array", b2));
  return result;
}

// The fixed point alone at (sigma_w2, sigma_b2) from q0: the phase diagram's pixels.
val fixed_point(const std::string& id, double alpha, const val& w2_value, const val& b2_value,
                double q0) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto w2 = actlab::check_sigma_w2(
      w2_value.isUndefined() ? std::nullopt : std::optional(w2_value.as<double>()));
  if (!w2.ok()) return failure(w2.error());
  const auto b2 = actlab::check_sigma_b2(
      b2_value.isUndefined() ? std::nullopt : std::optional(b2_value.as<double>()));
  if (!b2.ok()) return failure(b2.error());
  const auto checked_q0 = actlab::check_q0(q0);
  if (!checked_q0.ok()) return failure(checked_q0.error());
  return theory_object(actlab::fixed_point_theory({act.value(), w2.value(), b2.value()}, q0));
}

val selu_moment_map(double mu, double nu) {
  if (!(nu > 0)) return failure("nu: must be a positive number");
  const actlab::Moments m = actlab::selu_moment_map(mu, nu);
  const actlab::MomentJacobian j = actlab::selu_moment_jacobian(mu, nu);
  val result = val::object();
  result.set("mu", m.mu);
  result.set("nu", m.nu);
  result.set("dmu_dmu", j.dmu_dmu);
  result.set("dmu_dnu", j.dmu_dnu);
  result.set("dnu_dmu", j.dnu_dmu);
  result.set("dnu_dnu", j.dnu_dnu);
  result.set("spectral_norm", j.spectral_norm);
  return result;
}

// propagate's options at (sigmaW2, sigmaB2): {init, initStd, biasStd} for propagate().
val mean_field_point(const val& options) {
  const auto config = actlab::check_mean_field_point(propagation_request(options),
                                                     option_number(options, "sigmaW2"),
                                                     option_number(options, "sigmaB2"));
  if (!config.ok()) return failure(config.error());
  val result = val::object();
  result.set("init", actlab::info(config.value().init.kind).id);
  result.set("initStd", config.value().init.std);
  result.set("biasStd", config.value().bias_std);
  return result;
}

val moments_object(const actlab::SpectrumMoments& m) {
  val result = val::object();
  result.set("mean", m.mean);
  result.set("variance", m.variance);
  return result;
}

val jacobian(const val& options) {
  actlab::PropagationRequest r = propagation_request(options);
  const std::optional<double> w2 = option_number(options, "sigmaW2");
  const std::optional<double> b2 = option_number(options, "sigmaB2");
  if (w2 || b2) {
    r.batch = 1;
    const auto point = actlab::check_mean_field_point(r, w2, b2);
    if (!point.ok()) return failure(point.error());
    r.init = "normal";
    r.init_std = point.value().init.std;
    r.bias_std = point.value().bias_std;
  }
  const auto config = actlab::check_jacobian(r);
  if (!config.ok()) return failure(config.error());
  const actlab::PropagationConfig& c = config.value();
  const actlab::JacobianSpectrum s = actlab::input_output_jacobian(c);
  val result = val::object();
  result.set("activation", actlab::info(c.act.kind).id);
  result.set("init", actlab::info(c.init.kind).id);
  result.set("depth", c.shape.depth);
  result.set("width", c.shape.width);
  result.set("seed", static_cast<double>(c.seed));
  result.set("sigma_w2", s.sigma_w2);
  result.set("sigma_b2", s.sigma_b2);
  result.set("singular_values", copy_to_js("Float64Array", s.singular_values));
  result.set("moments", moments_object(s.measured));
  val predicted = val::object();
  predicted.set("gaussian", moments_object(s.gaussian));
  predicted.set("orthogonal", moments_object(s.orthogonal));
  result.set("predicted", predicted);
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_theory) {
  emscripten::function("theory", &theory);
  emscripten::function("critical", &critical);
  emscripten::function("criticalLine", &critical_line);
  emscripten::function("fixedPoint", &fixed_point);
  emscripten::function("seluMomentMap", &selu_moment_map);
  emscripten::function("meanFieldPoint", &mean_field_point);
  emscripten::function("jacobian", &jacobian);
}
