#pragma once
// The sample of every layer's values whose quantiles set propagate()'s pooled histogram edges
// (propagation.hpp), and the sizes it is drawn from.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "actlab/network.hpp"
#include "actlab/statistics.hpp"

namespace actlab {

// At most this many values, drawn uniformly from all layers, set the pooled histogram edges.
inline constexpr std::size_t kEdgeSample = 65536;  // a multiple of PooledSample::draw()'s block
inline constexpr double kLowQuantile = 0.005;
inline constexpr double kHighQuantile = 0.995;

// The B N_l entries of layer l's z, h or delta.
inline std::size_t layer_entries(const Shape& s, int l) {
  return static_cast<std::size_t>(s.batch) * static_cast<std::size_t>(s.fan_out(l));
}

// The entries of all layers together.
inline std::uint64_t total_entries(const Shape& s) {
  std::uint64_t total = 0;
  for (int l = 1; l <= s.depth; ++l) total += layer_entries(s, l);
  return total;
}

inline std::size_t edge_sample_size(const Shape& s) {
  return static_cast<std::size_t>(std::min<std::uint64_t>(kEdgeSample, total_entries(s)));
}

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

  // Draws the positions for a shape and a seed, and empties the sample.
  void draw(const Shape& s, std::uint32_t seed);

  // Adds the finite values x of layer l (1..L, in order) at its positions for which keep(x).
  template <class Keep>
  void take(int l, const float* layer, Keep keep) {
    const auto add = [&](float x) {
      if (std::isfinite(x) && keep(x)) values_[count_++] = x;
    };
    if (every_entry_) {
      for (std::size_t i = 0, n = layer_entries(shape_, l); i < n; ++i) add(layer[i]);
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
  Shape shape_;
  bool every_entry_ = true;
  std::vector<std::uint16_t> drawn_layer_;     // the entries drawn, in the order of the draws:
  std::vector<std::uint32_t> drawn_position_;  // layer l - 1 and position within it
  std::vector<std::uint32_t> positions_;       // their positions within their layer, layer by layer
  std::vector<std::uint32_t> starts_;          // layer l's positions: [starts_[l - 1], starts_[l])
  std::vector<float> values_;
  std::vector<std::uint32_t> scratch_;  // order_statistics()'s
  std::size_t count_ = 0;
};

}  // namespace actlab
