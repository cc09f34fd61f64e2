#include "experiment_draws.hpp"

#include <cstddef>
#include <cstring>

#include "actlab/rng.hpp"
#include "draw_streams.hpp"

namespace actlab {

namespace {

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

}  // namespace

std::uint64_t draw_experiment(const PropagationConfig& c, Network<float>& net,
                              double* weight_scratch, WeightStore& weights,
                              std::vector<WeightSummary>& weight_summaries) {
  const Shape& s = c.shape;
  Fnv1a hash;
  Rng input(c.seed, kInput);
  MatrixView<float> x = net.input();
  draw_normals(input, c.input_std, x.data(), x.size());
  hash.add(x.data(), x.size());
  weights.fill(c, net, weight_scratch, weight_summaries);
  for (int l = 1; l <= s.depth; ++l) {
    const MatrixView<float> w = net.weight(l);
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

}  // namespace actlab
