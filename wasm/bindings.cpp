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
#include "actlab/activation_record.hpp"
#include "actlab/bound.hpp"
#include "actlab/curve.hpp"
#include "actlab/initializer.hpp"
#include "actlab/layer_fields.hpp"
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

// write_activation_record's writer into one JS object.
struct ValWriter {
  val& out;
  void text(const std::string& name, const std::string& x) { out.set(name, x); }
  void number(const std::string& name, double x) { out.set(name, x); }
  void boolean(const std::string& name, bool x) { out.set(name, x); }
  void optional_number(const std::string& name, std::optional<double> x) {
    out.set(name, ::optional_number(x));
  }
  void pair(const std::string& name, std::optional<double> lo, std::optional<double> hi) {
    val array = val::array();
    array.call<void>("push", ::optional_number(lo));
    array.call<void>("push", ::optional_number(hi));
    out.set(name, array);
  }
  template <class F>
  void object(const std::string& name, bool present, const F& fill) {
    val inner = present ? val::object() : val::null();
    if (present) {
      ValWriter writer{inner};
      fill(writer);
    }
    out.set(name, inner);
  }
};

// The activation record (activation_record.hpp) with its alpha resolved.
val activation_object(const actlab::Activation& act) {
  val object = val::object();
  ValWriter writer{object};
  actlab::write_activation_record(act, writer);
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

// The per-layer statistics as typed arrays of length L, histograms row-major L x M, in the
// order of the field tables (layer_fields.hpp).
val layer_series(const actlab::Propagation& p) {
  using actlab::LayerStatistics;
  std::vector<int> index;
  for (const LayerStatistics& s : p.layers) index.push_back(s.index);
  val layers = val::object();
  layers.set(actlab::kLayerIndexName, copy_to_js("Int32Array", index));
  for (const actlab::LayerField& field : actlab::kLayerFields) {
    std::vector<double> values;
    for (const LayerStatistics& s : p.layers) values.push_back(s.*field.value);
    layers.set(field.name, copy_to_js("Float64Array", values));
  }
  for (const actlab::LayerHistogram& h : actlab::kLayerHistograms) {
    std::vector<double> counts;
    for (const LayerStatistics& s : p.layers) {
      counts.insert(counts.end(), (s.*h.counts).begin(), (s.*h.counts).end());
    }
    layers.set(h.counts_name, copy_to_js("Float64Array", counts));
    // {zero, below, above}, each a Float64Array of length L.
    val tails = val::object();
    for (const actlab::TailField& tail : actlab::kTailFields) {
      std::vector<double> tail_counts;
      for (const LayerStatistics& s : p.layers) tail_counts.push_back((s.*h.tails).*tail.count);
      tails.set(tail.name, copy_to_js("Float64Array", tail_counts));
    }
    layers.set(h.tails_name, tails);
  }
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
  for (const actlab::LayerHistogram& h : actlab::kLayerHistograms) {
    result.set(h.edges_name, copy_to_js("Float64Array", p.*h.edges));
  }
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
