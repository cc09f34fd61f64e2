#include "weight_store.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "actlab/initializer.hpp"
#include "draw_streams.hpp"

namespace actlab {

namespace {

bool same(const Initializer& a, const Initializer& b) {
  return a.kind == b.kind && a.std == b.std && a.gain == b.gain;
}

// The most networks of different weights one view runs: figure 4's four initializers.
constexpr std::uint64_t kViewNetworks = 4;

std::uint64_t layer_bytes(int fan_in, int fan_out) {
  return std::uint64_t(fan_in) * std::uint64_t(fan_out) * sizeof(float);
}

}  // namespace

WeightStore::Entry& WeightStore::entry(const Initializer& init, std::uint32_t seed) {
  const auto found = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) {
    return same(e.init, init) && e.seed == seed;
  });
  if (found != entries_.end()) return *found;
  while (!entries_.empty() && entries_.size() >= networks_) evict(oldest());
  return entries_.emplace_back(Entry{init, seed, {}, 0});
}

void WeightStore::drop_layers_from(Entry& e, std::size_t first) {
  for (std::size_t i = first; i < e.layers.size(); ++i) {
    bytes_ -= layer_bytes(e.layers[i].fan_in, e.layers[i].fan_out);
  }
  e.layers.erase(e.layers.begin() + std::ptrdiff_t(std::min(first, e.layers.size())),
                 e.layers.end());
}

std::list<WeightStore::Entry>::iterator WeightStore::oldest() {
  return std::min_element(entries_.begin(), entries_.end(),
                          [](const Entry& a, const Entry& b) { return a.used < b.used; });
}

void WeightStore::evict(std::list<Entry>::iterator e) {
  drop_layers_from(*e, 0);
  entries_.erase(e);
}

bool WeightStore::make_room(std::uint64_t bytes, const Entry& keep) {
  while (bytes_ + bytes > capacity_) {
    const auto e = oldest();
    // The networks of the view being computed are not evicted for each other's layers: when
    // they do not fit together, the first keeps its layers and the others draw theirs.
    if (&*e == &keep || e->used + kViewNetworks > clock_) return false;
    evict(e);
  }
  return true;
}

void WeightStore::fill(const PropagationConfig& c, Network<float>& net, double* weight_scratch,
                       std::vector<WeightSummary>& summaries) {
  const Shape& s = c.shape;
  Entry& e = entry(c.init, c.seed);
  e.used = ++clock_;
  summaries.clear();
  Rng rng(c.seed, kWeights);
  int l = 1;
  // The kept layers up to the first whose fans differ from c's: those from there on were drawn
  // after another network's layers, from another point of the stream.
  for (; l <= s.depth && std::size_t(l) <= e.layers.size(); ++l) {
    const Layer& kept = e.layers[l - 1];
    if (kept.fan_in != s.fan_in(l) || kept.fan_out != s.fan_out(l)) break;
    MatrixView<float> w = net.weight(l);
    std::memcpy(w.data(), kept.w.data(), kept.w.size() * sizeof(float));
    summaries.push_back(kept.summary);
    rng = kept.after;
  }
  if (l <= s.depth) drop_layers_from(e, l - 1);
  bool keeping = true;  // until a layer does not fit: the kept layers stay a prefix
  for (; l <= s.depth; ++l) {
    MatrixView<float> w = net.weight(l);
    draw_weights(c.init, s.fan_in(l), s.fan_out(l), rng, w.data(), weight_scratch);
    const WeightSummary summary = weight_summary({w.data(), w.rows(), w.cols()});
    summaries.push_back(summary);
    keeping = keeping && make_room(layer_bytes(s.fan_in(l), s.fan_out(l)), e);
    if (!keeping) continue;
    e.layers.push_back({s.fan_in(l), s.fan_out(l),
                        std::vector<float>(w.data(), w.data() + w.size()), summary, rng});
    bytes_ += layer_bytes(s.fan_in(l), s.fan_out(l));
  }
  if (e.layers.empty()) entries_.remove_if([&](const Entry& x) { return &x == &e; });
}

}  // namespace actlab
