// The metadata the page shows: sup|phi'|, where it is reached, the range, saturation.
#include "actlab/activation_info.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "reference.hpp"

namespace actlab {
namespace {

struct GridExtreme {
  double max_derivative;
  double argmax;
  double min_value;
};

GridExtreme scan(const Activation& act) {
  GridExtreme e{-1e300, 0, 1e300};
  for (double z = -30; z <= 30; z += 1e-4) {
    const double d = std::fabs(act.derivative(z));
    if (d > e.max_derivative) e.max_derivative = d, e.argmax = z;
    e.min_value = std::fmin(e.min_value, act.value(z));
  }
  return e;
}

TEST(DerivativeMaximum, IsTheSupremumOfTheDerivativeOnADenseGrid) {
  for (const Activation& act : test::all_activations()) {
    const DerivativeMaximum max = derivative_maximum(act);
    const GridExtreme grid = scan(act);
    EXPECT_GE(max.value, grid.max_derivative - 1e-12) << info(act.kind).id;
    EXPECT_NEAR(max.value, grid.max_derivative, 1e-3 * max.value) << info(act.kind).id;
    if (max.argmax && max.attained) {
      EXPECT_NEAR(act.derivative(*max.argmax), max.value, 1e-15) << info(act.kind).id;
    }
  }
}

TEST(DerivativeMaximum, GeluPeaksAtRootTwo) {
  // GELU''(z) = phi_N(z) (2 - z^2): the maximum of GELU' is at z = sqrt(2).
  const DerivativeMaximum max = derivative_maximum({ActivationKind::gelu, 0});
  ASSERT_TRUE(max.argmax.has_value());
  EXPECT_NEAR(*max.argmax, std::sqrt(2.0), 1e-7);
  const double pi = 3.14159265358979323846;
  EXPECT_NEAR(max.value,
              0.5 * std::erfc(-1.0) + std::sqrt(2.0) * std::exp(-1.0) / std::sqrt(2 * pi), 1e-14);
}

TEST(DerivativeMaximum, SeluIsLambdaAlphaApproachedFromTheLeft) {
  const DerivativeMaximum max = derivative_maximum({ActivationKind::selu, 0});
  EXPECT_DOUBLE_EQ(max.value, phi::kSeluLambda * phi::kSeluAlpha);
  EXPECT_NEAR(max.value, 1.7580993408473766, 1e-15);
  EXPECT_EQ(max.argmax, 0.0);
  EXPECT_FALSE(max.attained);
}

TEST(ActivationCatalog, SeluAloneCarriesItsConstantsFromTheFormula) {
  for (const ActivationInfo& entry : activation_catalog()) {
    if (entry.kind != ActivationKind::selu) {
      EXPECT_TRUE(entry.constants.empty()) << entry.id;
      continue;
    }
    ASSERT_EQ(entry.constants.size(), 2u);
    EXPECT_EQ(entry.constants[0].name, "lambda");
    EXPECT_EQ(entry.constants[0].value, phi::kSeluLambda);
    EXPECT_EQ(entry.constants[1].name, "alpha");
    EXPECT_EQ(entry.constants[1].value, phi::kSeluAlpha);
  }
}

TEST(DerivativeMaximum, ReluHasNoSinglePoint) {
  const DerivativeMaximum max = derivative_maximum({ActivationKind::relu, 0});
  EXPECT_EQ(max.value, 1.0);
  EXPECT_FALSE(max.argmax.has_value());
}

TEST(Range, LowerEndIsTheMinimumOnADenseGrid) {
  for (const Activation& act : test::all_activations()) {
    const Range r = range(act);
    if (!r.lo) continue;
    // Bounded below: the infimum is reached or approached at the far left.
    EXPECT_LE(*r.lo, scan(act).min_value + 1e-12) << info(act.kind).id;
    if (act.kind == ActivationKind::softsign) continue;  // approaches -1 only as -1/z
    EXPECT_NEAR(*r.lo, scan(act).min_value, 1e-6) << info(act.kind).id;
  }
}

TEST(Range, BoundedOnlyForSigmoidTanhSoftsign) {
  for (const ActivationInfo& entry : activation_catalog()) {
    const Activation act = make_activation(entry.id, std::nan("")).value();
    const bool expected = entry.id == "sigmoid" || entry.id == "tanh" || entry.id == "softsign";
    EXPECT_EQ(range(act).bounded(), expected) << entry.id;
  }
}

TEST(SaturationRegions, SigmoidMatchesTheClosedForm) {
  // sigma(z) sigma(-z) = eps / 4  <=>  z = +-logit((1 + sqrt(1 - eps)) / 2).
  const double eps = 0.1;
  const double s = (1 + std::sqrt(1 - eps)) / 2;
  const double edge = std::log(s / (1 - s));
  const auto regions = saturation_regions({ActivationKind::sigmoid, 0}, eps, -10, 10);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].lo, -10);
  EXPECT_NEAR(regions[0].hi, -edge, 1e-9);
  EXPECT_NEAR(regions[1].lo, edge, 1e-9);
  EXPECT_EQ(regions[1].hi, 10);
}

TEST(SaturationRegions, ReluIsTheNegativeHalfAndIdentityHasNone) {
  const auto relu = saturation_regions({ActivationKind::relu, 0}, 0.1, -5, 5);
  ASSERT_EQ(relu.size(), 1u);
  EXPECT_EQ(relu[0].lo, -5);
  EXPECT_NEAR(relu[0].hi, 0, 1e-11);
  EXPECT_LT(relu[0].hi, 0);
  EXPECT_TRUE(saturation_regions({ActivationKind::identity, 0}, 0.5, -5, 5).empty());
}

TEST(MakeActivation, AcceptsEveryCatalogIdAndRejectsOthers) {
  for (const ActivationInfo& entry : activation_catalog()) {
    const auto act = make_activation(entry.id, std::nan(""));
    ASSERT_TRUE(act.ok()) << entry.id;
    EXPECT_EQ(act.value().kind, entry.kind);
  }
  EXPECT_EQ(activation_catalog().size(), 12u);
  const auto bad = make_activation("sigmod", std::nan(""));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("--act"), std::string::npos);
  EXPECT_NE(bad.error().find("leaky-relu"), std::string::npos);
}

TEST(MakeActivation, ChecksAlpha) {
  EXPECT_EQ(make_activation("leaky-relu", std::nan("")).value().alpha, 0.01);
  EXPECT_EQ(make_activation("elu", std::nan("")).value().alpha, 1.0);
  EXPECT_EQ(make_activation("elu", 2.5).value().alpha, 2.5);
  EXPECT_FALSE(make_activation("leaky-relu", 1.5).ok());
  EXPECT_FALSE(make_activation("leaky-relu", -0.1).ok());
  EXPECT_FALSE(make_activation("elu", 0).ok());
  const auto no_alpha = make_activation("tanh", 0.5);
  ASSERT_FALSE(no_alpha.ok());
  EXPECT_EQ(no_alpha.error().rfind("--alpha", 0), 0u);
}

}  // namespace
}  // namespace actlab
