// The experiment's stages (propagation.hpp): the draws, the forward pass with its statistics
// and linear histograms, the log10 histograms of h, the backward pass with its statistics and
// log10 histograms of delta, and the tails of every histogram.
#include "actlab/propagation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <optional>
#include <tuple>

#include "actlab/activation_info.hpp"
#include "actlab/gradient_scale.hpp"
#include "actlab/layer_fields.hpp"
#include "actlab/portable_math.hpp"
#include "actlab/saturation.hpp"
#include "actlab/statistics.hpp"
#include "experiment_draws.hpp"
#include "pooled_sample.hpp"
#include "weight_store.hpp"

namespace actlab {

namespace {

constexpr double kInvLn10 = 0.43429448190325182765112891891660508;
constexpr double kLn10 = 2.30258509299404568401799145468436421;

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

// Sets the layer's statistics of a pass to "none", as kLayerFields groups them.
void clear(LayerStatistics& stats, LayerPass pass) {
  for (const LayerField& field : kLayerFields) {
    if (field.pass == pass) stats.*field.value = kNone;
  }
}

void clear_gradient(LayerStatistics& stats) {
  clear(stats, LayerPass::gradient);
}

// No signal, and so no gradient through it.
void clear_signal(LayerStatistics& stats) {
  clear(stats, LayerPass::signal);
  clear_gradient(stats);
}

}  // namespace

std::string hash_text(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

struct Propagator::Workspace {
  explicit Workspace(const Shape& shape) : net(shape) {}
  // Sizes the scratch for c, draws every random number and sets up the result's layers.
  void draw(const PropagationConfig& c, Propagation& result, WeightStore& weights);
  // z_l and h_l: their moments, the saturated and dead fractions, the linear histograms of h.
  void forward(const PropagationConfig& c, Propagation& result);
  // The log10 |h| histograms, on edges from every layer's nonzero h.
  void log_act_histograms(const PropagationConfig& c, Propagation& result);
  // delta_l, dL/dh_l and dW_l: their statistics and the log10 |delta| histograms.
  void backward(const PropagationConfig& c, Propagation& result);
  // Exact zeros and values beyond the ends of each histogram.
  void tails(const PropagationConfig& c, Propagation& result);
  // Each counted layer's values(l) into its histogram hist on the log10 edges, from the
  // magnitudes 10^e that take_log_tails() compares with.
  template <class Counted, class Values>
  void count_log(const PropagationConfig& c, Propagation& result, const std::vector<double>& edges,
                 std::vector<std::uint32_t> LayerStatistics::*hist, Counted counted, Values values);

  // What the draws depend on besides the shape (the workspace's): the same seed, initializer
  // and scales draw the same X, W, b and G, which a run then keeps from the one before.
  // Figure 2 runs one network per activation on the same draws.
  struct DrawKey {
    Initializer init;
    double input_std, bias_std;
    std::uint32_t seed;
    bool operator==(const DrawKey& o) const {
      return init.kind == o.init.kind && init.std == o.init.std && init.gain == o.init.gain &&
             input_std == o.input_std && bias_std == o.bias_std && seed == o.seed;
    }
  };
  std::optional<DrawKey> drawn;
  std::uint64_t drawn_hash = 0;
  std::vector<WeightSummary> drawn_weights;  // per layer

  Network<float> net;
  std::vector<double> weight_scratch;
  std::vector<std::uint32_t> alive;  // per unit: phi'(z) != 0 for some example
  PooledSample sample;
  std::vector<double> inner_thresholds;
  LogMagnitudeBins log_bins;
};

namespace {

// The layers whose signal, and whose gradient, are numbers: only they are counted.
bool has_signal(const Propagation& result, int l) {
  return !result.overflow_layer || l < *result.overflow_layer;
}

bool has_gradient(const Propagation& result, int l) {
  return !result.overflow_layer && (!result.grad_overflow_layer || l > *result.grad_overflow_layer);
}

bool nonzero(float x) {
  return x != 0;
}

}  // namespace

void Propagator::Workspace::draw(const PropagationConfig& c, Propagation& result,
                                 WeightStore& weights) {
  const Shape& s = c.shape;
  const std::size_t scratch = weight_scratch_doubles(c);
  if (weight_scratch.size() != scratch) weight_scratch = std::vector<double>(scratch);
  alive.resize(s.widest());
  inner_thresholds.resize(c.bins - 1);
  sample.draw(s, c.seed);
  const DrawKey key{c.init, c.input_std, c.bias_std, c.seed};
  if (!(drawn && *drawn == key)) {
    drawn.reset();  // until the draws below are done
    drawn_hash = draw_experiment(c, net, weight_scratch.data(), weights, drawn_weights);
    drawn = key;
  }
  result.draws_hash = drawn_hash;
  result.layers.resize(s.depth);
  for (int l = 1; l <= s.depth; ++l) {
    LayerStatistics& stats = result.layers[l - 1];
    stats.act_hist.assign(c.bins, 0);
    stats.log_act_hist.assign(c.bins, 0);
    stats.grad_hist.assign(c.bins, 0);
    stats.weight_max_abs = drawn_weights[l - 1].max_abs;
    stats.weight_gain = drawn_weights[l - 1].gain;
  }
}

void Propagator::Workspace::forward(const PropagationConfig& c, Propagation& result) {
  const Shape& s = c.shape;
  // |phi'| < eps sup|phi'| (in double), compared in float.
  const float saturation_threshold = actlab::saturation_threshold(c.act, c.saturation_eps);
  // A bounded activation's histogram spans its range, known before the pass: each layer is
  // counted as it is computed. Otherwise the edges come from the sample of every layer.
  const bool act_edges_known = range(c.act).bounded();
  if (act_edges_known) result.act_hist_edges = act_edges(c, sample);

  net.forward(c.act, [&](const ForwardLayer<float>& layer) {
    LayerStatistics& stats = result.layers[layer.index - 1];
    stats.index = layer.index;
    if (result.overflow_layer) return clear_signal(stats);
    const std::size_t entries = layer_entries(s, layer.index);
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
      sample.take(layer.index, layer.h.data(), [](float) { return true; });
    }
    stats.saturated =
        double(count_saturated(layer.dphi.data(), layer.dphi.rows(), layer.dphi.cols(),
                               saturation_threshold, alive.data())) /
        double(entries);
    stats.dead = dead_fraction(alive.data(), s.fan_out(layer.index));
  });
  if (!act_edges_known) {
    result.act_hist_edges = act_edges(c, sample);
    const LinearBins bins(result.act_hist_edges);
    for (LayerStatistics& stats : result.layers) {
      if (!has_signal(result, stats.index)) break;
      bins.count(net.h(stats.index).data(), layer_entries(s, stats.index), stats.act_hist.data());
    }
  }
}

template <class Counted, class Values>
void Propagator::Workspace::count_log(const PropagationConfig& c, Propagation& result,
                                      const std::vector<double>& edges,
                                      std::vector<std::uint32_t> LayerStatistics::*hist,
                                      Counted counted, Values values) {
  for (int j = 1; j < c.bins; ++j) inner_thresholds[j - 1] = decade_magnitude(edges[j]);
  log_bins.set_edges(inner_thresholds);
  for (LayerStatistics& stats : result.layers) {
    if (!counted(result, stats.index)) continue;
    log_bins.count(values(stats.index), layer_entries(c.shape, stats.index), (stats.*hist).data());
  }
}

void Propagator::Workspace::log_act_histograms(const PropagationConfig& c, Propagation& result) {
  sample.clear();
  for (const LayerStatistics& stats : result.layers) {
    if (!has_signal(result, stats.index)) break;
    sample.take(stats.index, net.h(stats.index).data(), nonzero);
  }
  result.log_act_hist_edges = log_edges(c, sample);
  count_log(c, result, result.log_act_hist_edges, &LayerStatistics::log_act_hist, has_signal,
            [&](int l) { return net.h(l).data(); });
}

void Propagator::Workspace::backward(const PropagationConfig& c, Propagation& result) {
  sample.clear();
  // Gradients through an overflowed signal are not numbers either: no backward pass then.
  if (result.overflow_layer) {
    for (LayerStatistics& stats : result.layers) clear_gradient(stats);
  } else {
    net.backward([&](const BackwardLayer<float>& layer) {
      LayerStatistics& stats = result.layers[layer.index - 1];
      if (result.grad_overflow_layer) return clear_gradient(stats);
      const std::size_t entries = layer_entries(c.shape, layer.index);
      const MeanStd delta = mean_std(layer.delta.data(), entries);
      const MeanStd grad_h = mean_std(layer.grad_h.data(), entries);
      const double dW = root_mean_square(layer.dW.data(), layer.dW.size());
      if (!finite({delta.mean, delta.std, grad_h.mean, grad_h.std, dW})) {
        result.grad_overflow_layer = layer.index;
        return clear_gradient(stats);
      }
      stats.grad_pre_std = delta.std, stats.grad_act_std = grad_h.std, stats.weight_grad_rms = dW;
      stats.example_weight_grad_rms = example_weight_grad_rms(layer.delta, net.h(layer.index - 1));
      sample.take(layer.index, layer.delta.data(), nonzero);
    });
  }
  result.grad_hist_edges = log_edges(c, sample);
  count_log(c, result, result.grad_hist_edges, &LayerStatistics::grad_hist, has_gradient,
            [&](int l) { return net.delta(l).data(); });
}

void Propagator::Workspace::tails(const PropagationConfig& c, Propagation& result) {
  const auto log_tails = [&](const float* x, std::size_t entries, const std::vector<double>& edges,
                             std::vector<std::uint32_t>& hist) {
    return take_log_tails(x, entries, decade_magnitude(edges.front()),
                          decade_magnitude(edges.back()), c.bins, hist.data());
  };
  for (LayerStatistics& stats : result.layers) {
    if (!has_signal(result, stats.index)) break;
    const float* h = net.h(stats.index).data();
    const std::size_t entries = layer_entries(c.shape, stats.index);
    stats.act_tails = take_linear_tails(h, entries, result.act_hist_edges, stats.act_hist.data());
    stats.log_act_tails = log_tails(h, entries, result.log_act_hist_edges, stats.log_act_hist);
    if (!has_gradient(result, stats.index)) continue;
    stats.grad_tails =
        log_tails(net.delta(stats.index).data(), entries, result.grad_hist_edges, stats.grad_hist);
  }
}

Propagator::Propagator(std::uint64_t weight_store_bytes)
    : weights_(std::make_unique<WeightStore>(weight_store_bytes, kWeightStoreNetworks)) {}
Propagator::~Propagator() = default;

std::uint64_t Propagator::kept_weight_bytes() const {
  return weights_->bytes();
}

Propagation Propagator::run(const PropagationConfig& c) {
  if (!workspace_ || !(workspace_->net.shape() == c.shape)) {
    workspace_.reset();  // free the old buffers before allocating the new ones
    workspace_ = std::make_unique<Workspace>(c.shape);
  }
  Propagation result;
  workspace_->draw(c, result, *weights_);
  workspace_->forward(c, result);
  workspace_->log_act_histograms(c, result);
  workspace_->backward(c, result);
  workspace_->tails(c, result);
  return result;
}

}  // namespace actlab
