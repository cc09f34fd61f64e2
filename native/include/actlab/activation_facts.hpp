#pragma once
// What each phi:: struct (activation_math.hpp) states about its function beside the formulas,
// so that adding an activation touches one place: the supremum of |phi'| and where it is
// reached, the range of phi, and its kinks. The catalog (activation_info.hpp) and the tests
// read them from the struct.
#include <cmath>
#include <optional>

namespace actlab {

// The supremum of |phi'| over the real line and where it is reached.
struct DerivativeMaximum {
  double value;
  std::optional<double> argmax;  // nullopt where no single point (relu: every z >= 0)
  bool attained;                 // false where only approached (selu: z -> 0 from the left)
};

// The range of phi; nullopt ends are unbounded.
struct Range {
  std::optional<double> lo;
  std::optional<double> hi;
  bool bounded() const { return lo.has_value() && hi.has_value(); }
};

namespace phi::detail {

// Golden-section search for the maximum of a unimodal f on [lo, hi], to double precision.
template <class F>
double golden_argmax(const F& f, double lo, double hi) {
  const double inv_phi = 0.61803398874989484820;
  double a = lo, b = hi;
  double c = b - inv_phi * (b - a), d = a + inv_phi * (b - a);
  double fc = f(c), fd = f(d);
  for (int i = 0; i < 200 && b - a > 1e-15 * (1 + std::fabs(a)); ++i) {
    if (fc > fd) {
      b = d, d = c, fd = fc;
      c = b - inv_phi * (b - a), fc = f(c);
    } else {
      a = c, c = d, fc = fd;
      d = a + inv_phi * (b - a), fd = f(d);
    }
  }
  return 0.5 * (a + b);
}

// sup phi' where phi' > 0 has its one maximum inside [lo, hi] (GELU, SiLU, Mish).
template <class Phi>
DerivativeMaximum interior_maximum(double lo, double hi) {
  const auto d = [](double z) { return Phi::derivative(z, 0.0); };
  const double z = golden_argmax(d, lo, hi);
  return {d(z), z, true};
}

// inf phi of the smooth self-gated functions, which dip below 0 once, inside [-4, 0].
template <class Phi>
double interior_minimum() {
  const double z = golden_argmax([](double x) { return -Phi::value(x, 0.0); }, -4.0, 0.0);
  return Phi::value(z, 0.0);
}

}  // namespace phi::detail

}  // namespace actlab
