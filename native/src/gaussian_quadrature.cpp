#include "actlab/gaussian_quadrature.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace actlab {

namespace detail {

double normal_density(double t) {
  constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;
  constexpr double kLog2e = 1.44269504088896338700e+00;
  // ln 2 in two parts, the first with 32 bits so that k ln2_hi is exact (fdlibm's split).
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  const double x = -0.5 * t * t;  // in [-40.5, 0]
  const double k = std::floor(x * kLog2e + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| <= ln2 / 2 + tiny
  // e^r by Taylor to r^14: the remainder is below 3e-19 for |r| <= 0.35.
  double p = 1.0 / 87178291200;
  static constexpr double inverse_factorial[] = {1.0 / 6227020800,
                                                 1.0 / 479001600,
                                                 1.0 / 39916800,
                                                 1.0 / 3628800,
                                                 1.0 / 362880,
                                                 1.0 / 40320,
                                                 1.0 / 5040,
                                                 1.0 / 720,
                                                 1.0 / 120,
                                                 1.0 / 24,
                                                 1.0 / 6,
                                                 0.5,
                                                 1,
                                                 1};
  for (const double a : inverse_factorial) p = p * r + a;
  // 2^k for k in [-59, 0], built from its exponent bits (exact; ldexp is a libm call).
  const std::uint64_t bits = static_cast<std::uint64_t>(1023 + static_cast<int>(k)) << 52;
  double two_k;
  std::memcpy(&two_k, &bits, sizeof two_k);
  return kInvSqrt2Pi * p * two_k;
}

const BasePanelDensity& base_panel_density() {
  static const struct Table {
    BasePanelDensity density;
    Table() : density() {
      for (std::size_t b = 0; b + 1 < kBaseGaussianCuts; ++b) {
        const double center = 0.5 * (kGaussianCuts[b] + kGaussianCuts[b + 1]);
        const double half = 0.5 * (kGaussianCuts[b + 1] - kGaussianCuts[b]);
        for (int k = 0; k < kLegendreHalf; ++k) {
          const double dt = half * kLegendreNode[k];
          density[b][k][0] = normal_density(center - dt);
          density[b][k][1] = normal_density(center + dt);
        }
      }
    }
  } table;
  return table.density;
}

}  // namespace detail

std::size_t gaussian_panels(double m, double s, double unit, double* cuts) {
  std::size_t n = 0;
  const auto add = [&](double t) {
    if (t > -kGaussianTail && t < kGaussianTail) cuts[n++] = t;
  };
  for (const double t : kGaussianCuts) cuts[n++] = t;
  const double t0 = -m / s;
  if (t0 > -kGaussianTail && t0 < kGaussianTail) {
    add(t0);
    // From a quarter of g's unit, at least 2^-42, doubling while below 1.
    constexpr double kFinest = 1.0 / (1ULL << 42);
    for (double step = std::max(0.25 * unit / s, kFinest); step < 1; step *= 2) {
      add(t0 - step);
      add(t0 + step);
    }
  }
  std::sort(cuts, cuts + n);
  return static_cast<std::size_t>(std::unique(cuts, cuts + n) - cuts);
}

}  // namespace actlab
