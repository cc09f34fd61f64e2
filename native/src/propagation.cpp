#include "actlab/propagation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <tuple>
#include <utility>

#include "actlab/activation_info.hpp"
#include "actlab/gradient_scale.hpp"
#include "actlab/message_text.hpp"
#include "actlab/portable_math.hpp"
#include "actlab/saturation.hpp"
#include "actlab/statistics.hpp"

namespace actlab {

namespace {

// One PCG32 stream of the seed per quantity, so that changing one of them (say --bias-std)
// leaves the others' draws as they were.
enum Stream : std::uint64_t { kWeights = 1, kBiases = 2, kInput = 3, kUpstream = 4, kSampling = 5 };

// At most this many values, drawn uniformly from all layers, set the pooled histogram edges.
constexpr std::size_t kEdgeSample = 65536;  // a multiple of PooledSample::draw()'s block
constexpr double kLowQuantile = 0.005;
constexpr double kHighQuantile = 0.995;
constexpr double kInvLn10 = 0.43429448190325182765112891891660508;
constexpr double kLn10 = 2.30258509299404568401799145468436421;

// --- checks -----------------------------------------------------------------------------

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

std::size_t weight_scratch_doubles(const PropagationConfig& c) {
  const Shape& s = c.shape;
  const std::size_t first = weight_scratch_size(c.init, s.input_dim, s.width);
  const std::size_t rest = s.depth > 1 ? weight_scratch_size(c.init, s.width, s.width) : 0;
  return std::max(first, rest);
}

std::size_t layer_entries(const Shape& s) {
  return static_cast<std::size_t>(s.batch) * static_cast<std::size_t>(s.width);
}

std::size_t edge_sample_size(const Shape& s) {
  const std::uint64_t total = std::uint64_t{layer_entries(s)} * static_cast<std::uint64_t>(s.depth);
  return static_cast<std::size_t>(std::min<std::uint64_t>(kEdgeSample, total));
}

// --- statistics -------------------------------------------------------------------------

// FNV-1a (Fowler, Noll, Vo) over 32-bit words, as four chains: word i of the stream goes to
// chain i mod 4, whose hashes are then hashed in order. Four independent multiplications in
// flight instead of one long chain of them.
class Fnv1a {
 public:
  void add(const float* x, std::size_t n) {
    std::size_t i = 0;
    for (; i < n && next_ != 0; ++i) step(x[i]);
    for (; i + kChains <= n; i += kChains) {
      for (std::size_t k = 0; k < kChains; ++k) hash_[k] = mix(hash_[k], bits(x[i + k]));
    }
    for (; i < n; ++i) step(x[i]);
  }
  std::uint64_t value() const {
    std::uint64_t h = kOffset;
    for (const std::uint64_t chain : hash_) h = mix(h, chain);
    return h;
  }

 private:
  static constexpr std::size_t kChains = 4;
  static constexpr std::uint64_t kOffset = 14695981039346656037ULL;
  static std::uint64_t mix(std::uint64_t hash, std::uint64_t word) {
    return (hash ^ word) * 1099511628211ULL;
  }
  static std::uint32_t bits(float x) {
    std::uint32_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
  }
  void step(float x) {
    hash_[next_] = mix(hash_[next_], bits(x));
    next_ = (next_ + 1) % kChains;
  }
  std::uint64_t hash_[kChains] = {kOffset, kOffset, kOffset, kOffset};
  std::size_t next_ = 0;  // the chain of the stream's next word
};

// Up to kEdgeSample finite values of all layers together, whose quantiles set the pooled
// histogram edges: at positions drawn uniformly from all layers' entries, or every entry when
// there are fewer. The positions are drawn before the passes and grouped by layer, so that a
// layer's values are taken while its pass has them in cache; the quantiles do not depend on
// the order in which the values were taken.
class PooledSample {
 public:
  // The bytes draw() holds for a shape.
  static std::uint64_t bytes(const Shape& s) {
    return (sizeof(float) + 4 * sizeof(std::uint32_t) + sizeof(std::uint16_t)) *
               edge_sample_size(s) +
           sizeof(std::uint32_t) * (s.depth + 1);
  }

