// Embind bindings of the edge of chaos (phase_diagram.hpp, mean_field_measure.hpp,
// mean_field_profile.hpp, trainable_depth.hpp): types in, types out, no math. A failed check
// returns {error}, which wasm/edge_api.mjs throws as an ActlabError.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/initializer.hpp"
#include "actlab/layer_fields.hpp"
#include "actlab/mean_field.hpp"
#include "actlab/mean_field_measure.hpp"
#include "actlab/mean_field_profile.hpp"
#include "actlab/phase_diagram.hpp"
#include "actlab/phase_window.hpp"
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

// The constants the page reads instead of copying them.
val edge_constants() {
  val c = val::object();
  c.set("trainableDepthScales", actlab::kTrainableDepthScales);
  c.set("maxSigmaW2", actlab::kMaxSigmaW2);
  c.set("maxSigmaB2", actlab::kMaxSigmaB2);
  c.set("defaultQ0", actlab::kDefaultQ0);
  c.set("defaultC0", actlab::kDefaultC0);
  c.set("maxMeasureWidth", actlab::kMaxMeasureWidth);
  c.set("defaultMeasureWidth", actlab::kDefaultMeasureWidth);
  c.set("maxMeasurePairs", actlab::kMaxMeasurePairs);
  c.set("defaultMeasurePairs", actlab::kDefaultMeasurePairs);
  c.set("maxPhaseCells", actlab::kMaxPhaseCells);
  return c;
}

val phase_diagram(const std::string& id, double alpha, double w2_lo, double w2_hi, int nw,
                  double b2_lo, double b2_hi, int nb, double q0) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto window = actlab::check_phase_window({w2_lo, w2_hi, nw, b2_lo, b2_hi, nb});
  if (!window.ok()) return failure(window.error());
  const auto checked_q0 = actlab::check_q0(q0);
  if (!checked_q0.ok()) return failure(checked_q0.error());
  const actlab::PhaseGrid g =
      actlab::phase_diagram(act.value(), w2_lo, w2_hi, nw, b2_lo, b2_hi, nb, q0);
  val result = val::object();
  result.set("sigma_w2", copy_to_js("Float64Array", g.sigma_w2));
  result.set("sigma_b2", copy_to_js("Float64Array", g.sigma_b2));
  result.set("chi1", copy_to_js("Float64Array", g.chi1));
  result.set("xi_c", copy_to_js("Float64Array", g.xi_c));
  return result;
}

// `actlab measure`'s numbers: the measured layers beside the theory's.
val measure(const val& options) {
  actlab::MeasureRequest r;
  r.theory.act = options["act"].as<std::string>();
  r.theory.alpha = option_number(options, "alpha");
  r.theory.sigma_w2 = option_number(options, "sigmaW2");
  r.theory.sigma_b2 = option_number(options, "sigmaB2");
  r.theory.depth = option_integer(options, "depth");
  r.theory.q0 = option_number(options, "q0");
  r.theory.c0 = option_number(options, "c0");
  r.width = option_integer(options, "width");
  r.pairs = option_integer(options, "pairs");
  r.seed = option_number(options, "seed");
  const auto config = actlab::check_measure(r);
  if (!config.ok()) return failure(config.error());
  const actlab::MeasureConfig& c = config.value();
  const actlab::Theory t = actlab::theory(c.theory);
  const std::vector<actlab::MeasuredLayer> m = actlab::measure_mean_field(c);
  std::vector<double> index, q, corr, q_theory, c_theory;
  for (std::size_t i = 0; i < m.size(); ++i) {
    index.push_back(m[i].index), q.push_back(m[i].q), corr.push_back(m[i].c);
    q_theory.push_back(t.layers[i].q), c_theory.push_back(t.layers[i].c);
  }
  val result = val::object();
  result.set("activation", actlab::info(c.theory.mf.act.kind).id);
  result.set("sigma_w2", c.theory.mf.sigma_w2);
  result.set("sigma_b2", c.theory.mf.sigma_b2);
  result.set("width", c.width);
  result.set("pairs", c.pairs);
  result.set("seed", static_cast<double>(c.seed));
  result.set("q0", c.theory.q0);
  result.set("c0", c.theory.c0);
  result.set("q_star", number_or_null(t.q_star));
  result.set("chi1", number_or_null(t.chi1));
  result.set("xi_c", number_or_null(t.xi_c));
  result.set("c_star", number_or_null(t.c_star));
  result.set("trainable_depth", number_or_null(actlab::trainable_depth(t.xi_c)));
  val layers = val::object();
  layers.set("index", copy_to_js("Float64Array", index));
  layers.set("q", copy_to_js("Float64Array", q));
  layers.set("c", copy_to_js("Float64Array", corr));
  layers.set("q_theory", copy_to_js("Float64Array", q_theory));
  layers.set("c_theory", copy_to_js("Float64Array", c_theory));
  result.set("layers", layers);
  return result;
}

// propagate's options: the mean-field prediction of its per-layer statistics.
val propagation_theory(const val& options) {
  const auto config = actlab::check_propagation(propagation_request(options));
  if (!config.ok()) return failure(config.error());
  const std::vector<actlab::ProfileLayer> profile = actlab::mean_field_profile(config.value());
  val layers = val::object();
  for (const actlab::ProfileField& field : actlab::kProfileFields) {
    std::vector<double> values;
    for (const actlab::ProfileLayer& l : profile) values.push_back(l.*field.value);
    layers.set(field.name, copy_to_js("Float64Array", values));
  }
  val result = val::object();
  result.set("sigma_b2", config.value().bias_std * config.value().bias_std);
  result.set("layers", layers);
  return result;
}

// sigma_w2 = fan_in Var(W) of an initializer between layers of these fans.
val init_sigma_w2(const std::string& id, int fan_in, int fan_out) {
  const auto init = actlab::make_initializer(id, std::nan(""), std::nan(""));
  if (!init.ok()) return failure(init.error());
  if (fan_in < 1 || fan_out < 1) return failure("--width: must be a positive integer");
  return val(fan_in * actlab::weight_variance(init.value(), fan_in, fan_out));
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_edge) {
  emscripten::function("edgeConstants", &edge_constants);
  emscripten::function("phaseDiagram", &phase_diagram);
  emscripten::function("measure", &measure);
  emscripten::function("propagationTheory", &propagation_theory);
  emscripten::function("initSigmaW2", &init_sigma_w2);
}
