#include "actlab/jacobian.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "actlab/gaussian_quadrature.hpp"
#include "actlab/initializer.hpp"
#include "actlab/jacobi_svd.hpp"
#include "actlab/rng.hpp"

namespace actlab {

namespace {

// The streams of propagation.cpp, so that a seed draws the same weights (in double).
enum Stream : std::uint64_t { kWeights = 1, kBiases = 2, kInput = 3 };

}  // namespace

Expected<PropagationConfig> check_jacobian(const PropagationRequest& request) {
  PropagationRequest r = request;
  r.batch = 1;
  r.input_dim.reset();
  r.bottleneck_layer.reset();  // J's moments assume N x N layers
  r.bottleneck_width.reset();
  r.bins.reset();
  r.saturation_eps.reset();
  const Expected<PropagationConfig> config = check_propagation(r);
  if (!config.ok()) return config;
  if (config.value().shape.width > kMaxJacobianWidth) {
    return Expected<PropagationConfig>::failure(
        "--width: must be an integer from 1 to " + std::to_string(kMaxJacobianWidth) +
        " for jacobian, got " + std::to_string(config.value().shape.width));
  }
  return config;
}

SpectrumMoments predicted_spectrum(const MeanField& mf, double q0, int depth, bool orthogonal) {
  const Activation& act = mf.act;
  double q = mf.sigma_w2 * q0 + mf.sigma_b2;
  double mean = 1, spread = 0;
  for (int l = 1; l <= depth; ++l) {
    const double s = std::fmax(std::sqrt(q), 1e-150);
    const double mu1 = gaussian_expectation(
        [&](double x) { return act.derivative(x) * act.derivative(x); }, 0.0, s);
    const double mu2 = gaussian_expectation(
        [&](double x) {
          const double d2 = act.derivative(x) * act.derivative(x);
          return d2 * d2;
        },
        0.0, s);
    mean *= mf.sigma_w2 * mu1;
    spread += mu2 / (mu1 * mu1) - 1 + (orthogonal ? 0 : 1);
    q = length_map(mf, q);
  }
  return {mean, mean * mean * std::fmax(0.0, spread)};  // 0, not -1e-16, for identity
}

// Every product sums k = 0..N-1 in order, and the SVD is Jacobi's (jacobi_svd.hpp): only + - *
// / and sqrt in a fixed order, the same bits natively and in WebAssembly.
JacobianSpectrum input_output_jacobian(const PropagationConfig& config) {
  const int n = config.shape.width, depth = config.shape.depth;
  const std::size_t nn = static_cast<std::size_t>(n) * n;
  const Activation& act = config.act;
  Rng weights(config.seed, kWeights), biases(config.seed, kBiases), input(config.seed, kInput);
  std::vector<double> w(nn);  // row-major: W_ik at i n + k
  std::vector<double> scratch(weight_scratch_size(config.init, n, n));
  std::vector<double> h(n), b(n, 0.0), z(n), dphi(n);
  draw_normals(input, config.input_std, h.data(), n);
  std::vector<double> j(nn, 0.0), next(nn);  // column-major: J_kc at c n + k
  std::vector<double> wt(nn), acc(n);        // W column-major: W_ik at k n + i
  for (int i = 0; i < n; ++i) j[static_cast<std::size_t>(i) * n + i] = 1;
  for (int l = 1; l <= depth; ++l) {
    draw_weights(config.init, n, n, weights, w.data(), scratch.data());
    if (config.bias_std > 0) draw_normals(biases, config.bias_std, b.data(), n);
    for (int i = 0; i < n; ++i) {
      const double* row = w.data() + static_cast<std::size_t>(i) * n;
      double sum = 0;
      for (int k = 0; k < n; ++k) sum += row[k] * h[k];
      z[i] = sum + b[i];
    }
    for (int i = 0; i < n; ++i) {
      dphi[i] = act.derivative(z[i]);
      h[i] = act.value(z[i]);
    }
    // J_l = D_l W_l J_{l-1}, column by column: acc_i = sum over k = 0..N-1 of W_ik J_kc, each
    // entry's products added in k's order (as a dot product would), over all i at once, which
    // the compiler vectorizes without changing a bit.
    for (int i = 0; i < n; ++i) {
      for (int k = 0; k < n; ++k)
        wt[static_cast<std::size_t>(k) * n + i] = w[static_cast<std::size_t>(i) * n + k];
    }
    for (int c = 0; c < n; ++c) {
      const double* column = j.data() + static_cast<std::size_t>(c) * n;
      std::fill(acc.begin(), acc.end(), 0.0);
      for (int k = 0; k < n; ++k) {
        const double* w_k = wt.data() + static_cast<std::size_t>(k) * n;  // W_ik over i
        const double j_kc = column[k];
        for (int i = 0; i < n; ++i) acc[i] += w_k[i] * j_kc;
      }
      double* out = next.data() + static_cast<std::size_t>(c) * n;
      for (int i = 0; i < n; ++i) out[i] = dphi[i] * acc[i];
    }
    j.swap(next);
  }
  JacobianSpectrum out;
  out.singular_values = jacobi_singular_values(std::move(j), n);
  double sum = 0, sum2 = 0;
  for (const double s : out.singular_values) sum += s * s;
  out.measured.mean = sum / n;
  for (const double s : out.singular_values) {
    const double d = s * s - out.measured.mean;
    sum2 += d * d;
  }
  out.measured.variance = sum2 / n;
  out.sigma_w2 = n * weight_variance(config.init, n, n);
  out.sigma_b2 = config.bias_std * config.bias_std;
  const MeanField mf{act, out.sigma_w2, out.sigma_b2};
  const double q0 = config.input_std * config.input_std;
  out.gaussian = predicted_spectrum(mf, q0, depth, false);
  out.orthogonal = predicted_spectrum(mf, q0, depth, true);
  return out;
}

}  // namespace actlab
