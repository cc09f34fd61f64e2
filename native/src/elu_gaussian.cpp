#include "actlab/elu_gaussian.hpp"

#include <cmath>

#include "actlab/activation_math.hpp"
#include "actlab/gaussian_quadrature.hpp"
#include "actlab/portable_math.hpp"

namespace actlab {

namespace {

constexpr double kInvSqrtPi = 0.56418958354775628694807945156077;
// Beyond this r, e^(-r^2/2) underflows to 0.
constexpr double kDensityEnd = 40;

// Phi(-x), the upper tail.
double upper_tail(double x) {
  return 0.5 * portable::erfc(x * phi::kInvSqrt2);
}

double density(double r) {
  return std::fabs(r) > kDensityEnd ? 0.0 : phi::kInvSqrt2Pi * portable::exp(-0.5 * r * r);
}

// erfc(a) e^(a^2) for a > 26 by its asymptotic series, 8 terms: the first left out is below
// 15!! / (2 a^2)^8 < 2e-19 of the sum.
double scaled_erfc_large(double a) {
  const double x = 1 / (2 * a * a);
  double term = 1, sum = 1;
  for (int k = 1; k <= 8; ++k) {
    term *= -(2 * k - 1) * x;
    sum += term;
  }
  return kInvSqrtPi / a * sum;
}

// e^(m + s^2/2) Phi(-r - s) without overflow: with a = (r + s) / sqrt 2, m + s^2/2 =
// a^2 - r^2/2, so for large a it is e^(-r^2/2) erfc(a) e^(a^2) / 2.
double exp_tail(double m, double s, double r) {
  const double a = (r + s) * phi::kInvSqrt2;
  if (a <= 26) return 0.5 * portable::exp(m + 0.5 * s * s) * portable::erfc(a);
  if (r > kDensityEnd) return 0;
  return 0.5 * portable::exp(-0.5 * r * r) * scaled_erfc_large(a);
}

// Phi(-r) - Phi(-r - s) = P(-r - s < z < -r): for a narrow interval near the centre by
// 12-point Gauss-Legendre on phi_N (the difference of two erfc would cancel), else so.
double interval_mass(double r, double s) {
  if (s <= 0.5 && std::fabs(r) <= 9) {
    const double center = -r - 0.5 * s, half = 0.5 * s;
    double sum = 0;
    for (int k = 0; k < detail::kLegendreHalf; ++k) {
      const double dt = half * detail::kLegendreNode[k];
      sum += detail::kLegendreWeight[k] *
             (detail::normal_density(center - dt) + detail::normal_density(center + dt));
    }
    return half * sum;
  }
  return upper_tail(r) - upper_tail(r + s);
}

}  // namespace

std::optional<EluGaussian> elu_gaussian(const Activation& act) {
  if (act.kind == ActivationKind::elu) return EluGaussian{1, act.alpha};
  if (act.kind == ActivationKind::selu) return EluGaussian{phi::kSeluLambda, phi::kSeluAlpha};
  return std::nullopt;
}

double elu_gaussian_value(const EluGaussian& e, double m, double s) {
  if (!(s > 0)) return e.scale * phi::Elu::value(m, e.alpha);
  const double r = m / s;
  const double positive = m * upper_tail(-r) + s * density(r);
  // E[alpha (e^x - 1) 1{x < 0}] = alpha (e^y Phi(-r - s) - Phi(-r)), y = m + s^2/2, written
  // as alpha (expm1(y) Phi(-r - s) - (Phi(-r) - Phi(-r - s))) where e^y is finite.
  const double a = (r + s) * phi::kInvSqrt2;
  const double negative =
      a <= 26
          ? e.alpha * (portable::expm1(m + 0.5 * s * s) * upper_tail(r + s) - interval_mass(r, s))
          : e.alpha * (exp_tail(m, s, r) - upper_tail(r));
  return e.scale * (positive + negative);
}

double elu_gaussian_derivative(const EluGaussian& e, double m, double s) {
  if (!(s > 0)) return e.scale * phi::Elu::derivative(m, e.alpha);
  const double r = m / s;
  return e.scale * (upper_tail(-r) + e.alpha * exp_tail(m, s, r));
}

}  // namespace actlab