  void draw(const Shape& s, std::uint32_t seed) {
    per_layer_ = layer_entries(s);
    const std::uint64_t total = std::uint64_t{per_layer_} * static_cast<std::uint64_t>(s.depth);
    values_.resize(edge_sample_size(s));
    scratch_.resize(2 * values_.size());
    count_ = 0;
    every_entry_ = total <= kEdgeSample;
    if (every_entry_) return;
    // Counting sort by layer, in the order of the draws; entries number under 2^32 (the budget).
    drawn_layer_.resize(kEdgeSample);
    drawn_position_.resize(kEdgeSample);
    positions_.resize(kEdgeSample);
    starts_.assign(s.depth + 1, 0);
    Rng rng(seed, kSampling);
    const std::uint64_t depth = static_cast<std::uint64_t>(s.depth);
    constexpr std::size_t kBlock = 512;
    std::uint32_t bits[2 * kBlock];
    for (std::size_t start = 0; start < kEdgeSample; start += kBlock) {
      rng.next_u32(bits, 2 * kBlock);  // kEdgeSample is a multiple of kBlock
      for (std::size_t k = 0; k < kBlock; ++k) {
        // For r = hi 2^32 + lo uniform on [0, 2^64): the entry floor(r total / 2^64), uniform
        // on [0, total) up to total / 2^64, and its layer floor(r L / 2^64) (= entry /
        // per_layer, as nested floors are one), from 64-bit products (L, total < 2^32).
        const std::uint64_t hi = bits[2 * k], lo = bits[2 * k + 1];
        const auto scaled = [&](std::uint64_t m) { return (hi * m + ((lo * m) >> 32)) >> 32; };
        const std::uint64_t entry = scaled(total), layer = scaled(depth);
        drawn_layer_[start + k] = static_cast<std::uint16_t>(layer);
        drawn_position_[start + k] = static_cast<std::uint32_t>(entry - layer * per_layer_);
      }
    }
    for (const std::uint16_t layer : drawn_layer_) ++starts_[layer + 1];
    for (int l = 1; l <= s.depth; ++l) starts_[l] += starts_[l - 1];
    for (std::size_t k = 0; k < kEdgeSample; ++k) {
      positions_[starts_[drawn_layer_[k]]++] = drawn_position_[k];  // then layer l's end
    }
    for (int l = s.depth; l >= 1; --l) starts_[l] = starts_[l - 1];
    starts_[0] = 0;
  }

  // Adds the finite values x of layer l (1..L, in order) at its positions for which keep(x).
  template <class Keep>
  void take(int l, const float* layer, Keep keep) {
    const auto add = [&](float x) {
      if (std::isfinite(x) && keep(x)) values_[count_++] = x;
    };
    if (every_entry_) {
      for (std::size_t i = 0; i < per_layer_; ++i) add(layer[i]);
    } else {
      for (std::uint32_t k = starts_[l - 1]; k < starts_[l]; ++k) add(layer[positions_[k]]);
    }
  }

  // The values of ranks floor(q (n - 1)) at q = kLowQuantile and kHighQuantile; n > 0.
  std::pair<double, double> quantiles() {
    const auto rank = [&](double q) { return static_cast<std::size_t>(q * (count_ - 1.0)); };
    return order_statistics(values_.data(), count_, rank(kLowQuantile), rank(kHighQuantile),
                            scratch_.data());
  }

  float* values() { return values_.data(); }
  std::size_t size() const { return count_; }
  void clear() { count_ = 0; }

