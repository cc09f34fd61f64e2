#pragma once
// SELU's moment map (Klambauer et al. 2017, "Self-Normalizing Neural Networks", section 3):
// a unit's input z = sum_i w_i x_i with x_i of mean mu and variance nu, omega = sum w_i and
// tau = sum w_i^2, so z ~ N(mu omega, nu tau) and the unit's output has
//   mu~ = E[selu(z)],  nu~ = E[selu(z)^2] - mu~^2.
// (0, 1) is its fixed point for omega = 0, tau = 1 (LeCun normal weights).
namespace actlab {

struct Moments {
  double mu;
  double nu;
};

Moments selu_moment_map(double mu, double nu, double omega = 0, double tau = 1);

// The map's Jacobian d(mu~, nu~) / d(mu, nu), from
//   d/dmu E[f(z)] = omega E[f'(z)],  d/dnu E[f(z)] = tau E[f'(z) (z - mu omega)] / (2 nu tau)
// (the second by differentiating under the expectation; no delta at SELU's kink), and its
// spectral norm (the largest singular value).
struct MomentJacobian {
  double dmu_dmu, dmu_dnu;
  double dnu_dmu, dnu_dnu;
  double spectral_norm;
};

MomentJacobian selu_moment_jacobian(double mu, double nu, double omega = 0, double tau = 1);

}  // namespace actlab
