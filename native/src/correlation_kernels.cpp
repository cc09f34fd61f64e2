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

// E[f(u1) f(u2)] by Mehler's series where it reaches kSeriesTolerance, else directly.
template <class F>
double series_or_direct(const F& f, std::optional<HermiteProjection>& projection, double q,
                        double c) {
  if (q <= kMaxHermiteQ) {
    if (!projection) projection.emplace(f, q);
    const std::optional<double> e =
        mehler_expectation(*projection, *projection, c, kSeriesTolerance);
    if (e) return *e;
  }
  return bivariate_expectation(f, f, q, c);
}

}  // namespace

CorrelationKernels::CorrelationKernels(const Activation& act, double q)
    : act_(act), q_(std::fmax(q, kSmallestQ)) {}

double CorrelationKernels::phi_phi(double c) {
  const double cc = clamp(c);
  if (has_arc_cosine_kernel(act_)) return arc_cosine_phi_phi(act_, q_, cc);
  return series_or_direct([&](double x) { return act_.value(x); }, phi_, q_, cc);
}

double CorrelationKernels::dphi_dphi(double c) {
  const double cc = clamp(c);
  if (has_arc_cosine_kernel(act_)) return arc_cosine_dphi_dphi(act_, cc);
  return series_or_direct([&](double x) { return act_.derivative(x); }, dphi_, q_, cc);
}

}  // namespace actlab
