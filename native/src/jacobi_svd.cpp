#include "actlab/jacobi_svd.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace actlab {

namespace {

// A pair is orthogonal when |a_i . a_j| <= n eps |a_i| |a_j|: the rounding of the dot product
// itself (LAPACK's dgesvj stops at sqrt(n) eps).
constexpr double kEpsilon = 2.220446049250313e-16;
constexpr int kMaxSweeps = 60;

double dot(const double* x, const double* y, int n) {
  double s = 0;
  for (int k = 0; k < n; ++k) s += x[k] * y[k];
  return s;
}

}  // namespace

std::vector<double> jacobi_singular_values(std::vector<double> a, int n) {
  const double orthogonal = n * kEpsilon;
  // |a_i|^2 computed again only after column i rotated: the same dot of the same numbers, so
  // the same bits as computing it for every pair.
  std::vector<double> norm2(n);
  std::vector<bool> current(n, false);
  const auto squared_norm = [&](int i) {
    if (!current[i]) {
      const double* x = a.data() + static_cast<std::size_t>(i) * n;
      norm2[i] = dot(x, x, n);
      current[i] = true;
    }
    return norm2[i];
  };
  for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
    bool rotated = false;
    for (int i = 0; i + 1 < n; ++i) {
      for (int j = i + 1; j < n; ++j) {
        double* x = a.data() + static_cast<std::size_t>(i) * n;
        double* y = a.data() + static_cast<std::size_t>(j) * n;
        const double alpha = squared_norm(i), beta = squared_norm(j), gamma = dot(x, y, n);
        if (!(std::fabs(gamma) > orthogonal * std::sqrt(alpha * beta))) continue;
        rotated = true;
        // The rotation that zeroes the pair's off-diagonal entry of A^T A (Golub & Van Loan
        // 8.5.2): t the smaller root of t^2 + 2 zeta t - 1 = 0.
        const double zeta = (beta - alpha) / (2 * gamma);
        const double t = (zeta >= 0 ? 1.0 : -1.0) / (std::fabs(zeta) + std::sqrt(1 + zeta * zeta));
        const double c = 1 / std::sqrt(1 + t * t), s = c * t;
        for (int k = 0; k < n; ++k) {
          const double xk = x[k], yk = y[k];
          x[k] = c * xk - s * yk;
          y[k] = s * xk + c * yk;
        }
        current[i] = current[j] = false;
      }
    }
    if (!rotated) break;
  }
  std::vector<double> values(n);
  for (int j = 0; j < n; ++j) {
    const double* x = a.data() + static_cast<std::size_t>(j) * n;
    values[j] = std::sqrt(dot(x, x, n));
  }
  std::sort(values.begin(), values.end(), std::greater<double>());
  return values;
}

}  // namespace actlab
