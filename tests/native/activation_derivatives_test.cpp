// phi' against finite differences of phi, and the lecture's identities.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>

#include "actlab/activation_info.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

// Fourth-order central difference: truncation O(h^4), rounding about eps |phi| / h.
double finite_difference(const Activation& act, double z, double h) {
  const auto f = [&](double x) { return act.value(x); };
  return (8 * (f(z + h) - f(z - h)) - (f(z + 2 * h) - f(z - 2 * h))) / (12 * h);
}

// Within 2h of one of act's kinks (its phi:: struct's), where the differences straddle it.
bool near_kink(const Activation& act, double z, double h) {
  for (const double k : kinks(act)) {
    if (std::fabs(z - k) <= 2 * h) return true;
  }
  return false;
}

TEST(ActivationDerivatives, AgreeWithFiniteDifferencesOnMinus20To20) {
  const double h = 1e-3;
  for (const Activation& act : test::all_activations()) {
    for (double z = -20; z <= 20; z += 0.0137) {
      if (near_kink(act, z, h)) continue;
      const double analytic = act.derivative(z);
      const double numeric = finite_difference(act, z, h);
      // Relative 1e-6, plus the rounding error of the difference quotient itself.
      const double rounding = 4 * DBL_EPSILON * (1 + std::fabs(act.value(z))) / h;
      EXPECT_NEAR(numeric, analytic, 1e-6 * std::fabs(analytic) + rounding)
          << info(act.kind).id << " at z=" << z;
    }
  }
}

double sigma(double z) {
  return Activation{ActivationKind::sigmoid, 0}.value(z);
}

TEST(LectureIdentities, TanhIsTwoSigmaOfTwoZMinusOne) {
  const Activation tanh{ActivationKind::tanh, 0};
  for (double z = -20; z <= 20; z += 0.01) {
    EXPECT_NEAR(tanh.value(z), 2 * sigma(2 * z) - 1, 4 * DBL_EPSILON) << z;
  }
}

TEST(LectureIdentities, TanhPrimeIsFourSigmaTimesOneMinusSigmaOfTwoZ) {
  // On [-4, 4] 1 - sigma(2z) has no cancellation worse than 1e-12; beyond it the right-hand
  // side loses digits, which is why the implementation uses sigma(2z) sigma(-2z).
  const Activation tanh{ActivationKind::tanh, 0};
  for (double z = -4; z <= 4; z += 0.01) {
    const double rhs = 4 * sigma(2 * z) * (1 - sigma(2 * z));
    EXPECT_NEAR(tanh.derivative(z), rhs, 1e-12 * rhs) << z;
  }
}

TEST(LectureIdentities, SigmaPrimeIsSigmaTimesOneMinusSigma) {
  const Activation sigmoid{ActivationKind::sigmoid, 0};
  for (double z = -8; z <= 8; z += 0.01) {
    const double rhs = sigma(z) * (1 - sigma(z));
    EXPECT_NEAR(sigmoid.derivative(z), rhs, 1e-12 * rhs) << z;
  }
}

TEST(LectureIdentities, SigmaPrimePeaksAtAQuarterAtZero) {
  const Activation sigmoid{ActivationKind::sigmoid, 0};
  EXPECT_EQ(sigmoid.derivative(0.0), 0.25);
  for (double z = -50; z <= 50; z += 0.001) EXPECT_LE(sigmoid.derivative(z), 0.25);
  const DerivativeMaximum max = derivative_maximum(sigmoid);
  EXPECT_EQ(max.value, 0.25);
  EXPECT_EQ(max.argmax, 0.0);
  EXPECT_TRUE(max.attained);
}

// Klambauer et al. 2017, eq. (14): alpha and lambda in closed form.
TEST(SeluConstants, EqualThePapersClosedForms) {
  using L = long double;
  const L pi = 3.14159265358979323846264338327950288L;
  const L e = std::exp(1.0L);
  const L c = std::erfc(1 / std::sqrt(2.0L));
  const L alpha = -std::sqrt(2 / pi) / (c * std::exp(0.5L) - 1);
  const L lambda = (1 - std::sqrt(e) * c) * std::sqrt(2 * pi) /
                   std::sqrt(2 * std::erfc(std::sqrt(2.0L)) * e * e + pi * c * c * e -
                             2 * (2 + pi) * c * std::sqrt(e) + pi + 2);
  EXPECT_NEAR(phi::kSeluAlpha, static_cast<double>(alpha), 4e-16);
  EXPECT_NEAR(phi::kSeluLambda, static_cast<double>(lambda), 4e-16);
  EXPECT_EQ(phi::kSeluLambda, 1.0507009873554804934193349852946);
  EXPECT_EQ(phi::kSeluAlpha, 1.6732632423543772848170429916717);
}

// With z ~ N(0, 1), E selu(z) = 0 and E selu(z)^2 = 1: the fixed point the constants make.
TEST(SeluConstants, MapStandardNormalToMeanZeroVarianceOne) {
  const Activation selu{ActivationKind::selu, 0};
  const double pi = 3.14159265358979323846;
  const int n = 200000;
  const double a = -12, b = 12, step = (b - a) / n;
  double mean = 0, second = 0;
  for (int i = 0; i <= n; ++i) {  // Simpson's rule
    const double z = a + i * step;
    const double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
    const double density = std::exp(-z * z / 2) / std::sqrt(2 * pi);
    const double s = selu.value(z);
    mean += w * s * density;
    second += w * s * s * density;
  }
  mean *= step / 3, second *= step / 3;
  EXPECT_NEAR(mean, 0.0, 1e-9);
  EXPECT_NEAR(second, 1.0, 1e-9);
}

}  // namespace
}  // namespace actlab
