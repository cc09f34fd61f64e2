#include "actlab/mean_field_measure.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "actlab/initializer.hpp"
#include "actlab/message_text.hpp"
#include "actlab/propagation.hpp"  // kMaxSeed, kDefaultSeed
#include "actlab/rng.hpp"

namespace actlab {

namespace {

// The streams of propagation.cpp, so that a seed draws propagate's weights and biases; the
// pairs of inputs have a stream of their own.
enum Stream : std::uint64_t { kWeights = 1, kBiases = 2, kPairs = 6 };

Expected<int> check_count(const char* flag, std::optional<int> value, int hi, int fallback) {
  const int x = value.value_or(fallback);
  if (x >= 1 && x <= hi) return x;
  return Expected<int>::failure(std::string("--") + flag + ": must be an integer from 1 to " +
                                std::to_string(hi) + ", got " + std::to_string(x));
}

// h [N x 2P], column k the example k (pair k / 2, side k % 2); z = W h + b, entry by entry in
// the order j = 0..N-1, the examples in the inner loop (vectorizable, the same sums).
void layer(const std::vector<double>& w, const std::vector<double>& b, const std::vector<double>& h,
           std::vector<double>& z, int n, int examples) {
  for (int i = 0; i < n; ++i) {
    double* zi = &z[static_cast<std::size_t>(i) * examples];
    for (int k = 0; k < examples; ++k) zi[k] = 0;
    const double* wi = &w[static_cast<std::size_t>(i) * n];
    for (int j = 0; j < n; ++j) {
      const double wij = wi[j];
      const double* hj = &h[static_cast<std::size_t>(j) * examples];
      for (int k = 0; k < examples; ++k) zi[k] += wij * hj[k];
    }
    for (int k = 0; k < examples; ++k) zi[k] += b[i];
  }
}

}  // namespace

Expected<MeasureConfig> check_measure(const MeasureRequest& r) {
  using Result = Expected<MeasureConfig>;
  const Expected<TheoryConfig> theory = check_theory(r.theory);
  if (!theory.ok()) return Result::failure(theory.error());
  const Expected<int> width = check_count("width", r.width, kMaxMeasureWidth, kDefaultMeasureWidth);
  if (!width.ok()) return Result::failure(width.error());
  const Expected<int> pairs = check_count("pairs", r.pairs, kMaxMeasurePairs, kDefaultMeasurePairs);
  if (!pairs.ok()) return Result::failure(pairs.error());
  const double seed = r.seed.value_or(kDefaultSeed);
  if (!(seed >= 0 && seed <= kMaxSeed && seed == std::floor(seed))) {
    return Result::failure("--seed: must be an integer from 0 to " + std::to_string(kMaxSeed) +
                           ", got " + number_text(seed));
  }
  return MeasureConfig{theory.value(), width.value(), pairs.value(),
                       static_cast<std::uint32_t>(seed)};
}

std::vector<MeasuredLayer> measure_mean_field(const MeasureConfig& config) {
  const MeanField& mf = config.theory.mf;
  const int n = config.width, examples = 2 * config.pairs, depth = config.theory.depth;
  const double s0 = std::sqrt(config.theory.q0), c0 = config.theory.c0;
  const double c0_rest = std::sqrt(1 - c0 * c0);
  std::vector<double> h(static_cast<std::size_t>(n) * examples), z(h.size());
  std::vector<double> u(n), v(n);
  Rng pairs(config.seed, kPairs);
  for (int p = 0; p < config.pairs; ++p) {
    draw_normals(pairs, 1.0, u.data(), n);
    draw_normals(pairs, 1.0, v.data(), n);
    for (int j = 0; j < n; ++j) {
      h[static_cast<std::size_t>(j) * examples + 2 * p] = s0 * u[j];
      h[static_cast<std::size_t>(j) * examples + 2 * p + 1] = s0 * (c0 * u[j] + c0_rest * v[j]);
    }
  }
  const Initializer init{InitKind::normal, std::sqrt(mf.sigma_w2 / n), kDefaultGain};
  const double bias_std = std::sqrt(mf.sigma_b2);
  Rng weights(config.seed, kWeights), biases(config.seed, kBiases);
  std::vector<double> w(static_cast<std::size_t>(n) * n), b(n, 0.0);
  std::vector<MeasuredLayer> layers;
  bool overflowed = false;
  for (int l = 1; l <= depth; ++l) {
    if (overflowed) {
      layers.push_back({l, std::numeric_limits<double>::infinity(), std::nan("")});
      continue;
    }
    draw_weights(init, n, n, weights, w.data(), nullptr);
    if (bias_std > 0) draw_normals(biases, bias_std, b.data(), n);
    layer(w, b, h, z, n, examples);
    double qa = 0, qb = 0, qab = 0;
    for (std::size_t e = 0; e < z.size(); e += 2) {
      qa += z[e] * z[e], qb += z[e + 1] * z[e + 1], qab += z[e] * z[e + 1];
    }
    const double count = static_cast<double>(n) * config.pairs;
    qa /= count, qb /= count, qab /= count;
    const double q = (qa + qb) / 2;
    overflowed = !std::isfinite(q);
    if (overflowed) {
      layers.push_back({l, std::numeric_limits<double>::infinity(), std::nan("")});
      continue;
    }
    const double norm = std::sqrt(qa * qb);
    layers.push_back({l, q, norm > 0 ? qab / norm : std::nan("")});
    for (std::size_t e = 0; e < z.size(); ++e) h[e] = mf.act.value(z[e]);
  }
  return layers;
}

}  // namespace actlab
