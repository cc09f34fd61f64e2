// phi(z) and phi'(z) against long-double closed forms, at many points and the extremes.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>

#include "actlab/activation_info.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

using test::Long;

// Relative 1e-9 wherever the exact value is a normal double; exact 0 where it is 0.
void expect_close(double got, Long exact, const std::string& where) {
  if (exact == 0) {
    EXPECT_EQ(got, 0.0) << where;
  } else if (std::fabs(exact) >= DBL_MIN) {
    EXPECT_LE(std::fabs((got - exact) / exact), 1e-9L) << where << " got " << got;
  }
}

// The derivatives of gelu, silu and mish cross 0 once at negative z; there a sum of two
// terms cancels and no double evaluation keeps relative accuracy, so near the crossing the
// test asks for an absolute 1e-15 instead.
bool near_derivative_root(ActivationKind kind, double z, Long exact) {
  const bool has_root =
      kind == ActivationKind::gelu || kind == ActivationKind::silu || kind == ActivationKind::mish;
  return has_root && z < 0 && z > -3 && std::fabs(exact) < 1e-6L;
}

std::string label(const Activation& act, double z) {
  return info(act.kind).id + "(alpha=" + std::to_string(act.alpha) + ") at z=" + std::to_string(z);
}

TEST(ActivationValues, MatchClosedFormsToOneInABillionOverThewholeDoubleRange) {
  for (const Activation& act : test::all_activations()) {
    for (double z : test::test_points(700)) {
      expect_close(act.value(z), test::ref_value(act.kind, z, act.alpha), label(act, z));
    }
  }
}

TEST(ActivationDerivatives, MatchClosedFormsToOneInABillionOverThewholeDoubleRange) {
  for (const Activation& act : test::all_activations()) {
    for (double z : test::test_points(700)) {
      const Long exact = test::ref_derivative(act.kind, z, act.alpha);
      if (near_derivative_root(act.kind, z, exact)) {
        EXPECT_NEAR(act.derivative(z), static_cast<double>(exact), 1e-15) << label(act, z);
      } else {
        expect_close(act.derivative(z), exact, label(act, z));
      }
    }
  }
}

TEST(ActivationValues, KeepTinyValuesThatNaiveFormsRoundToZero) {
  const Activation sigmoid{ActivationKind::sigmoid, 0};
  EXPECT_NEAR(sigmoid.value(-700.0) / std::exp(-700.0L), 1.0L, 1e-12L);  // 9.86e-305
  const Activation softplus{ActivationKind::softplus, 0};
  EXPECT_NEAR(softplus.value(-20.0) / std::log1p(std::exp(-20.0L)), 1.0L, 1e-12L);  // 2.06e-9
  // 1 - tanh^2(20) is 0 in double; the true tanh'(20) is 1.6993e-17.
  const Activation tanh{ActivationKind::tanh, 0};
  EXPECT_NEAR(tanh.derivative(20.0) / 1.6993417021166355e-17, 1.0, 1e-9);
  // sigma(40)(1 - sigma(40)) is 0 in double; sigma(40) sigma(-40) is 4.248e-18.
  EXPECT_NEAR(sigmoid.derivative(40.0) / 4.248354255291589e-18, 1.0, 1e-9);
}

TEST(ActivationValues, FiniteEverywhereInFloatAndDouble) {
  for (const Activation& act : test::all_activations()) {
    for (double z : test::test_points(1e4)) {
      const float zf = static_cast<float>(z);
      EXPECT_TRUE(std::isfinite(act.value(zf))) << label(act, z) << " (float)";
      EXPECT_TRUE(std::isfinite(act.derivative(zf))) << label(act, z) << " (float)";
      EXPECT_TRUE(std::isfinite(act.value(z))) << label(act, z);
      EXPECT_TRUE(std::isfinite(act.derivative(z))) << label(act, z);
    }
  }
}

TEST(ActivationValues, FloatAgreesWithDoubleToFloatPrecision) {
  // Tails like e^(-z^2/2) amplify the float rounding of z by about z^2: the tolerance grows
  // with it (1e-6 relative near 0, 1e-3 at |z| = 30).
  for (const Activation& act : test::all_activations()) {
    for (double z = -30; z <= 30; z += 0.0371) {
      const float zf = static_cast<float>(z);
      const double relative = 1e-6 * (1 + z * z);
      const double exact = act.value(static_cast<double>(zf));
      EXPECT_NEAR(act.value(zf), exact, relative * std::fabs(exact) + 1e-37) << label(act, z);
      const double slope = act.derivative(static_cast<double>(zf));
      // Near the root of gelu', silu', mish' two terms of size ~0.3 cancel: float keeps
      // their rounding, a few 1e-8 absolute.
      const double absolute = near_derivative_root(act.kind, zf, 0) ? 2e-7 : 1e-37;
      EXPECT_NEAR(act.derivative(zf), slope, relative * std::fabs(slope) + absolute)
          << label(act, z);
    }
  }
}

TEST(ActivationArrays, EvaluateEqualsPointwiseCalls) {
  std::vector<float> z;
  for (float x = -10; x <= 10; x += 0.37f) z.push_back(x);
  std::vector<float> h(z.size()), dphi(z.size());
  for (const Activation& act : test::all_activations()) {
    evaluate(act, z.data(), h.data(), dphi.data(), z.size());
    for (std::size_t i = 0; i < z.size(); ++i) {
      EXPECT_EQ(h[i], act.value(z[i]));
      EXPECT_EQ(dphi[i], act.derivative(z[i]));
    }
  }
}

TEST(ActivationKinks, DerivativeTakesTheRightBranchAtZero) {
  EXPECT_EQ(Activation({ActivationKind::relu, 0}).derivative(0.0), 1.0);
  EXPECT_EQ(Activation({ActivationKind::relu, 0}).derivative(-1e-300), 0.0);
  EXPECT_EQ(Activation({ActivationKind::leaky_relu, 0.1}).derivative(0.0), 1.0);
  EXPECT_EQ(Activation({ActivationKind::leaky_relu, 0.1}).derivative(-1e-300), 0.1);
  EXPECT_EQ(Activation({ActivationKind::elu, 2.0}).derivative(0.0), 1.0);
  EXPECT_EQ(Activation({ActivationKind::selu, 0}).derivative(0.0), phi::kSeluLambda);
}

}  // namespace
}  // namespace actlab
