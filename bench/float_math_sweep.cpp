// The error of float_math::exp and float_math::expm1 (actlab/float_math.hpp) over every float,
// in units in the last place of the exact value (glibc's double exp and expm1, within 2^-52 of
// it, rounded no further): prints, per function, the largest error, where it occurs, and how
// many results are not the correctly rounded float. Native only: `actlab_float_math_sweep`.
#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "actlab/float_math.hpp"

namespace {

// The spacing of floats at |v| (the subnormal spacing below FLT_MIN), v finite and nonzero.
double float_ulp(double v) {
  int exponent;
  std::frexp(v, &exponent);  // |v| in [2^(exponent-1), 2^exponent)
  return std::ldexp(1.0, std::max(exponent - 24, -149));
}

struct Sweep {
  double max_ulp = 0;
  float worst = 0;
  std::uint64_t not_rounded = 0;  // results other than the exact value rounded to float
  std::uint64_t checked = 0;
};

template <class F, class Exact>
Sweep sweep(F f, Exact exact) {
  Sweep s;
  for (std::uint64_t u = 0; u <= 0xffffffffu; ++u) {
    float x;
    const auto bits = static_cast<std::uint32_t>(u);
    std::memcpy(&x, &bits, sizeof x);
    if (std::isnan(x)) continue;
    const double want = exact(double(x));
    const float got = f(x);
    ++s.checked;
    if (got != static_cast<float>(want)) ++s.not_rounded;
    if (std::isinf(static_cast<float>(want)) || std::isinf(got)) {
      // Past the overflow threshold inf is right, and only there.
      if (static_cast<float>(want) != got && s.max_ulp < INFINITY)
        s.max_ulp = INFINITY, s.worst = x;
      continue;
    }
    const double error = std::fabs(double(got) - want) / float_ulp(want);
    if (error > s.max_ulp) s.max_ulp = error, s.worst = x;
  }
  return s;
}

void print(const char* name, const Sweep& s) {
  std::printf("%-6s max error %.3f ulp at x = %.9g; %" PRIu64 " of %" PRIu64
              " results not correctly rounded (%.4f%%)\n",
              name, s.max_ulp, s.worst, s.not_rounded, s.checked,
              100.0 * double(s.not_rounded) / double(s.checked));
}

}  // namespace

int main() {
  print("exp", sweep([](float x) { return actlab::float_math::exp(x); },
                     [](double x) { return std::exp(x); }));
  print("expm1", sweep([](float x) { return actlab::float_math::expm1(x); },
                       [](double x) { return std::expm1(x); }));
  // NaN in, NaN out.
  const bool nan_ok =
      std::isnan(actlab::float_math::exp(NAN)) && std::isnan(actlab::float_math::expm1(NAN));
  std::printf("NaN -> NaN: %s\n", nan_ok ? "yes" : "NO");
  return nan_ok ? 0 : 1;
}
