// float_math::exp and expm1 against glibc's double functions on every 997th float (the full
// sweep of all 2^32 is bench/float_math_sweep.cpp: 0.99 and 1.57 ulp), and at the edges.
#include "actlab/float_math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace actlab {
namespace {

// |got - exact| in units of the float spacing at the exact value (subnormal spacing below).
double ulp_error(float got, double exact) {
  int exponent;
  std::frexp(exact, &exponent);
  return std::fabs(double(got) - exact) / std::ldexp(1.0, std::max(exponent - 24, -149));
}

template <class F, class Exact>
double max_ulp_error(F f, Exact exact) {
  double worst = 0;
  for (std::uint64_t u = 0; u <= 0xffffffffu; u += 997) {
    float x;
    const auto bits = static_cast<std::uint32_t>(u);
    std::memcpy(&x, &bits, sizeof x);
    if (std::isnan(x)) continue;
    const double want = exact(double(x));
    const float got = f(x);
    if (std::isinf(static_cast<float>(want))) {
      EXPECT_EQ(got, static_cast<float>(want)) << "x = " << x;  // overflowed, or -inf
    } else {
      EXPECT_FALSE(std::isinf(got)) << "x = " << x;
      worst = std::max(worst, ulp_error(got, want));
    }
  }
  return worst;
}

TEST(FloatMath, ExpWithinOneUlpOnAFloatGrid) {
  EXPECT_LT(max_ulp_error(float_math::exp, [](double x) { return std::exp(x); }), 1.0);
}

TEST(FloatMath, Expm1WithinOneAndAHalfUlpsOnAFloatGrid) {
  EXPECT_LT(max_ulp_error(float_math::expm1, [](double x) { return std::expm1(x); }), 1.6);
}

TEST(FloatMath, EdgesAndSpecialValues) {
  const float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(float_math::exp(-inf), 0.0f);
  EXPECT_EQ(float_math::exp(inf), inf);
  EXPECT_EQ(float_math::exp(0.0f), 1.0f);
  EXPECT_EQ(float_math::exp(88.72f), std::exp(88.72f));  // just below the overflow threshold
  EXPECT_EQ(float_math::exp(88.73f), inf);
  EXPECT_EQ(float_math::exp(-103.0f), static_cast<float>(std::exp(-103.0)));  // subnormal
  EXPECT_TRUE(std::isnan(float_math::exp(NAN)));
  EXPECT_EQ(float_math::expm1(-inf), -1.0f);
  EXPECT_EQ(float_math::expm1(inf), inf);
  EXPECT_TRUE(std::signbit(float_math::expm1(-0.0f)));
  const float tiny = std::numeric_limits<float>::denorm_min();
  EXPECT_EQ(float_math::expm1(tiny), tiny);
  EXPECT_EQ(float_math::expm1(-tiny), -tiny);
  EXPECT_TRUE(std::isnan(float_math::expm1(NAN)));
}

}  // namespace
}  // namespace actlab
