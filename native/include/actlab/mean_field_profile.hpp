#pragma once
// The mean-field prediction of what `propagate` measures layer by layer (figures 2-5), for
// the configuration it runs: sigma_w2(l) = fan_in(l) Var(W_l) of its initializer (layer 1's
// fan-in is D), sigma_b2 = bias_std^2, q_0 = input_std^2, at infinite width with Gaussian
// weights (orthogonal weights of the same variance agree to first order). z ~ N(0, 1):
//   q_1 = sigma_w2(1) q_0 + sigma_b2,   q_l = sigma_w2(l) E[phi(sqrt(q_{l-1}) z)^2] + sigma_b2
//   h_l: mean E[phi(sqrt(q_l) z)], std sqrt(E[phi^2] - E[phi]^2)
// and backward from G ~ N(0, 1) (Schoenholz et al. 2017, Sec. 4):
//   Var(delta_L) = E[phi'(sqrt(q_L) z)^2],   Var(delta_l) = chi_l Var(delta_{l+1}),
//   chi_l = sigma_w2(l+1) E[phi'(sqrt(q_l) z)^2]   (chi1 of the q-map at q_l),
//   per-example weight-gradient rms = sqrt(Var(delta_l) E[h_{l-1}^2]),   E[h_0^2] = q_0.
#include <vector>

#include "actlab/propagation.hpp"

namespace actlab {

struct ProfileLayer {
  int index;                       // l, 1..L
  double q;                        // pre-activation variance (NaN once it overflows)
  double act_mean;                 // of h_l
  double act_std;                  // of h_l, pooled over units and examples
  double grad_pre_std;             // of delta_l = dL/dz_l
  double example_weight_grad_rms;  // of dL_b/dW_l
  double chi;                      // chi_l (the last layer's: sigma_w2(L) E[phi'^2])
  double sigma_w2;                 // sigma_w2(l) = fan_in(l) Var(W_l)
};

std::vector<ProfileLayer> mean_field_profile(const PropagationConfig& config);

}  // namespace actlab
