#pragma once
// The correlation map's two-dimensional Gaussian expectations by Mehler's formula (Poole et
// al. 2016, eq. (5); O'Donnell 2014, "Analysis of Boolean functions", Sec. 11.2): for u1, u2
// of variance q and correlation c,
//   E[f(u1) g(u2)] = sum_n a_n b_n c^n,   a_n = E[f(sqrt(q) z) He_n(z)] / sqrt(n!),
// He_n the probabilists' Hermite polynomials, z ~ N(0, 1). f's coefficients at q are one
// 1-D quadrature (12-point Gauss-Legendre on panels of width 1/2 over [-12, 12], cut at the
// kink 0; beyond 12, e^(-t^2/4) < 3e-16 bounds He_n(t) phi_N(t) / sqrt(n!)), after which the
// expectation at any c is a sum, so that the correlation map at one q costs one pass over the
// nodes. The series is cut at the first n where the rest is below tol: by Cauchy-Schwarz and
// Bessel's inequality,
//   |sum_{k>n} a_k b_k c^k| <= |c|^(n+1) sqrt((E[f^2] - sum_{k<=n} a_k^2)(E[g^2] - ...)).
// Where that bound stays above tol up to kMaxHermiteDegree (c near +-1 for a kinked f), or
// q > kMaxHermiteQ, the answer is nullopt and the caller integrates directly.
#include <cmath>
#include <cstddef>
#include <optional>
#include <vector>

namespace actlab {

inline constexpr int kMaxHermiteDegree = 256;
// phi(sqrt(q) t) varies on the scale 1 / sqrt(q) >= 1/4 in t: panels of 1/2 resolve it.
inline constexpr double kMaxHermiteQ = 16;

namespace detail {

// The nodes t_i, their weights W_i (Legendre weight times phi_N(t_i)), and the table
// W_i He_n(t_i) / sqrt(n!) for n = 0..kMaxHermiteDegree, row n at n * t.size().
struct HermiteTable {
  std::vector<double> t;
  std::vector<double> weight;
  std::vector<double> weighted_he;
};
const HermiteTable& hermite_table();

}  // namespace detail

// f(sqrt(q) t) at the nodes and its Hermite coefficients, computed as far as they are asked.
class HermiteProjection {
 public:
  template <class F>
  HermiteProjection(const F& f, double q) {
    const detail::HermiteTable& table = detail::hermite_table();
    const double root_q = std::sqrt(q);
    values_.reserve(table.t.size());
    for (std::size_t i = 0; i < table.t.size(); ++i) {
      const double v = f(root_q * table.t[i]);
      values_.push_back(v);
      norm2_ += table.weight[i] * v * v;
    }
  }
  double norm2() const { return norm2_; }  // E[f(sqrt(q) z)^2]
  double coefficient(int n);               // a_n, 0 <= n <= kMaxHermiteDegree

 private:
  std::vector<double> values_;
  std::vector<double> coefficients_;
  double norm2_ = 0;
};

// E[f(u1) g(u2)] to within tol sqrt(E[f^2] E[g^2]), or nullopt (see above). f and g may be
// the same projection.
std::optional<double> mehler_expectation(HermiteProjection& f, HermiteProjection& g, double c,
                                         double tol);

}  // namespace actlab
