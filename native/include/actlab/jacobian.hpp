#pragma once
// The input-output Jacobian of a deep network at one input (Pennington, Schoenholz & Ganguli
// 2017, "Resurrecting the sigmoid in deep learning through dynamical isometry"), in double:
//   h_0 = x ~ N(0, input_std^2) [N],  z_l = W_l h_{l-1} + b_l,  h_l = phi(z_l),  l = 1..L,
//   J = dh_L / dh_0 = D_L W_L ... D_1 W_1,  D_l = diag(phi'(z_l)),  every W_l [N x N],
// its singular values (one-sided Jacobi, jacobi_svd.hpp) and the moments of the spectrum of J J^T
// beside the mean-field prediction. By free probability the normalized variances of free factors
// add:
//   mean = prod_l sigma_w2 mu1(q_l),   variance / mean^2 = sum_l (mu2(q_l) / mu1(q_l)^2 - 1 + s),
//   mu_k(q) = E[phi'(sqrt(q) z)^(2k)],  s = 1 for i.i.d. weights (Marchenko-Pastur), 0 for
// orthogonal; sigma_w2 = N Var(W_ij), sigma_b2 = bias_std^2, q_l from the length map (q_0 =
// input_std^2). For phi' in {0, 1} with a fraction p of units linear: L / p and L (1/p - 1).
#include <cstdint>
#include <vector>

#include "actlab/expected.hpp"
#include "actlab/mean_field.hpp"
#include "actlab/propagation.hpp"

namespace actlab {

inline constexpr int kMaxJacobianWidth = 256;  // L N^3 work: 200 layers of 256 in seconds

// The flags of `actlab jacobian`: propagate's request without --batch, --input-dim (= N),
// --bins and --saturation-eps.
Expected<PropagationConfig> check_jacobian(const PropagationRequest& request);

struct SpectrumMoments {
  double mean = 0;      // of the eigenvalues of J J^T (the squared singular values)
  double variance = 0;  // population variance of the same
};

struct JacobianSpectrum {
  std::vector<double> singular_values;  // descending, N of them
  SpectrumMoments measured;
  SpectrumMoments gaussian;    // predicted for i.i.d. weights of the same variance
  SpectrumMoments orthogonal;  // predicted for orthogonal weights of the same gain
  double sigma_w2 = 0;
  double sigma_b2 = 0;
};

// The predicted moments for `depth` layers from q_0 = q0 (orthogonal: s = 0, else s = 1).
SpectrumMoments predicted_spectrum(const MeanField& mf, double q0, int depth, bool orthogonal);

// Draws W, b and x from the seed (the streams of `propagate`) and computes J and its spectrum.
JacobianSpectrum input_output_jacobian(const PropagationConfig& config);

}  // namespace actlab
