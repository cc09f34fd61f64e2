// What every Embind block shares: reading optional options from a JS object, and the
// {error} result the JS API (api.mjs) turns into an ActlabError.
#pragma once

#include <emscripten/val.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "actlab/propagation.hpp"

namespace binding {

using emscripten::val;

inline val failure(const std::string& message) {
  val result = val::object();
  result.set("error", message);
  return result;
}

// A copy of the engine's vector as a new JS typed array ("Float64Array", "Int32Array", ...).
template <class T>
val copy_to_js(const char* array_type, const std::vector<T>& values) {
  return val::global(array_type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

// null where the engine has no finite value, as the CLI's JSON.
inline val number_or_null(std::optional<double> x) {
  return x && std::isfinite(*x) ? val(*x) : val::null();
}

inline std::optional<double> option_number(const val& options, const char* key) {
  const val x = options[key];
  if (x.isUndefined()) return std::nullopt;
  return x.as<double>();
}

inline std::optional<int> option_integer(const val& options, const char* key) {
  const std::optional<double> x = option_number(options, key);
  if (!x) return std::nullopt;
  return static_cast<int>(*x);
}

// api.mjs's propagate options, by the engine's field names.
inline actlab::PropagationRequest propagation_request(const val& options) {
  actlab::PropagationRequest r;
  r.act = options["act"].as<std::string>();
  r.alpha = option_number(options, "alpha");
  r.init = options["init"].as<std::string>();
  r.init_std = option_number(options, "initStd");
  r.gain = option_number(options, "gain");
  r.depth = option_integer(options, "depth");
  r.width = option_integer(options, "width");
  r.batch = option_integer(options, "batch");
  r.input_dim = option_integer(options, "inputDim");
  r.bottleneck_layer = option_integer(options, "bottleneckLayer");
  r.bottleneck_width = option_integer(options, "bottleneckWidth");
  r.input_std = option_number(options, "inputStd");
  r.bias_std = option_number(options, "biasStd");
  r.seed = option_number(options, "seed");
  r.bins = option_integer(options, "bins");
  r.saturation_eps = option_number(options, "saturationEps");
  return r;
}

}  // namespace binding
