#include "actlab/correlation_kernels.hpp"

#include <cmath>

#include "actlab/arc_cosine_kernel.hpp"
#include "actlab/gaussian_quadrature.hpp"

namespace actlab {

namespace {

// q = 0 as the limit q -> 0+ (mean_field.cpp's kSmallestRootQ, squared).
constexpr double kSmallestQ = 1e-300;

double clamp(double c) {
  return std::fmin(1.0, std::fmax(-1.0, c));
}

}  // namespace

CorrelationKernels::CorrelationKernels(const Activation& act, double q)
    : act_(act), q_(std::fmax(q, kSmallestQ)) {}

double CorrelationKernels::phi_phi(double c) {
  const double cc = clamp(c);
  if (has_arc_cosine_kernel(act_)) return arc_cosine_phi_phi(act_, q_, cc);
  const auto phi = [&](double x) { return act_.value(x); };
  if (q_ <= kMaxHermiteQ) {
    if (!phi_) phi_.emplace(phi, q_);
    const std::optional<double> e = mehler_expectation(*phi_, *phi_, cc, kSeriesTolerance);
    if (e) return *e;
  }
  return bivariate_expectation(phi, phi, q_, cc);
}

double CorrelationKernels::dphi_dphi(double c) {
  const double cc = clamp(c);
  if (has_arc_cosine_kernel(act_)) return arc_cosine_dphi_dphi(act_, cc);
  const auto dphi = [&](double x) { return act_.derivative(x); };
  if (q_ <= kMaxHermiteQ) {
    if (!dphi_) dphi_.emplace(dphi, q_);
    const std::optional<double> e = mehler_expectation(*dphi_, *dphi_, cc, kSeriesTolerance);
    if (e) return *e;
  }
  return bivariate_expectation(dphi, dphi, q_, cc);
}

}  // namespace actlab
