#include "actlab/jacobian.hpp"

#include <Eigen/Dense>
#include <Eigen/SVD>
#include <cmath>

#include "actlab/gaussian_quadrature.hpp"
#include "actlab/initializer.hpp"
#include "actlab/rng.hpp"

namespace actlab {

namespace {

// The streams of propagation.cpp, so that a seed draws the same weights (in double).
enum Stream : std::uint64_t { kWeights = 1, kBiases = 2, kInput = 3 };

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

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

JacobianSpectrum input_output_jacobian(const PropagationConfig& config) {
  const int n = config.shape.width, depth = config.shape.depth;
  const Activation& act = config.act;
  Rng weights(config.seed, kWeights), biases(config.seed, kBiases), input(config.seed, kInput);
  RowMatrix w(n, n);
  std::vector<double> scratch(weight_scratch_size(config.init, n, n));
  Eigen::VectorXd h(n), b(n), z(n), dphi(n);
  draw_normals(input, config.input_std, h.data(), n);
  Eigen::MatrixXd j = Eigen::MatrixXd::Identity(n, n);
  for (int l = 1; l <= depth; ++l) {
    draw_weights(config.init, n, n, weights, w.data(), scratch.data());
    if (config.bias_std > 0) {
      draw_normals(biases, config.bias_std, b.data(), n);
    } else {
      b.setZero();
    }
    z = w * h + b;
    for (int i = 0; i < n; ++i) {
      dphi[i] = act.derivative(z[i]);
      h[i] = act.value(z[i]);
    }
    j = dphi.asDiagonal() * (w * j);  // J_l = D_l W_l J_{l-1}
  }
  JacobianSpectrum out;
  const Eigen::VectorXd sv = Eigen::BDCSVD<Eigen::MatrixXd>(j).singularValues();
  out.singular_values.assign(sv.data(), sv.data() + n);
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
