// Embind bindings: types in, types out, no math. A failed check returns {error: message};
// the JS wrapper (wasm/api.mjs) turns it into a thrown Error, so nothing unwinds through wasm.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/bound.hpp"
#include "actlab/curve.hpp"
#include "actlab/initializer.hpp"
#include "actlab/propagation.hpp"
#include "binding_options.hpp"

using binding::copy_to_js;
using binding::failure;
using binding::option_integer;
using binding::option_number;
using binding::propagation_request;
using emscripten::val;

namespace {

val optional_number(const std::optional<double>& x) {
  return x ? val(*x) : val::null();
}

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
  val constants = val::object();
  for (const actlab::ActivationConstant& c : entry.constants) constants.set(c.name, c.value);
  object.set("constants", constants);
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

// The curve's points per piece: z, phi and phi' of one piece (3 x 64 kB) stay in cache while
// they are computed and copied into the JS arrays, instead of three whole-curve vectors
// (3 x 8 MB at 10^6 points) written, read back and freed.
constexpr std::size_t kCurvePiece = 8192;

val curve(const std::string& id, double alpha, double from, double to, int points) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto grid = actlab::check_curve_grid({from, to, points});
  if (!grid.ok()) return failure(grid.error());
  const auto n = static_cast<std::size_t>(points);
  const val array = val::global("Float64Array");
  val z = array.new_(n);
  val value = array.new_(n);
  val derivative = array.new_(n);
  const std::size_t piece = std::min(n, kCurvePiece);
  std::vector<double> buffer(3 * piece);
  double* pz = buffer.data();
  double* ph = pz + piece;
  double* pd = ph + piece;
  for (std::size_t begin = 0; begin < n; begin += piece) {
    const std::size_t count = std::min(piece, n - begin);
    actlab::sample_curve_range(act.value(), grid.value(), begin, count, pz, ph, pd);
    const val at(static_cast<double>(begin));
    z.call<void>("set", emscripten::typed_memory_view(count, pz), at);
    value.call<void>("set", emscripten::typed_memory_view(count, ph), at);
    derivative.call<void>("set", emscripten::typed_memory_view(count, pd), at);
  }
  val result = val::object();
  result.set("z", z);
  result.set("value", value);
  result.set("derivative", derivative);
  return result;
}

val saturation_regions(const std::string& id, double alpha, double eps, double from, double to) {
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto grid = actlab::check_curve_grid({from, to, 2});
  if (!grid.ok()) return failure(grid.error());
  const auto checked_eps = actlab::check_saturation_eps(eps);
  if (!checked_eps.ok()) return failure(checked_eps.error());
  val regions = val::array();
  for (const actlab::Interval& i : actlab::saturation_regions(act.value(), eps, from, to)) {
    val pair = val::array();
    pair.call<void>("push", i.lo);
    pair.call<void>("push", i.hi);
    regions.call<void>("push", pair);
  }
  return regions;
}

val list_initializers() {
  val list = val::array();
  for (const actlab::InitializerInfo& entry : actlab::initializer_catalog()) {
    val object = val::object();
    object.set("id", entry.id);
    object.set("name", entry.name);
    object.set("formula", entry.formula);
    object.set("reference", entry.reference);
    object.set("needs_std", entry.needs_std);
    object.set("needs_gain", entry.needs_gain);
    list.call<void>("push", object);
  }
  return list;
}

