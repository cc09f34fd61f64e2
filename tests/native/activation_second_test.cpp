// phi'' against central differences of phi' (the depth scale xi_q needs it).
#include "actlab/activation_second.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>

#include "actlab/activation_info.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

// Within 2h of one of act's kinks (its phi:: struct's), where the differences straddle it.
bool near_kink(const Activation& act, double z, double h) {
  for (const double k : kinks(act)) {
    if (std::fabs(z - k) <= 2 * h) return true;
  }
  return false;
}

TEST(ActivationSecondDerivative, AgreesWithFiniteDifferencesOfTheDerivative) {
  const double h = 1e-4;
  for (const Activation& act : test::all_activations()) {
    for (double z = -20; z <= 20; z += 0.0173) {
      if (near_kink(act, z, h)) continue;
      // The long-double reference phi', differenced: truncation O(h^4), rounding ~1e-19 / h.
      const auto d = [&](double x) {
        return test::ref_derivative(act.kind, x, static_cast<test::Long>(act.alpha));
      };
      const test::Long numeric =
          (8 * (d(z + h) - d(z - h)) - (d(z + 2 * h) - d(z - 2 * h))) / (12 * h);
      const double analytic = second_derivative(act, z);
      EXPECT_NEAR(analytic, static_cast<double>(numeric), 1e-8 * (1 + std::fabs(analytic)))
          << info(act.kind).id << " at z=" << z;
    }
  }
}

TEST(ActivationSecondDerivative, TakesTheRightBranchAtTheKinks) {
  EXPECT_EQ(second_derivative({ActivationKind::relu, 0}, 0.0), 0);
  EXPECT_EQ(second_derivative({ActivationKind::elu, 2}, -1e-300), 2);  // alpha e^z at 0-
  EXPECT_EQ(second_derivative({ActivationKind::elu, 2}, 0.0), 0);
  EXPECT_EQ(second_derivative({ActivationKind::softsign, 0}, 0.0), -2);
  EXPECT_EQ(second_derivative({ActivationKind::softsign, 0}, -1e-300), 2);
}

TEST(ActivationSecondDerivative, IsFiniteFarOut) {
  for (const Activation& act : test::all_activations()) {
    for (const double z : {-1e4, -800.0, 800.0, 1e4}) {
      EXPECT_TRUE(std::isfinite(second_derivative(act, z))) << info(act.kind).id << " " << z;
    }
  }
}

}  // namespace
}  // namespace actlab
