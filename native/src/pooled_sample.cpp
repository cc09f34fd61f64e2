#include "pooled_sample.hpp"

#include "actlab/rng.hpp"
#include "draw_streams.hpp"

namespace actlab {

namespace {

// Entry e of all layers' entries laid end to end, layer after layer: its layer l - 1 (0-based)
// and its position within the layer. Every layer has B N entries but the bottleneck's B M.
std::pair<std::uint64_t, std::uint64_t> locate(const Shape& s, std::uint64_t e) {
  const std::uint64_t per_layer = std::uint64_t(s.batch) * std::uint64_t(s.width);  // B N
  const std::uint64_t below = std::uint64_t(s.bottleneck_layer - 1) * per_layer;
  if (s.bottleneck_layer == 0 || e < below) return {e / per_layer, e % per_layer};
  const std::uint64_t narrow = layer_entries(s, s.bottleneck_layer);
  if (e < below + narrow) return {s.bottleneck_layer - 1, e - below};
  const std::uint64_t above = e - below - narrow;
  return {s.bottleneck_layer + above / per_layer, above % per_layer};
}

}  // namespace

void PooledSample::draw(const Shape& s, std::uint32_t seed) {
  shape_ = s;
  const std::uint64_t total = total_entries(s);
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
  constexpr std::size_t kBlock = 512;
  std::uint32_t bits[2 * kBlock];
  for (std::size_t start = 0; start < kEdgeSample; start += kBlock) {
    rng.next_u32(bits, 2 * kBlock);  // kEdgeSample is a multiple of kBlock
    for (std::size_t k = 0; k < kBlock; ++k) {
      // For r = hi 2^32 + lo uniform on [0, 2^64): the entry floor(r total / 2^64), uniform
      // on [0, total) up to total / 2^64, from 64-bit products (total < 2^32).
      const std::uint64_t hi = bits[2 * k], lo = bits[2 * k + 1];
      const std::uint64_t entry = (hi * total + ((lo * total) >> 32)) >> 32;
      const auto [layer, position] = locate(s, entry);
      drawn_layer_[start + k] = static_cast<std::uint16_t>(layer);
      drawn_position_[start + k] = static_cast<std::uint32_t>(position);
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
