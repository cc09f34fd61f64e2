// The request's checks, in the order of `actlab propagate --help`, and the memory budget.
#include "actlab/propagation_request.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "actlab/activation_info.hpp"
#include "actlab/message_text.hpp"
#include "actlab/statistics.hpp"
#include "pooled_sample.hpp"

namespace actlab {

namespace {

Expected<int> check_count(const std::string& flag, std::optional<int> value, int lo, int hi,
                          std::optional<int> fallback) {
  const std::string valid = "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (!value) {
    if (fallback) return *fallback;
    return Expected<int>::failure("--" + flag + ": required, " + valid);
  }
  if (*value < lo || *value > hi) {
    return Expected<int>::failure("--" + flag + ": must be " + valid + ", got " +
                                  std::to_string(*value));
  }
  return *value;
}

// A standard deviation in (0, max], or [0, max] when zero is allowed.
Expected<double> check_scale(const std::string& flag, std::optional<double> value, double fallback,
                             bool zero_allowed) {
  const double x = value.value_or(fallback);
  if ((zero_allowed ? x >= 0 : x > 0) && x <= kMaxInputScale) return x;
  const std::string valid = zero_allowed ? "a number from 0 to " + number_text(kMaxInputScale)
                                         : "a number in (0, " + number_text(kMaxInputScale) + "]";
  return Expected<double>::failure("--" + flag + ": must be " + valid + ", got " + number_text(x));
}

Expected<std::uint32_t> check_seed(std::optional<double> value) {
  const double x = value.value_or(kDefaultSeed);
  if (x >= 0 && x <= kMaxSeed && x == std::floor(x)) return static_cast<std::uint32_t>(x);
  return Expected<std::uint32_t>::failure("--seed: must be an integer from 0 to " +
                                          std::to_string(kMaxSeed) + ", got " + number_text(x));
}

double nan_if_absent(std::optional<double> x) {
  return x.value_or(std::nan(""));
}

std::uint64_t mebibytes(std::uint64_t bytes) {
  return (bytes + (std::uint64_t{1} << 20) - 1) >> 20;
}

// The largest value of the shape's field in [1, config's value) with which the experiment fits
// the budget, or 0 (propagation_bytes grows with depth and batch).
int largest_fitting(PropagationConfig c, int Shape::*field, std::uint64_t budget) {
  int lo = 0, hi = c.shape.*field;  // fits at lo (0: none known), not at hi
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    c.shape.*field = mid;
    (propagation_bytes(c) <= budget ? lo : hi) = mid;
  }
  return lo;
}

std::string what_fits(const PropagationConfig& c, std::uint64_t budget) {
  const int batch = largest_fitting(c, &Shape::batch, budget);
  if (batch > 0) return "--batch " + std::to_string(batch) + " fits";
  PropagationConfig one = c;
  one.shape.batch = 1;
  const int depth = largest_fitting(one, &Shape::depth, budget);
  if (depth > 0) return "--batch 1 with --depth " + std::to_string(depth) + " fits";
  return "lower --width or --input-dim";
}

// --bottleneck-layer K and --bottleneck-width M, both or neither: (K, M), or (0, 0) for none.
Expected<std::pair<int, int>> check_bottleneck(std::optional<int> layer, std::optional<int> width,
                                               int depth) {
  using Result = Expected<std::pair<int, int>>;
  if (!layer && !width) return std::pair<int, int>{0, 0};
  if (!layer)
    return Result::failure("--bottleneck-width: needs --bottleneck-layer K, the layer it narrows");
  const Expected<int> k = check_count("bottleneck-layer", layer, 1, depth, std::nullopt);
  if (!k.ok()) return Result::failure(k.error() + " (the depth)");
  const Expected<int> m = check_count("bottleneck-width", width, 1, kMaxWidth, std::nullopt);
  if (!m.ok()) return Result::failure(m.error());
  return std::pair<int, int>{k.value(), m.value()};
}

}  // namespace

std::size_t weight_scratch_doubles(const PropagationConfig& c) {
  const Shape& s = c.shape;
  std::size_t most = 0;
  for (int l = 1; l <= s.depth; ++l) {
    most = std::max(most, weight_scratch_size(c.init, s.fan_in(l), s.fan_out(l)));
  }
  return most;
}

