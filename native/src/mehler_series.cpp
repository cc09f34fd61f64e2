#include "actlab/mehler_series.hpp"

#include <cmath>

#include "actlab/gaussian_quadrature.hpp"

namespace actlab {

namespace detail {

namespace {

constexpr double kHermiteTail = 12;
constexpr double kHermitePanel = 0.5;
// The floor of the bound's missing mass, relative to E[f^2]: the rounding of the difference.
constexpr double kMissingFloor = 1e-14;

HermiteTable build_table() {
  HermiteTable table;
  const int panels = static_cast<int>(2 * kHermiteTail / kHermitePanel);
  const double half = 0.5 * kHermitePanel;
  for (int p = 0; p < panels; ++p) {
    const double center = -kHermiteTail + (p + 0.5) * kHermitePanel;
    for (int k = 0; k < kLegendreHalf; ++k) {
      for (const double side : {-1.0, 1.0}) {
        const double t = center + side * half * kLegendreNode[k];
        table.t.push_back(t);
        table.weight.push_back(half * kLegendreWeight[k] * normal_density(t));
      }
    }
  }
  // He_n / sqrt(n!) by its three-term recurrence: p_{n+1} = (t p_n - sqrt(n) p_{n-1}) / sqrt(n+1).
  const std::size_t m = table.t.size();
  table.weighted_he.resize(m * (kMaxHermiteDegree + 1));
  for (std::size_t i = 0; i < m; ++i) {
    const double t = table.t[i];
    double previous = 0, current = 1;
    for (int n = 0; n <= kMaxHermiteDegree; ++n) {
      table.weighted_he[n * m + i] = table.weight[i] * current;
      const double next = (t * current - std::sqrt(static_cast<double>(n)) * previous) /
                          std::sqrt(static_cast<double>(n + 1));
      previous = current;
      current = next;
    }
  }
  return table;
}

}  // namespace

const HermiteTable& hermite_table() {
  static const HermiteTable table = build_table();
  return table;
}

}  // namespace detail

double HermiteProjection::coefficient(int n) {
  const detail::HermiteTable& table = detail::hermite_table();
  const std::size_t m = values_.size();
  while (static_cast<int>(coefficients_.size()) <= n) {
    const double* row = table.weighted_he.data() + coefficients_.size() * m;
    double a = 0;
    for (std::size_t i = 0; i < m; ++i) a += row[i] * values_[i];
    coefficients_.push_back(a);
  }
  return coefficients_[n];
}

std::optional<double> mehler_expectation(HermiteProjection& f, HermiteProjection& g, double c,
                                         double tol) {
  const double ef = f.norm2(), eg = g.norm2();
  const double scale = std::sqrt(ef * eg);
  if (scale == 0) return 0.0;
  double sum = 0, power = 1, captured_f = 0, captured_g = 0;
  for (int n = 0; n <= kMaxHermiteDegree; ++n) {
    const double a = f.coefficient(n), b = g.coefficient(n);
    sum += a * b * power;
    captured_f += a * a;
    captured_g += b * b;
    power *= c;  // c^(n+1)
    const double missing_f = std::fmax(ef - captured_f, 0.0) + detail::kMissingFloor * ef;
    const double missing_g = std::fmax(eg - captured_g, 0.0) + detail::kMissingFloor * eg;
    if (std::fabs(power) * std::sqrt(missing_f * missing_g) <= tol * scale) return sum;
  }
  return std::nullopt;
}

}  // namespace actlab
