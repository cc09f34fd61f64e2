#include "actlab/selu_moments.hpp"

#include <cmath>

#include "actlab/activation.hpp"
#include "actlab/gaussian_quadrature.hpp"

namespace actlab {

namespace {

const Activation kSelu{ActivationKind::selu, 0};

double f(double z) {
  return kSelu.value(z);
}

double df(double z) {
  return kSelu.derivative(z);
}

}  // namespace

Moments selu_moment_map(double mu, double nu, double omega, double tau) {
  const double m = mu * omega, s = std::sqrt(nu * tau);
  const double mean = gaussian_expectation(f, m, s);
  const double second = gaussian_expectation([](double z) { return f(z) * f(z); }, m, s);
  return {mean, second - mean * mean};
}

MomentJacobian selu_moment_jacobian(double mu, double nu, double omega, double tau) {
  const double m = mu * omega, s = std::sqrt(nu * tau);
  const double mean = gaussian_expectation(f, m, s);
  const double e_df = gaussian_expectation(df, m, s);
  const double e_2fdf = gaussian_expectation([](double z) { return 2 * f(z) * df(z); }, m, s);
  // E[g(z) (z - m)] / (2 nu): the nu-derivative of E over z ~ N(m, nu tau), times tau.
  const double scale = tau / (2 * nu * tau);
  const double e_df_x = gaussian_expectation([&](double z) { return df(z) * (z - m); }, m, s);
  const double e_2fdf_x =
      gaussian_expectation([&](double z) { return 2 * f(z) * df(z) * (z - m); }, m, s);
  MomentJacobian j;
  j.dmu_dmu = omega * e_df;
  j.dmu_dnu = scale * e_df_x;
  // nu~ = xi~ - mu~^2, xi~ the second moment.
  j.dnu_dmu = omega * e_2fdf - 2 * mean * j.dmu_dmu;
  j.dnu_dnu = scale * e_2fdf_x - 2 * mean * j.dmu_dnu;
  // The largest singular value of [[a, b], [c, d]]: sqrt of the largest eigenvalue of J^T J.
  const double a = j.dmu_dmu, b = j.dmu_dnu, c = j.dnu_dmu, d = j.dnu_dnu;
  const double p = a * a + b * b + c * c + d * d, det = a * d - b * c;
  j.spectral_norm = std::sqrt(0.5 * (p + std::sqrt(std::fmax(0.0, p * p - 4 * det * det))));
  return j;
}

}  // namespace actlab
