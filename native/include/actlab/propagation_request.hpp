#pragma once
// What `actlab propagate` and the module's propagate() are asked for, its checks in the order
// of `actlab propagate --help`, and the memory budget they are held to (propagation.hpp runs
// the experiment).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "actlab/activation.hpp"
#include "actlab/expected.hpp"
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
  std::optional<int> bottleneck_layer;   // --bottleneck-layer K, 1..L, with --bottleneck-width
  std::optional<int> bottleneck_width;   // --bottleneck-width M, 1..2048: layer K's units
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

// The doubles of the initializer's scratch for the largest of the experiment's weight matrices.
std::size_t weight_scratch_doubles(const PropagationConfig& config);

}  // namespace actlab
