#pragma once
// The experiment behind `actlab propagate` and the page's depth figures: draw X, the weights,
// the biases and G from the seed, run the network (network.hpp) forward and back once in
// float32, and summarise every layer's signal and gradient.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actlab/histogram_tails.hpp"
#include "actlab/propagation_request.hpp"

namespace actlab {

struct LayerStatistics {
  int index = 0;        // l, 1..L from the input side
  double pre_mean = 0;  // over the B N_l entries of z_l (network.hpp)
  double pre_std = 0;   // population standard deviations throughout
  double act_mean = 0;  // over h_l
  double act_std = 0;
  // Fraction of the B N values (example, unit) with |phi'(z)| < eps sup|phi'|, phi'(z) = 0
  // included: ReLU's negative z count here.
  double saturated = 0;
  double dead = 0;             // fraction of the N units with phi'(z) = 0 for all B examples
  double grad_pre_std = 0;     // over delta_l = dL/dz_l
  double grad_act_std = 0;     // over dL/dh_l
  double weight_grad_rms = 0;  // sqrt(mean of dW_l's entries squared)
  double example_weight_grad_rms = 0;  // of the per-example dL_b/dW_l (gradient_scale.hpp)
  double weight_max_abs = 0;           // max |w| of W_l
  double weight_gain = 0;              // sqrt(N mean w^2) of W_l (gradient_scale.hpp)
  // M counts each, of the values that are not in the tails: bins and tails count all B N.
  std::vector<std::uint32_t> act_hist;      // h_l
  std::vector<std::uint32_t> log_act_hist;  // log10 |h_l|
  std::vector<std::uint32_t> grad_hist;     // log10 |delta_l|
  HistogramTails act_tails, log_act_tails, grad_tails;
};

struct Propagation {
  // Shared by all layers, so that the layers stack into a heatmap. act: linear in h, the
  // activation's range when bounded, else the pooled 0.5% and 99.5% quantiles of every
  // layer's h (symmetric about 0 when phi is unbounded below). log_act and grad: log10 |h|
  // and log10 |delta|, from the pooled quantiles of the nonzero values rounded out to whole
  // decades. Exact zeros and values beyond the ends are counted in the tails
  // (histogram_tails.hpp), not in the bins; the layers past an overflow are not counted.
  std::vector<double> act_hist_edges;      // M + 1
  std::vector<double> log_act_hist_edges;  // M + 1, log10 units
  std::vector<double> grad_hist_edges;     // M + 1, log10 units
  std::vector<LayerStatistics> layers;
  // Exploding signals and gradients: the first layer l whose z_l or h_l leaves float32's finite
  // range (inf or NaN), and, when the signal stays finite, the first layer backprop reaches
  // (the highest l) whose delta_l, dL/dh_l or dW_l does. A layer from overflow_layer on has no
  // statistics (NaN, null in JSON; histograms count nothing), nor has any layer's gradient; a
  // layer from grad_overflow_layer down has no gradient statistics.
  std::optional<int> overflow_layer;
  std::optional<int> grad_overflow_layer;
  // FNV-1a (four chains) over the float bits of X, W_1..W_L, b_1..b_L and G: every draw of the
  // experiment, the same on every target for a seed.
  std::uint64_t draws_hash = 0;
};

// draws_hash as 16 lowercase hex digits, as the CLI prints it and the module returns it.
std::string hash_text(std::uint64_t hash);

inline constexpr const char* kActHistScale = "linear";
inline constexpr const char* kGradHistScale = "log10_abs";

// The bytes of weights a Propagator keeps between runs by default: the page's depth figures at
// their defaults need 0.5-3.5 MiB a network (figure 5's D100 W96 3.5), figure 4's four
// initializers dragged to depth 200 at width 96 4 x 7 MiB.
inline constexpr std::uint64_t kWeightStoreBytes = std::uint64_t{48} << 20;
// And of at most this many initializers and seeds: figures 2-5's eight networks in one module.
inline constexpr std::size_t kWeightStoreNetworks = 8;

class WeightStore;

// Runs experiments, keeping its buffers while the shape stays the same: repeated runs (the
// page's sliders) allocate nothing but their results. And it keeps the weights it drew, layer
// by layer, up to weight_store_bytes: a run whose layers 1..l have the same fans, initializer
// and seed as a run before (another depth, batch or activation) copies them instead of drawing
// them, bit for bit the same.
class Propagator {
 public:
  explicit Propagator(std::uint64_t weight_store_bytes = kWeightStoreBytes);
  ~Propagator();
  Propagation run(const PropagationConfig& config);
  std::uint64_t kept_weight_bytes() const;  // at most weight_store_bytes

 private:
  struct Workspace;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<WeightStore> weights_;
};

}  // namespace actlab
