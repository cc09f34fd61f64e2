#include "actlab/correlation_kernels.hpp"

#include <cmath>

#include "actlab/arc_cosine_kernel.hpp"
#include "actlab/elu_gaussian.hpp"
#include "actlab/gaussian_quadrature.hpp"

namespace actlab {

namespace {

// q = 0 as the limit q -> 0+ (mean_field.cpp's kSmallestRootQ, squared).
constexpr double kSmallestQ = 1e-300;

double clamp(double c) {
  return std::fmin(1.0, std::fmax(-1.0, c));
}

// With elu's and selu's closed-form inner expectation the direct rule costs about as much as
// 250 of the series' terms, which it needs beyond |c| = 1/2 (their kink: the coefficients'
// squares decay as a power of n); within, the bound meets 1e-13 in some 45 terms.
constexpr double kEluSeriesReach = 0.5;

// E[f(u1) f(u2)] by Mehler's series where it reaches kSeriesTolerance (and |c| <= reach),
// else directly with inner(m, s) = E[f(m + s z)].
template <class F, class Inner>
double series_or_direct(const F& f, const Inner& inner,
                        std::optional<HermiteProjection>& projection, double q, double c,
                        double reach = 1) {
  if (q <= kMaxHermiteQ && std::fabs(c) <= reach) {
    if (!projection) projection.emplace(f, q);
    const std::optional<double> e =
        mehler_expectation(*projection, *projection, c, kSeriesTolerance);
    if (e) return *e;
  }
  return bivariate_expectation_with(f, inner, q, c);
}

}  // namespace

CorrelationKernels::CorrelationKernels(const Activation& act, double q)
    : act_(act), q_(std::fmax(q, kSmallestQ)), elu_(elu_gaussian(act)) {}

double CorrelationKernels::phi_phi(double c) {
  const double cc = clamp(c);
  if (has_arc_cosine_kernel(act_)) return arc_cosine_phi_phi(act_, q_, cc);
  const auto f = [&](double x) { return act_.value(x); };
  if (elu_) {
    const auto inner = [&](double m, double s) { return elu_gaussian_value(*elu_, m, s); };
    return series_or_direct(f, inner, phi_, q_, cc, kEluSeriesReach);
  }
  const auto inner = [&](double m, double s) { return gaussian_expectation(f, m, s); };
  return series_or_direct(f, inner, phi_, q_, cc);
}

double CorrelationKernels::dphi_dphi(double c) {
  const double cc = clamp(c);
  if (has_arc_cosine_kernel(act_)) return arc_cosine_dphi_dphi(act_, cc);
  const auto f = [&](double x) { return act_.derivative(x); };
  if (elu_) {
    const auto inner = [&](double m, double s) { return elu_gaussian_derivative(*elu_, m, s); };
    return series_or_direct(f, inner, dphi_, q_, cc, kEluSeriesReach);
  }
  const auto inner = [&](double m, double s) { return gaussian_expectation(f, m, s); };
  return series_or_direct(f, inner, dphi_, q_, cc);
}

}  // namespace actlab
