#include "pooled_sample.hpp"

#include "actlab/rng.hpp"
#include "draw_streams.hpp"

namespace actlab {

void PooledSample::draw(const Shape& s, std::uint32_t seed) {
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

}  // namespace actlab
