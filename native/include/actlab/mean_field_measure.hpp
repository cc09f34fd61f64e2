#pragma once
// The length and correlation maps measured on a real network, beside the theory's
// (mean_field.hpp): P pairs of inputs in R^N,
//   x_i = sqrt(q0) u_i,   x'_i = sqrt(q0) (c0 u_i + sqrt(1 - c0^2) v_i),   u, v ~ N(0, 1),
// through L layers z_l = W_l h_{l-1} + b_l, h_l = phi(z_l), W_l ~ N(0, sigma_w2 / N) [N x N],
// b_l ~ N(0, sigma_b2): the draws of `propagate --sigma-w2 --sigma-b2` for the seed (its
// weight and bias streams, here in double). Per layer, over the P N entries of each side:
//   q_l = (q_a + q_b) / 2,   c_l = q_ab / sqrt(q_a q_b),
//   q_a = mean z_l(x)^2,  q_b = mean z_l(x')^2,  q_ab = mean z_l(x) z_l(x').
// In double with each entry's sum in one order, so that native and wasm give the same bits.
#include <cstdint>
#include <optional>
#include <vector>

#include "actlab/expected.hpp"
#include "actlab/mean_field.hpp"

namespace actlab {

inline constexpr int kMaxMeasureWidth = 1024;  // L N^2 2P multiply-adds: seconds at the top
inline constexpr int kDefaultMeasureWidth = 256;
inline constexpr int kMaxMeasurePairs = 64;
inline constexpr int kDefaultMeasurePairs = 8;

struct MeasureRequest {
  TheoryRequest theory;        // --act --alpha --sigma-w2 --sigma-b2 --depth --q0 --c0
  std::optional<int> width;    // --width N, 1..1024, default 256
  std::optional<int> pairs;    // --pairs P, 1..64, default 8
  std::optional<double> seed;  // an integer 0..4294967295, default 1
};

struct MeasureConfig {
  TheoryConfig theory;
  int width = kDefaultMeasureWidth;
  int pairs = kDefaultMeasurePairs;
  std::uint32_t seed = 1;
};

// The theory's flags (check_theory), then --width, --pairs, --seed; messages name the flag.
Expected<MeasureConfig> check_measure(const MeasureRequest& request);

struct MeasuredLayer {
  int index;  // l, 1..L
  double q;   // +inf from the layer whose z_l leaves double's range on
  double c;   // NaN there, and where q_a q_b = 0
};

std::vector<MeasuredLayer> measure_mean_field(const MeasureConfig& config);

}  // namespace actlab
