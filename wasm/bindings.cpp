// Embind bindings: types in, types out, no math. A failed check returns {error: message};
// the JS wrapper (wasm/api.mjs) turns it into a thrown Error, so nothing unwinds through wasm.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/curve.hpp"

using emscripten::val;

namespace {

val failure(const std::string& message) {
  val result = val::object();
  result.set("error", message);
  return result;
}

template <class T>
val copy_to_js(const char* array_type, const std::vector<T>& values) {
  return val::global(array_type).new_(
      emscripten::typed_memory_view(values.size(), values.data()));
}

val optional_number(const std::optional<double>& x) { return x ? val(*x) : val::null(); }

// Metadata of an activation with its alpha resolved (sup|phi'| and range depend on alpha).
val activation_object(const actlab::Activation& act) {
  const actlab::ActivationInfo& entry = actlab::info(act.kind);
  const actlab::DerivativeMaximum max = actlab::derivative_maximum(act);
  const actlab::Range r = actlab::range(act);
  val object = val::object();
  object.set("id", entry.id);
  object.set("name", entry.name);
  object.set("formula", entry.formula);
  object.set("derivative", entry.derivative);
  object.set("max_derivative", max.value);
  object.set("argmax_derivative", optional_number(max.argmax));
  object.set("max_attained", max.attained);
  object.set("bounded", r.bounded());
  val range = val::array();
  range.call<void>("push", optional_number(r.lo));
  range.call<void>("push", optional_number(r.hi));
  object.set("range", range);
  val alpha = val::null();
  if (entry.alpha) {
    alpha = val::object();
    alpha.set("default", entry.alpha->default_value);
    alpha.set("min", entry.alpha->min);
    alpha.set("max", entry.alpha->max);
    alpha.set("value", act.alpha);
  }
  object.set("alpha", alpha);
  return object;
}

val list_activations() {
  val list = val::array();
  for (const actlab::ActivationInfo& entry : actlab::activation_catalog()) {
    list.call<void>("push", activation_object(actlab::make_activation(entry.id, NAN).value()));
  }
  return list;
}

val describe_activation(const std::string& id, double alpha) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  return activation_object(act.value());
}

val curve(const std::string& id, double alpha, double from, double to, int points) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto grid = actlab::check_curve_grid({from, to, points});
  if (!grid.ok()) return failure(grid.error());
  const actlab::Curve c = actlab::sample_curve(act.value(), grid.value());
  val result = val::object();
  result.set("z", copy_to_js("Float64Array", c.z));
  result.set("value", copy_to_js("Float64Array", c.value));
  result.set("derivative", copy_to_js("Float64Array", c.derivative));
  return result;
}

val saturation_regions(const std::string& id, double alpha, double eps, double from, double to) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto grid = actlab::check_curve_grid({from, to, 2});
  if (!grid.ok()) return failure(grid.error());
  if (!(eps > 0 && eps < 1)) {
    return failure("--saturation-eps: must be a number between 0 and 1 (exclusive), got " +
                   std::to_string(eps));
  }
  val regions = val::array();
  for (const actlab::Interval& i : actlab::saturation_regions(act.value(), eps, from, to)) {
    val pair = val::array();
    pair.call<void>("push", i.lo);
    pair.call<void>("push", i.hi);
    regions.call<void>("push", pair);
  }
  return regions;
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab) {
  emscripten::function("listActivations", &list_activations);
  emscripten::function("describeActivation", &describe_activation);
  emscripten::function("curve", &curve);
  emscripten::function("saturationRegions", &saturation_regions);
}
