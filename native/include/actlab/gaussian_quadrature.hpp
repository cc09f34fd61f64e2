#pragma once
// Gaussian expectations E[g(m + s z)], z ~ N(0, 1), for the activations: smooth except at
// most at 0 (relu's and elu's kink). Gauss-Hermite converges slowly across a kink, so the
// line is cut into panels, each integrated by 12-point Gauss-Legendre on g(m + s t) phi_N(t):
//   t in [-9, 9] (the tail beyond holds 2e-19 of the mass), cut at 0, +-1, +-2, +-3, +-4.5, +-6;
//   cut at the kink t0 = -m/s, and at t0 +- 2^k / s from unit / (4 s) (at least 2^-42) doubling
//   while below 1, so that the panels near the kink resolve g's own unit scale.
// A panel then never holds a kink, and its width is at most its distance from g's nearest
// singularity in the complex plane (tanh's +-i pi/2, softsign's -1, ...), which is what
// Gauss-Legendre needs to converge geometrically.
#include <cmath>
#include <cstddef>

namespace actlab {

inline constexpr double kGaussianTail = 9;
inline constexpr double kGaussianCuts[] = {-9, -6, -4.5, -3, -2, -1, 0, 1, 2, 3, 4.5, 6, 9};
inline constexpr std::size_t kBaseGaussianCuts = sizeof kGaussianCuts / sizeof kGaussianCuts[0];
// The most cut points gaussian_panels writes: the base cuts, t0, and at most 43 refinements
// on each side of t0.
inline constexpr std::size_t kMaxGaussianCuts = kBaseGaussianCuts + 1 + 2 * 43;

// The cut points of [-kGaussianTail, kGaussianTail] for E[g(m + s z)], ascending and with
// both ends, into cuts (kMaxGaussianCuts); returns their count. s > 0; unit (<= 1) is g's
// scale near its kink, where the refinement starts at unit / (4 s).
std::size_t gaussian_panels(double m, double s, double unit, double* cuts);

namespace detail {

// Gauss-Legendre on [-1, 1], 12 points: the positive nodes and their weights (mpmath,
// 40 digits, rounded to double).
inline constexpr int kLegendreHalf = 6;
inline constexpr double kLegendreNode[kLegendreHalf] = {
    9.81560634246719250691e-1, 9.04117256370474856678e-1, 7.69902674194304687037e-1,
    5.87317954286617447297e-1, 3.67831498998180193753e-1, 1.25233408511468915472e-1};
inline constexpr double kLegendreWeight[kLegendreHalf] = {
    4.71753363865118271946e-2, 1.0693932599531843096e-1,  1.60078328543346226335e-1,
    2.03167426723065921749e-1, 2.33492536538354808761e-1, 2.49147045813402785001e-1};

// phi_N(t) = e^(-t^2/2) / sqrt(2 pi) for |t| <= 9, within a few ulp, from + - * and exact
// scalings only (the same bits on every target), and cheaper than a general exp: the
// quadrature evaluates it at every node.
double normal_density(double t);

// normal_density at the 12 nodes of each panel between consecutive kGaussianCuts, in the
// order gaussian_expectation visits them (k, then the node below the centre and the one
// above): the same bits it would compute, looked up where a panel is a whole base panel.
using BasePanelDensity = double[kBaseGaussianCuts - 1][kLegendreHalf][2];
const BasePanelDensity& base_panel_density();

}  // namespace detail

// E[g(m + s z)] for z ~ N(0, 1), s >= 0 (g(m) when s = 0). g(x) is smooth except at x = 0,
// and varies on the scale unit (<= 1) there.
template <class G>
double gaussian_expectation(const G& g, double m, double s, double unit = 1) {
  if (!(s > 0)) return g(m);
  double cuts[kMaxGaussianCuts];
  const std::size_t count = gaussian_panels(m, s, unit, cuts);
  const detail::BasePanelDensity& base_density = detail::base_panel_density();
  double total = 0;
  std::size_t b = 0;  // the base cut at or after cuts[p]
  for (std::size_t p = 0; p + 1 < count; ++p) {
    while (kGaussianCuts[b] < cuts[p]) ++b;
    const bool base = kGaussianCuts[b] == cuts[p] && kGaussianCuts[b + 1] == cuts[p + 1];
    const double center = 0.5 * (cuts[p] + cuts[p + 1]);
    const double half = 0.5 * (cuts[p + 1] - cuts[p]);
    double panel = 0;
    for (int k = 0; k < detail::kLegendreHalf; ++k) {
      const double dt = half * detail::kLegendreNode[k];
      const double lo = center - dt, hi = center + dt;
      const double density_lo = base ? base_density[b][k][0] : detail::normal_density(lo);
      const double density_hi = base ? base_density[b][k][1] : detail::normal_density(hi);
      panel +=
          detail::kLegendreWeight[k] * (g(m + s * lo) * density_lo + g(m + s * hi) * density_hi);
    }
    total += half * panel;
  }
  return total;
}

// E[f1(u1) f2(u2)] for the pair u1 = sqrt(q) z1, u2 = sqrt(q) (c z1 + sqrt(1 - c^2) z2), of
// variance q and correlation c in [-1, 1] (Poole et al. 2016, eq. (5)), as an iterated
// integral: the inner expectation over z2 at each node of z1, inner(m, s) = E[f2(m + s z2)]
// at m = c u1 and s = sqrt(q (1 - c^2)), which smooths f2's kink over the scale s / |c| in u1,
// which the outer rule resolves (c near 1: s small).
template <class F1, class Inner>
double bivariate_expectation_with(const F1& f1, const Inner& inner, double q, double c) {
  const double root_q = std::sqrt(q);
  const double s = root_q * std::sqrt((1 - c) * (1 + c));
  const double unit = c == 0 ? 1 : std::fmin(1.0, s / std::fabs(c));
  return gaussian_expectation(
      [&](double u1) {
        const double outer = f1(u1);  // 0 on relu's negative side: no inner integral there
        return outer == 0 ? 0.0 : outer * inner(c * u1, s);
      },
      0.0, root_q, unit > 0 ? unit : 1);
}

// The same with the inner expectation by the quadrature above, cut at f2's own kink.
template <class F1, class F2>
double bivariate_expectation(const F1& f1, const F2& f2, double q, double c) {
  return bivariate_expectation_with(
      f1, [&](double m, double s) { return gaussian_expectation(f2, m, s); }, q, c);
}

}  // namespace actlab
