// The vectorized double path gives the scalar path's bits (curve_f64x2_reference.hpp): the
// two-lane exp, expm1, log1p, erfc and tanh, and every activation's curve through
// evaluate_curve, which `actlab curve` and the module's curve() print.
#include <gtest/gtest.h>

#include "curve_f64x2_reference.hpp"

namespace {

std::string first(const actlab::test::Comparison& c) {
  return c.mismatches.empty() ? "" : c.mismatches.front();
}

#if defined(ACTLAB_F64X2)
TEST(CurveF64x2, TwoLaneMathEqualsScalarBitForBit) {
  const actlab::test::Comparison c = actlab::test::compare_portable_math();
  EXPECT_GT(c.cases, 5u * 2 * 40000);
  EXPECT_TRUE(c.mismatches.empty()) << c.mismatches.size() << " or more, first: " << first(c);
}
#endif

TEST(CurveF64x2, EveryActivationsCurveEqualsScalarBitForBit) {
  const actlab::test::Comparison c = actlab::test::compare_curves();
  EXPECT_GT(c.cases, 12u * 2 * 2 * 180000);
  EXPECT_TRUE(c.mismatches.empty()) << c.mismatches.size() << " or more, first: " << first(c);
}

// The curve of an odd number of points ends on the scalar path; its last point is the
// scalar value too (and the grid's end exact).
TEST(CurveF64x2, OddPointCountsMatchTheScalarForm) {
  for (const int points : {2, 3, 5, 241}) {
    const actlab::Activation act{actlab::ActivationKind::gelu, 0};
    const actlab::Curve c = actlab::sample_curve(act, {-6, 6, points});
    ASSERT_EQ(c.z.size(), static_cast<std::size_t>(points));
    EXPECT_EQ(c.z.back(), 6.0);
    for (int i = 0; i < points; ++i) {
      EXPECT_EQ(actlab::test::bits_of(c.value[i]), actlab::test::bits_of(act.value(c.z[i])));
      EXPECT_EQ(actlab::test::bits_of(c.derivative[i]),
                actlab::test::bits_of(act.derivative(c.z[i])));
    }
  }
}

// The grid's loop runs over int steps with the end outside it: the z of the definition,
// from + (to - from) i / (points - 1), to the bit.
TEST(CurveF64x2, GridIsTheDefinitionsBitForBit) {
  for (const actlab::CurveGrid grid :
       {actlab::CurveGrid{-6, 6, 241}, actlab::CurveGrid{-1e4, 1e4, 99999},
        actlab::CurveGrid{-0.3, 1e-3, 7}}) {
    const actlab::Curve c = actlab::sample_curve(actlab::Activation{}, grid);
    const std::size_t n = c.z.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const double z = grid.from + (grid.to - grid.from) * static_cast<double>(i) / (n - 1);
      ASSERT_EQ(actlab::test::bits_of(c.z[i]), actlab::test::bits_of(z)) << i;
    }
    EXPECT_EQ(c.z[n - 1], grid.to);
  }
}

}  // namespace
