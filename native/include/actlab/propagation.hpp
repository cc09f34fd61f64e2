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

#include "actlab/activation.hpp"
#include "actlab/expected.hpp"
#include "actlab/histogram_tails.hpp"
#include "actlab/initializer.hpp"
#include "actlab/network.hpp"
#include "actlab/saturation.hpp"  // kDefaultSaturationEps

namespace actlab {

inline constexpr int kMinBins = 2;
inline constexpr int kMaxBins = 512;
inline constexpr double kMaxInputScale = 100;  // the largest --input-std and --bias-std
inline constexpr std::uint32_t kMaxSeed = 4294967295u;
// The defaults of the optional flags.
inline constexpr double kDefaultInputStd = 1;
inline constexpr double kDefaultBiasStd = 0;
inline constexpr std::uint32_t kDefaultSeed = 1;
inline constexpr int kDefaultBins = 64;
// Every buffer of one experiment together, checked before anything is allocated. The browser's
// budget, 256 MiB, leaves a tab room for the page itself; the CLI's is the machine's (its
// --max-memory, by default half the physical memory).
inline constexpr std::uint64_t kMemoryBudgetBytes = std::uint64_t{256} << 20;

// What the user asked for, as CLI flags or JS options; nullopt: not given (the default).
struct PropagationRequest {
  std::string act;                       // --act, required
  std::optional<double> alpha;           // --alpha
  std::string init;                      // --init, required
  std::optional<double> init_std;        // --init-std, required by and only for "normal"
  std::optional<double> gain;            // --gain, "orthogonal" only, default 1
  std::optional<int> depth;              // --depth L, required, 1..200
  std::optional<int> width;              // --width N, required, 1..2048
  std::optional<int> batch;              // --batch B, required, 1..4096
  std::optional<int> input_dim;          // --input-dim D, 1..4096, default N
  std::optional<double> input_std;       // (0, 100], default 1
  std::optional<double> bias_std;        // [0, 100], default 0
  std::optional<double> seed;            // an integer 0..4294967295, default 1
  std::optional<int> bins;               // M, 2..512, default 64
  std::optional<double> saturation_eps;  // (0, 1), default 0.1
  std::uint64_t memory_budget = kMemoryBudgetBytes;  // bytes; the CLI's --max-memory
};

struct PropagationConfig {
  Activation act;
  Initializer init;
  Shape shape;
  double input_std = 1;  // X ~ N(0, input_std^2)
  double bias_std = 0;   // b_l ~ N(0, bias_std^2), zero when 0
  std::uint32_t seed = 1;
  int bins = 64;
  double saturation_eps = 0.1;
};

// --depth: required, 1..kMaxDepth (shared by `propagate` and `bound`).
Expected<int> check_depth(std::optional<int> depth);

// --saturation-eps: in (0, 1), default 0.1 (shared by `propagate` and saturationRegions).
Expected<double> check_saturation_eps(std::optional<double> eps);

// Checks every flag in the order of `actlab propagate --help`, then the memory budget. Each
// message names the flag and its valid values; a refusal by the budget names the largest
// --batch that fits (or, when not even one example does, the largest --depth).
Expected<PropagationConfig> check_propagation(const PropagationRequest& request);

// The bytes an experiment holds: the network's buffers, the initializer's scratch, the
// statistics' scratch and the result.
std::uint64_t propagation_bytes(const PropagationConfig& config);

struct LayerStatistics {
  int index = 0;        // l, 1..L from the input side
  double pre_mean = 0;  // over the B N entries of z_l
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

// Runs experiments, keeping its buffers while the shape stays the same: repeated runs (the
// page's sliders) allocate nothing but their results.
class Propagator {
 public:
  Propagator();
  ~Propagator();
  Propagation run(const PropagationConfig& config);

 private:
  struct Workspace;
  std::unique_ptr<Workspace> workspace_;
};

}  // namespace actlab
