#include "actlab/mean_field_profile.hpp"

#include <cmath>

#include "actlab/gaussian_quadrature.hpp"
#include "actlab/initializer.hpp"

namespace actlab {

std::vector<ProfileLayer> mean_field_profile(const PropagationConfig& config) {
  const Shape& s = config.shape;
  const Activation& act = config.act;
  const double q0 = config.input_std * config.input_std;
  const double b2 = config.bias_std * config.bias_std;
  std::vector<ProfileLayer> layers(s.depth);
  std::vector<double> dphi2(s.depth), h2(s.depth);
  double q = 0, h2_prev = q0;
  for (int l = 1; l <= s.depth; ++l) {
    const double fan_in = s.fan_in(l);
    const double w2 = fan_in * weight_variance(config.init, s.fan_in(l), s.fan_out(l));
    q = w2 * h2_prev + b2;
    const double sd = std::fmax(std::sqrt(q), 1e-150);
    const double m = gaussian_expectation([&](double x) { return act.value(x); }, 0.0, sd);
    const double m2 = gaussian_expectation(
        [&](double x) {
          const double h = act.value(x);
          return h * h;
        },
        0.0, sd);
    dphi2[l - 1] = gaussian_expectation(
        [&](double x) {
          const double d = act.derivative(x);
          return d * d;
        },
        0.0, sd);
    h2[l - 1] = m2;
    layers[l - 1] = {l, q, m, std::sqrt(std::fmax(0.0, m2 - m * m)), 0, 0, 0, w2};
    h2_prev = m2;
  }
  double var_delta = dphi2[s.depth - 1];  // delta_L = G .* phi'(z_L)
  for (int l = s.depth; l >= 1; --l) {
    ProfileLayer& layer = layers[l - 1];
    if (l < s.depth) {
      // delta_l = phi'(z_l) .* W_{l+1}^T delta_{l+1}: a sum over layer l + 1's fan-out, which
      // parts from its fan-in at a bottleneck.
      const double back_w2 =
          s.fan_out(l + 1) * weight_variance(config.init, s.fan_in(l + 1), s.fan_out(l + 1));
      layer.chi = back_w2 * dphi2[l - 1];
      var_delta *= layer.chi;
    } else {
      layer.chi = layer.sigma_w2 * dphi2[l - 1];
    }
    layer.grad_pre_std = std::sqrt(var_delta);
    layer.example_weight_grad_rms = std::sqrt(var_delta * (l == 1 ? q0 : h2[l - 2]));
  }
  return layers;
}

}  // namespace actlab
