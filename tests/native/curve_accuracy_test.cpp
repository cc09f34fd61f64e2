// The double curves against long-double closed forms, in ulps (curve_accuracy.hpp): every
// activation's value and derivative on wide grids and at the edges, within the bounds below,
// which the fdlibm ports and the one-exponential forms of tanh, ELU, SELU and Mish
// (activation_math.hpp) keep.
#include "curve_accuracy.hpp"

#include <gtest/gtest.h>

namespace actlab {
namespace {

struct Bound {
  double value, derivative;
};

Bound bound_of(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::identity:
    case ActivationKind::relu:
    case ActivationKind::leaky_relu:
      return {0.5, 0.5};
    case ActivationKind::sigmoid:
      return {2.5, 4};
    case ActivationKind::tanh:
      return {3, 4};
    case ActivationKind::elu:
      return {1.5, 1.5};
    case ActivationKind::selu:
      return {3, 3};
    case ActivationKind::gelu:
      return {2, 2.5};
    case ActivationKind::silu:
      return {3, 4};
    case ActivationKind::softplus:
      return {2, 2.5};
    case ActivationKind::mish:
      return {4, 6};
    case ActivationKind::softsign:
      return {2, 4};
  }
  return {0, 0};
}

TEST(CurveAccuracy, EveryActivationWithinItsUlpsOfTheExactValue) {
  for (const Activation& act : test::all_activations()) {
    const test::CurveErrors e = test::curve_errors(act);
    const Bound b = bound_of(act.kind);
    EXPECT_LE(e.value.ulps, b.value) << e.value.where;
    EXPECT_LE(e.derivative.ulps, b.derivative) << e.derivative.where;
  }
}

// Mish keeps the sign of a zero; both ends of Mish and tanh are exact: what the forms'
// branches decide.
TEST(CurveAccuracy, SignedZerosAndSaturatedEnds) {
  const double z[] = {-0.0, 0.0, -1e4, 1e4};
  double h[4], dphi[4];
  const Activation mish{ActivationKind::mish, 0}, tanh{ActivationKind::tanh, 0};
  evaluate_curve(mish, z, h, dphi, 4);
  EXPECT_TRUE(std::signbit(h[0]) && h[0] == 0);
  EXPECT_TRUE(!std::signbit(h[1]) && h[1] == 0);
  EXPECT_EQ(dphi[0], 0.6);  // tanh(log 2) = 3/5
  EXPECT_EQ(h[2], 0.0);
  EXPECT_EQ(dphi[2], 0.0);
  EXPECT_EQ(h[3], 1e4);
  EXPECT_EQ(dphi[3], 1.0);
  evaluate_curve(tanh, z, h, dphi, 4);
  EXPECT_EQ(h[0], 0.0);
  EXPECT_EQ(dphi[0], 1.0);
  EXPECT_EQ(h[2], -1.0);
  EXPECT_EQ(dphi[2], 0.0);
  EXPECT_EQ(h[3], 1.0);
}

}  // namespace
}  // namespace actlab