// options[key], undefined meaning "not given" (api.mjs has checked the types).
// The per-layer statistics as typed arrays of length L, histograms row-major L x M.
val layer_series(const actlab::Propagation& p) {
  using actlab::LayerStatistics;
  const auto column = [&](double LayerStatistics::*field) {
    std::vector<double> values;
    for (const LayerStatistics& s : p.layers) values.push_back(s.*field);
    return copy_to_js("Float64Array", values);
  };
  const auto histograms = [&](std::vector<std::uint32_t> LayerStatistics::*field) {
    std::vector<double> counts;
    for (const LayerStatistics& s : p.layers) {
      counts.insert(counts.end(), (s.*field).begin(), (s.*field).end());
    }
    return copy_to_js("Float64Array", counts);
  };
  // {zero, below, above}, each a Float64Array of length L.
  const auto tails = [&](actlab::HistogramTails LayerStatistics::*field) {
    val object = val::object();
    for (const actlab::TailField& tail : actlab::kTailFields) {
      std::vector<double> counts;
      for (const LayerStatistics& s : p.layers) counts.push_back((s.*field).*tail.count);
      object.set(tail.name, copy_to_js("Float64Array", counts));
    }
    return object;
  };
  std::vector<int> index;
  for (const LayerStatistics& s : p.layers) index.push_back(s.index);
  val layers = val::object();
  layers.set("index", copy_to_js("Int32Array", index));
  layers.set("pre_mean", column(&LayerStatistics::pre_mean));
  layers.set("pre_std", column(&LayerStatistics::pre_std));
  layers.set("act_mean", column(&LayerStatistics::act_mean));
  layers.set("act_std", column(&LayerStatistics::act_std));
  layers.set("saturated", column(&LayerStatistics::saturated));
  layers.set("dead", column(&LayerStatistics::dead));
  layers.set("grad_pre_std", column(&LayerStatistics::grad_pre_std));
  layers.set("grad_act_std", column(&LayerStatistics::grad_act_std));
  layers.set("weight_grad_rms", column(&LayerStatistics::weight_grad_rms));
  layers.set("example_weight_grad_rms", column(&LayerStatistics::example_weight_grad_rms));
  layers.set("weight_max_abs", column(&LayerStatistics::weight_max_abs));
  layers.set("weight_gain", column(&LayerStatistics::weight_gain));
  layers.set("act_hist", histograms(&LayerStatistics::act_hist));
  layers.set("act_tails", tails(&LayerStatistics::act_tails));
  layers.set("log_act_hist", histograms(&LayerStatistics::log_act_hist));
  layers.set("log_act_tails", tails(&LayerStatistics::log_act_tails));
  layers.set("grad_hist", histograms(&LayerStatistics::grad_hist));
  layers.set("grad_tails", tails(&LayerStatistics::grad_tails));
  return layers;
}

val propagate(const val& options) {
  const auto config = actlab::check_propagation(propagation_request(options));
  if (!config.ok()) return failure(config.error());
  const actlab::PropagationConfig& c = config.value();
  // One for the module's lifetime: repeated calls with the same shape (the page's sliders)
  // reuse its buffers instead of allocating them again.
  static actlab::Propagator propagator;
  const actlab::Propagation p = propagator.run(c);
  val result = val::object();
  result.set("activation", actlab::info(c.act.kind).id);
  result.set("alpha", c.act.alpha);
  result.set("init", actlab::info(c.init.kind).id);
  result.set("depth", c.shape.depth);
  result.set("width", c.shape.width);
  result.set("batch", c.shape.batch);
  result.set("input_dim", c.shape.input_dim);
  const bool bottleneck = c.shape.bottleneck_layer > 0;
  result.set("bottleneck_layer", bottleneck ? val(c.shape.bottleneck_layer) : val::null());
  result.set("bottleneck_width", bottleneck ? val(c.shape.bottleneck_width) : val::null());
  result.set("seed", static_cast<double>(c.seed));
  result.set("draws_hash", actlab::hash_text(p.draws_hash));
  result.set("act_hist_scale", std::string(actlab::kActHistScale));
  result.set("grad_hist_scale", std::string(actlab::kGradHistScale));
  result.set("act_hist_edges", copy_to_js("Float64Array", p.act_hist_edges));
  result.set("log_act_hist_edges", copy_to_js("Float64Array", p.log_act_hist_edges));
  result.set("grad_hist_edges", copy_to_js("Float64Array", p.grad_hist_edges));
  result.set("overflow_layer", p.overflow_layer ? val(*p.overflow_layer) : val::null());
  result.set("grad_overflow_layer",
             p.grad_overflow_layer ? val(*p.grad_overflow_layer) : val::null());
  result.set("layers", layer_series(p));
  return result;
}

val bound(const std::string& id, double alpha, double depth) {
  if (id.empty()) return failure("--act: required; valid: " + actlab::activation_ids());
  const auto act = actlab::make_activation(id, alpha);
  if (!act.ok()) return failure(act.error());
  const auto checked =
      actlab::check_depth(std::isnan(depth) ? std::nullopt : std::optional<int>(int(depth)));
  if (!checked.ok()) return failure(checked.error());
  const actlab::LectureBound b = actlab::lecture_bound(act.value(), checked.value());
  val result = val::object();
  result.set("max_derivative", b.max_derivative);
  result.set("bound", copy_to_js("Float64Array", b.bound));
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab) {
  emscripten::function("listActivations", &list_activations);
  emscripten::function("describeActivation", &describe_activation);
  emscripten::function("curve", &curve);
  emscripten::function("saturationRegions", &saturation_regions);
  emscripten::function("listInitializers", &list_initializers);
  emscripten::function("propagate", &propagate);
  emscripten::function("bound", &bound);
}