 private:
  std::size_t per_layer_ = 0;
  bool every_entry_ = true;
  std::vector<std::uint16_t> drawn_layer_;     // the entries drawn, in the order of the draws:
  std::vector<std::uint32_t> drawn_position_;  // layer l - 1 and position within it
  std::vector<std::uint32_t> positions_;       // their positions within their layer, layer by layer
  std::vector<std::uint32_t> starts_;          // layer l's positions: [starts_[l - 1], starts_[l])
  std::vector<float> values_;
  std::vector<std::uint32_t> scratch_;  // order_statistics()'s
  std::size_t count_ = 0;
};

}  // namespace

std::string hash_text(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
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
                                 {depth.value(), width.value(), batch.value(), input_dim.value()},
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
         + sizeof(std::uint32_t) * s.width             // units alive in a layer
         + PooledSample::bytes(s)                      // values for the edges
         + sizeof(double) * (4 * M + 2)                // edges, log thresholds
         + LogMagnitudeBins::bytes(c.bins)             // their bits, lookup table
         // The result: 13 numbers, 3 histograms and their tails per layer. Containers' headers
         // are left out: they differ between 64-bit and wasm32 targets, and the budget must not.
         + L * (13 * sizeof(double) + 3 * (M + 3) * sizeof(std::uint32_t));
}

struct Propagator::Workspace {
  explicit Workspace(const Shape& shape) : net(shape) {}
  Network<float> net;
  std::vector<double> weight_scratch;
  std::vector<std::uint32_t> alive;  // per unit: phi'(z) != 0 for some example
  PooledSample sample;
  std::vector<double> inner_thresholds;
  LogMagnitudeBins log_bins;
};

Propagator::Propagator() = default;
Propagator::~Propagator() = default;

namespace {

// Every random draw of the experiment, each quantity from its own stream; returns their hash.
std::uint64_t draw(const PropagationConfig& c, Network<float>& net, double* weight_scratch) {
  const Shape& s = c.shape;
  Fnv1a hash;
  Rng input(c.seed, kInput);
  MatrixView<float> x = net.input();
  draw_normals(input, c.input_std, x.data(), x.size());
  hash.add(x.data(), x.size());
  Rng weights(c.seed, kWeights);
  for (int l = 1; l <= s.depth; ++l) {
    MatrixView<float> w = net.weight(l);
    draw_weights(c.init, s.fan_in(l), s.width, weights, w.data(), weight_scratch);
    hash.add(w.data(), w.size());
  }
  Rng biases(c.seed, kBiases);
  for (int l = 1; l <= s.depth; ++l) {
    MatrixView<float> b = net.bias(l);
    if (c.bias_std > 0) {
      draw_normals(biases, c.bias_std, b.data(), b.size());
    } else {
      b.setZero();
    }
    hash.add(b.data(), b.size());
  }
  Rng upstream(c.seed, kUpstream);
  MatrixView<float> g = net.upstream();
  draw_normals(upstream, 1.0, g.data(), g.size());
  hash.add(g.data(), g.size());
  return hash.value();
}

std::vector<double> act_edges(const PropagationConfig& c, PooledSample& sample) {
  const Range r = range(c.act);
  if (r.bounded()) return linear_edges(*r.lo, *r.hi, c.bins);
  double lo = -1, hi = 1;
  if (sample.size() > 0) {
    std::tie(lo, hi) = sample.quantiles();
    if (!r.lo) hi = std::max(std::fabs(lo), std::fabs(hi)), lo = -hi;  // zero in the middle
    if (!(hi > lo)) lo -= 1, hi += 1;
  }
  return linear_edges(lo, hi, c.bins);
}

double log10_portable(double x) {
  return portable::log(x) * kInvLn10;
}

double decade_magnitude(double e) {
  return portable::exp(e * kLn10);
}

// From the nonzero values of the sample (delta_l, or h_l).
std::vector<double> log_edges(const PropagationConfig& c, PooledSample& sample) {
  double lo = -1, hi = 0;
  const std::size_t n = sample.size();
  if (n > 0) {
    float* magnitudes = sample.values();
    for (std::size_t i = 0; i < n; ++i) magnitudes[i] = std::fabs(magnitudes[i]);
    const auto [low, high] = sample.quantiles();
    lo = std::floor(log10_portable(low));
    hi = std::ceil(log10_portable(high));
    if (!(hi > lo)) hi = lo + 1;
  }
  return linear_edges(lo, hi + 0.0, c.bins);  // + 0.0: ceil(-0.5) is -0, print it as 0
}

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// A statistic of finite floats is finite in double (their squares stay below 1.2e77): a non-
// finite one says some entry left float32's finite range.
bool finite(std::initializer_list<double> statistics) {
  return std::all_of(statistics.begin(), statistics.end(),
                     [](double x) { return std::isfinite(x); });
}

void clear_gradient(LayerStatistics& stats) {
  stats.grad_pre_std = stats.grad_act_std = stats.weight_grad_rms = kNone;
  stats.example_weight_grad_rms = kNone;
}

void clear_signal(LayerStatistics& stats) {
  stats.pre_mean = stats.pre_std = stats.act_mean = stats.act_std = kNone;
  stats.saturated = stats.dead = kNone;
  clear_gradient(stats);
}

}  // namespace

Propagation Propagator::run(const PropagationConfig& c) {
  const Shape& s = c.shape;
  if (!workspace_ || !(workspace_->net.shape() == s)) {
    workspace_.reset();  // free the old buffers before allocating the new ones
    workspace_ = std::make_unique<Workspace>(s);
  }
  Workspace& ws = *workspace_;
  const std::size_t scratch = weight_scratch_doubles(c);
  if (ws.weight_scratch.size() != scratch) ws.weight_scratch = std::vector<double>(scratch);
  ws.alive.resize(s.width);
  ws.inner_thresholds.resize(c.bins - 1);
  ws.sample.draw(s, c.seed);
  Network<float>& net = ws.net;

  Propagation result;
  result.draws_hash = draw(c, net, ws.weight_scratch.data());
  result.layers.resize(s.depth);
  for (int l = 1; l <= s.depth; ++l) {
    LayerStatistics& stats = result.layers[l - 1];
    stats.act_hist.assign(c.bins, 0);
    stats.log_act_hist.assign(c.bins, 0);
    stats.grad_hist.assign(c.bins, 0);
    const MatrixView<float> w = net.weight(l);
    const WeightSummary summary = weight_summary({w.data(), w.rows(), w.cols()});
    stats.weight_max_abs = summary.max_abs, stats.weight_gain = summary.gain;
  }
  // |phi'| < eps sup|phi'| (in double), compared in float.
  const float saturation_threshold = actlab::saturation_threshold(c.act, c.saturation_eps);
  const std::size_t entries = layer_entries(s);
  // A bounded activation's histogram spans its range, known before the pass: each layer is
  // counted as it is computed. Otherwise the edges come from the sample of every layer.
  const bool act_edges_known = range(c.act).bounded();
  if (act_edges_known) result.act_hist_edges = act_edges(c, ws.sample);

  net.forward(c.act, [&](const ForwardLayer<float>& layer) {
    LayerStatistics& stats = result.layers[layer.index - 1];
    stats.index = layer.index;
    if (result.overflow_layer) return clear_signal(stats);
    const MeanStd z = mean_std(layer.z.data(), entries), h = mean_std(layer.h.data(), entries);
    if (!finite({z.mean, z.std, h.mean, h.std})) {
      result.overflow_layer = layer.index;
      return clear_signal(stats);
    }
    stats.pre_mean = z.mean, stats.pre_std = z.std;
    stats.act_mean = h.mean, stats.act_std = h.std;
    if (act_edges_known) {  // counted while h_l is in cache
      LinearBins(result.act_hist_edges).count(layer.h.data(), entries, stats.act_hist.data());
    } else {
      ws.sample.take(layer.index, layer.h.data(), [](float) { return true; });
    }
    stats.saturated =
        double(count_saturated(layer.dphi.data(), layer.dphi.rows(), layer.dphi.cols(),
                               saturation_threshold, ws.alive.data())) /
        double(entries);
    stats.dead = dead_fraction(ws.alive.data(), s.width);
  });
  if (!act_edges_known) {
    result.act_hist_edges = act_edges(c, ws.sample);
    const LinearBins bins(result.act_hist_edges);
    for (LayerStatistics& stats : result.layers) {
      if (result.overflow_layer && stats.index >= *result.overflow_layer) break;
      bins.count(net.h(stats.index).data(), entries, stats.act_hist.data());
    }
  }

  // The layers whose signal, and whose gradient, are numbers: only they are counted.
  const auto has_signal = [&](int l) {
    return !result.overflow_layer || l < *result.overflow_layer;
  };
  const auto has_gradient = [&](int l) {
    return !result.overflow_layer &&
           (!result.grad_overflow_layer || l > *result.grad_overflow_layer);
  };
  // Each counted layer's values(l) into its histogram hist on the log10 edges, from the
  // magnitudes 10^e that take_log_tails() compares with.
  const auto count_log = [&](const std::vector<double>& edges,
                             std::vector<std::uint32_t> LayerStatistics::*hist, auto counted,
                             auto values) {
    for (int j = 1; j < c.bins; ++j) ws.inner_thresholds[j - 1] = decade_magnitude(edges[j]);
    ws.log_bins.set_edges(ws.inner_thresholds);
    for (LayerStatistics& stats : result.layers) {
      if (!counted(stats.index)) continue;
      ws.log_bins.count(values(stats.index), entries, (stats.*hist).data());
    }
  };
  const auto nonzero = [](float x) { return x != 0; };
  ws.sample.clear();
  for (const LayerStatistics& stats : result.layers) {
    if (!has_signal(stats.index)) break;
    ws.sample.take(stats.index, net.h(stats.index).data(), nonzero);
  }
  result.log_act_hist_edges = log_edges(c, ws.sample);
  count_log(result.log_act_hist_edges, &LayerStatistics::log_act_hist, has_signal,
            [&](int l) { return net.h(l).data(); });

  ws.sample.clear();
  // Gradients through an overflowed signal are not numbers either: no backward pass then.
  if (result.overflow_layer) {
    for (LayerStatistics& stats : result.layers) clear_gradient(stats);
  } else {
    net.backward([&](const BackwardLayer<float>& layer) {
      LayerStatistics& stats = result.layers[layer.index - 1];
      if (result.grad_overflow_layer) return clear_gradient(stats);
      const MeanStd delta = mean_std(layer.delta.data(), entries);
      const MeanStd grad_h = mean_std(layer.grad_h.data(), entries);
      const double dW = root_mean_square(layer.dW.data(), layer.dW.size());
      if (!finite({delta.mean, delta.std, grad_h.mean, grad_h.std, dW})) {
        result.grad_overflow_layer = layer.index;
        return clear_gradient(stats);
      }
      stats.grad_pre_std = delta.std, stats.grad_act_std = grad_h.std, stats.weight_grad_rms = dW;
      stats.example_weight_grad_rms = example_weight_grad_rms(layer.delta, net.h(layer.index - 1));
      ws.sample.take(layer.index, layer.delta.data(), nonzero);
    });
  }
  result.grad_hist_edges = log_edges(c, ws.sample);
  count_log(result.grad_hist_edges, &LayerStatistics::grad_hist, has_gradient,
            [&](int l) { return net.delta(l).data(); });

  const auto log_tails = [&](const float* x, const std::vector<double>& edges,
                             std::vector<std::uint32_t>& hist) {
    return take_log_tails(x, entries, decade_magnitude(edges.front()),
                          decade_magnitude(edges.back()), c.bins, hist.data());
  };
  for (LayerStatistics& stats : result.layers) {
    if (!has_signal(stats.index)) break;
    const float* h = net.h(stats.index).data();
    stats.act_tails = take_linear_tails(h, entries, result.act_hist_edges, stats.act_hist.data());
    stats.log_act_tails = log_tails(h, result.log_act_hist_edges, stats.log_act_hist);
    if (!has_gradient(stats.index)) continue;
    stats.grad_tails =
        log_tails(net.delta(stats.index).data(), result.grad_hist_edges, stats.grad_hist);
  }
  return result;
}

}  // namespace actlab
