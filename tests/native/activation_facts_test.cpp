// The facts each phi:: struct states about its function (activation_facts.hpp), against the
// function itself: the kinks are where phi' or phi'' jumps and nowhere else, the range's ends
// are reached or approached and the open ones unbounded, and a supremum of |phi'| that is not
// attained is approached where the struct says. DerivativeMaximum and the range's lower end
// are checked on a dense grid in activation_info_test.cpp.
#include <gtest/gtest.h>

#include <cmath>

#include "actlab/activation_info.hpp"
#include "actlab/activation_second.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

// The jumps of phi' and phi'' across z: their one-sided values 1e-9 apart.
double jump(const Activation& act, double z) {
  const double e = 1e-9;
  const double d = std::fabs(act.derivative(z + e) - act.derivative(z - e));
  const double d2 = std::fabs(second_derivative(act, z + e) - second_derivative(act, z - e));
  return std::fmax(d, d2);
}

TEST(ActivationKinks, AreWherePhiPrimeOrPhiSecondJumps) {
  for (const Activation& act : test::all_activations()) {
    for (const double k : kinks(act)) {
      EXPECT_GT(jump(act, k), 1e-3) << info(act.kind).id << " at " << k;
    }
  }
}

TEST(ActivationKinks, AreTheOnlyJumps) {
  for (const Activation& act : test::all_activations()) {
    const std::vector<double> at = kinks(act);
    for (int i = -20000; i <= 20000; ++i) {
      const double z = i * 0.001;  // 0 itself among them
      bool near = false;
      for (const double k : at) near = near || std::fabs(z - k) < 1e-6;
      // phi'' moves by at most 1e-9 |phi'''| over 2e-9: a few 1e-9 for every activation here.
      if (!near) {
        EXPECT_LT(jump(act, z), 1e-6) << info(act.kind).id << " at z=" << z;
      }
    }
  }
}

// gaussian_quadrature.hpp cuts at 0 alone: every kink must be there.
TEST(ActivationKinks, AreAllAtZeroWhereTheQuadratureCuts) {
  for (const Activation& act : test::all_activations()) {
    for (const double k : kinks(act)) EXPECT_EQ(k, 0.0) << info(act.kind).id;
  }
}

TEST(Range, EndsAreReachedOrApproachedAndOpenEndsUnbounded) {
  for (const Activation& act : test::all_activations()) {
    const Range r = range(act);
    const std::string id = info(act.kind).id;
    for (int i = -6000; i <= 6000; ++i) {
      const double z = i * 0.01;
      EXPECT_GE(act.value(z), r.lo.value_or(-INFINITY) - 1e-12) << id << " at z=" << z;
      EXPECT_LE(act.value(z), r.hi.value_or(INFINITY) + 1e-12) << id << " at z=" << z;
    }
    // softsign approaches its ends as 1/z, the others exponentially.
    const double far = 1e8;
    if (r.hi) {
      EXPECT_NEAR(act.value(far), *r.hi, 1e-6) << id;
    } else {
      EXPECT_GT(act.value(far), 1e6) << id;
    }
    if (!r.lo) {
      EXPECT_LT(act.value(-far), -1e4) << id;
    }
  }
}

TEST(DerivativeMaximum, ANotAttainedSupremumIsApproachedAndNeverReached) {
  for (const Activation& act : test::all_activations()) {
    const DerivativeMaximum max = derivative_maximum(act);
    const std::string id = info(act.kind).id;
    if (max.attained) continue;
    // Up to |z| = 30: sigma(z) rounds to 1 beyond 37 (softplus').
    for (int i = -3000; i <= 3000; ++i) {
      const double z = i * 0.01;
      EXPECT_LT(std::fabs(act.derivative(z)), max.value) << id << " at z=" << z;
    }
    // Approached at argmax from one side, or at an end of the line where there is none.
    const double e = 1e-12;
    const double approached =
        max.argmax ? std::fmax(std::fabs(act.derivative(*max.argmax - e)),
                               std::fabs(act.derivative(*max.argmax + e)))
                   : std::fmax(std::fabs(act.derivative(-60.0)), std::fabs(act.derivative(60.0)));
    EXPECT_NEAR(approached, max.value, 1e-9 * max.value) << id;
  }
}

TEST(DerivativeMaximum, EluDependsOnAlpha) {
  // alpha e^z as z -> 0- exceeds the right branch's 1 only for alpha > 1.
  const DerivativeMaximum steep = derivative_maximum({ActivationKind::elu, 3.0});
  EXPECT_EQ(steep.value, 3.0);
  EXPECT_EQ(steep.argmax, 0.0);
  EXPECT_FALSE(steep.attained);
  const DerivativeMaximum gentle = derivative_maximum({ActivationKind::elu, 0.5});
  EXPECT_EQ(gentle.value, 1.0);
  EXPECT_TRUE(gentle.attained);
}

}  // namespace
}  // namespace actlab