Expected<double> check_saturation_eps(std::optional<double> value) {
  const double x = value.value_or(kDefaultSaturationEps);
  if (x > 0 && x < 1) return x;
  return Expected<double>::failure(
      "--saturation-eps: must be a number between 0 and 1 (exclusive), got " + number_text(x));
}

Expected<int> check_depth(std::optional<int> depth) {
  return check_count("depth", depth, 1, kMaxDepth, std::nullopt);
}

Expected<PropagationConfig> check_propagation(const PropagationRequest& r) {
  using Result = Expected<PropagationConfig>;
  if (r.act.empty()) return Result::failure("--act: required; valid: " + activation_ids());
  const Expected<Activation> act = make_activation(r.act, nan_if_absent(r.alpha));
  if (!act.ok()) return Result::failure(act.error());
  const Expected<Initializer> init =
      make_initializer(r.init, nan_if_absent(r.init_std), nan_if_absent(r.gain));
  if (!init.ok()) return Result::failure(init.error());
  const Expected<int> depth = check_depth(r.depth);
  if (!depth.ok()) return Result::failure(depth.error());
  const Expected<int> width = check_count("width", r.width, 1, kMaxWidth, std::nullopt);
  if (!width.ok()) return Result::failure(width.error());
  const Expected<int> batch = check_count("batch", r.batch, 1, kMaxBatch, std::nullopt);
  if (!batch.ok()) return Result::failure(batch.error());
  const Expected<int> input_dim =
      check_count("input-dim", r.input_dim, 1, kMaxInputDim, width.value());
  if (!input_dim.ok()) return Result::failure(input_dim.error());
  const Expected<std::pair<int, int>> bottleneck =
      check_bottleneck(r.bottleneck_layer, r.bottleneck_width, depth.value());
  if (!bottleneck.ok()) return Result::failure(bottleneck.error());
  const Expected<double> input_std = check_scale("input-std", r.input_std, kDefaultInputStd, false);
  if (!input_std.ok()) return Result::failure(input_std.error());
  const Expected<double> bias_std = check_scale("bias-std", r.bias_std, kDefaultBiasStd, true);
  if (!bias_std.ok()) return Result::failure(bias_std.error());
  const Expected<std::uint32_t> seed = check_seed(r.seed);
  if (!seed.ok()) return Result::failure(seed.error());
  const Expected<int> bins = check_count("bins", r.bins, kMinBins, kMaxBins, kDefaultBins);
  if (!bins.ok()) return Result::failure(bins.error());
  const Expected<double> eps = check_saturation_eps(r.saturation_eps);
  if (!eps.ok()) return Result::failure(eps.error());

  const PropagationConfig config{act.value(),
                                 init.value(),
                                 {depth.value(), width.value(), batch.value(), input_dim.value(),
                                  bottleneck.value().first, bottleneck.value().second},
                                 input_std.value(),
                                 bias_std.value(),
                                 seed.value(),
                                 bins.value(),
                                 eps.value()};
  const std::uint64_t bytes = propagation_bytes(config);
  if (bytes > r.memory_budget) {
    return Result::failure("--depth/--width/--batch/--input-dim: this configuration needs " +
                           std::to_string(mebibytes(bytes)) + " MiB, over the " +
                           std::to_string(r.memory_budget >> 20) + " MiB budget; " +
                           what_fits(config, r.memory_budget));
  }
  return config;
}

std::uint64_t propagation_bytes(const PropagationConfig& c) {
  const Shape& s = c.shape;
  const std::uint64_t L = s.depth, M = c.bins;
  return Network<float>::bytes(s)                      // the network
         + sizeof(double) * weight_scratch_doubles(c)  // orthogonal's QR
         + sizeof(std::uint32_t) * s.widest()          // units alive in a layer
         + PooledSample::bytes(s)                      // values for the edges
         + sizeof(double) * (4 * M + 2)                // edges, log thresholds
         + LogMagnitudeBins::bytes(c.bins)             // their bits, lookup table
         // The result: 13 numbers, 3 histograms and their tails per layer. Containers' headers
         // are left out: they differ between 64-bit and wasm32 targets, and the budget must not.
         + L * (13 * sizeof(double) + 3 * (M + 3) * sizeof(std::uint32_t));
}

}  // namespace actlab
