#include "actlab/arc_cosine_kernel.hpp"

#include <cmath>

namespace actlab {

namespace {

constexpr double kPi = 3.14159265358979323846;

// atan(x) for x in [0, 1]: atan x = 2 atan(x / (1 + sqrt(1 + x^2))) three times (then
// x <= tan(pi/32) < 0.1), and x - x^3/3 + ... to x^21 (the next term is below 1e-24 x).
double small_atan(double x) {
  for (int i = 0; i < 3; ++i) x = x / (1 + std::sqrt(1 + x * x));
  const double x2 = x * x;
  double sum = 0;
  for (int k = 21; k >= 1; k -= 2) sum = sum * x2 + (((k - 1) / 2) % 2 == 0 ? 1.0 : -1.0) / k;
  return 8 * x * sum;
}

// (sin theta + (pi - theta) cos theta) / (2 pi) and (pi - theta) / (2 pi) at c = cos theta.
double relu_kernel1(double c) {
  const double theta = portable_arccos(c);
  return (std::sqrt((1 - c) * (1 + c)) + (kPi - theta) * c) / (2 * kPi);
}

double relu_kernel0(double c) {
  return (kPi - portable_arccos(c)) / (2 * kPi);
}

double clamp(double c) {
  return std::fmin(1.0, std::fmax(-1.0, c));
}

}  // namespace

double portable_arccos(double c) {
  if (c < 0) return kPi - portable_arccos(-c);
  return 2 * small_atan(std::sqrt((1 - c) / (1 + c)));
}

bool has_arc_cosine_kernel(const Activation& act) {
  return act.kind == ActivationKind::identity || act.kind == ActivationKind::relu ||
         act.kind == ActivationKind::leaky_relu;
}

double arc_cosine_phi_phi(const Activation& act, double q, double c) {
  const double cc = clamp(c);
  if (act.kind == ActivationKind::identity) return q * cc;
  const double a = act.kind == ActivationKind::leaky_relu ? act.alpha : 0;
  return q * ((1 + a * a) * relu_kernel1(cc) - 2 * a * relu_kernel1(-cc));
}

double arc_cosine_dphi_dphi(const Activation& act, double c) {
  const double cc = clamp(c);
  if (act.kind == ActivationKind::identity) return 1;
  const double a = act.kind == ActivationKind::leaky_relu ? act.alpha : 0;
  return (1 + a * a) * relu_kernel0(cc) + 2 * a * relu_kernel0(-cc);
}

}  // namespace actlab
