// elu's and selu's closed-form Gaussian expectations (elu_gaussian.hpp) against the kink-split
// quadrature they replace as the bivariate rule's inner expectation (gaussian_quadrature.hpp),
// against finite differences (d/dm E[phi(m + s z)] = E[phi'(m + s z)]), and the bivariate rule
// with them against the rule with the quadrature inside, from c = -1 to within 1e-12 of 1 and
// q from 1e-6 to 1e4.
#include "actlab/elu_gaussian.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "actlab/gaussian_quadrature.hpp"

namespace actlab {
namespace {

const Activation kActs[] = {{ActivationKind::elu, 1.0},
                            {ActivationKind::elu, 0.5},
                            {ActivationKind::elu, 2.0},
                            {ActivationKind::selu, 0}};

std::vector<double> means() {
  std::vector<double> m = {0.0};
  for (const double x : {1e-9, 1e-5, 1e-3, 0.05, 0.3, 1.0, 2.5, 7.0, 30.0, 300.0}) {
    m.push_back(x);
    m.push_back(-x);
  }
  return m;
}

constexpr double kStds[] = {1e-7, 1e-4, 1e-2, 0.2, 1.0, 3.0, 10.0, 40.0};

TEST(EluGaussian, OnlyEluAndSelu) {
  EXPECT_TRUE(elu_gaussian({ActivationKind::elu, 0.7}));
  EXPECT_TRUE(elu_gaussian({ActivationKind::selu, 0}));
  EXPECT_FALSE(elu_gaussian({ActivationKind::relu, 0}));
  EXPECT_FALSE(elu_gaussian({ActivationKind::softsign, 0}));
}

TEST(EluGaussian, ValueAndDerivativeAreTheQuadratures) {
  for (const Activation& act : kActs) {
    const EluGaussian e = *elu_gaussian(act);
    const auto phi = [&](double x) { return act.value(x); };
    const auto dphi = [&](double x) { return act.derivative(x); };
    for (const double m : means()) {
      for (const double s : kStds) {
        const double v = gaussian_expectation(phi, m, s);
        const double d = gaussian_expectation(dphi, m, s);
        // Relative to the size of the terms: phi's scale on the pair's range.
        const double size = std::fabs(m) + s + 1e-300;
        EXPECT_NEAR(elu_gaussian_value(e, m, s), v, 1e-12 * std::fmax(std::fabs(v), 1e-3 * size))
            << act.alpha << " " << m << " " << s;
        // Far below its scale of 1 the quadrature, cut at 9 std, misses tails the closed form has.
        EXPECT_NEAR(elu_gaussian_derivative(e, m, s), d, 1e-12 * std::fmax(std::fabs(d), 1e-6))
            << act.alpha << " " << m << " " << s;
      }
    }
    EXPECT_EQ(elu_gaussian_value(e, -0.5, 0), act.value(-0.5));
    EXPECT_EQ(elu_gaussian_derivative(e, -0.5, 0), act.derivative(-0.5));
  }
}

TEST(EluGaussian, DerivativeIsTheValuesSlopeInTheMean) {
  for (const Activation& act : kActs) {
    const EluGaussian e = *elu_gaussian(act);
    for (const double m : {-3.0, -0.4, 0.0, 0.2, 1.5}) {
      for (const double s : {0.05, 0.5, 2.0}) {
        const double h = 1e-5;
        const double fd =
            (elu_gaussian_value(e, m + h, s) - elu_gaussian_value(e, m - h, s)) / (2 * h);
        EXPECT_NEAR(fd, elu_gaussian_derivative(e, m, s), 1e-8) << m << " " << s;
      }
    }
  }
}

TEST(EluGaussian, BivariateRuleKeepsTheQuadraturesNumbers) {
  for (const Activation& act : kActs) {
    const EluGaussian e = *elu_gaussian(act);
    const auto phi = [&](double x) { return act.value(x); };
    const auto dphi = [&](double x) { return act.derivative(x); };
    const auto value = [&](double m, double s) { return elu_gaussian_value(e, m, s); };
    const auto slope = [&](double m, double s) { return elu_gaussian_derivative(e, m, s); };
    for (const double q : {1e-6, 0.01, 1.0, 30.0, 1e4}) {
      // Relative, except where the value is far below its scale E[phi^2] (selu's E[phi]^2 at
      // q = 1 and c = 0 is 0).
      const double norm =
          gaussian_expectation([&](double x) { return phi(x) * phi(x); }, 0, std::sqrt(q));
      const double norm_d =
          gaussian_expectation([&](double x) { return dphi(x) * dphi(x); }, 0, std::sqrt(q));
      for (const double c : {-1.0, -0.6, 0.0, 0.7, 0.99, 1 - 1e-5, 1 - 1e-9, 1 - 1e-12, 1.0}) {
        const double want = bivariate_expectation(phi, phi, q, c);
        EXPECT_NEAR(bivariate_expectation_with(phi, value, q, c), want,
                    1e-10 * std::fmax(std::fabs(want), 1e-6 * norm))
            << act.alpha << " q " << q << " c " << c;
        const double want_d = bivariate_expectation(dphi, dphi, q, c);
        EXPECT_NEAR(bivariate_expectation_with(dphi, slope, q, c), want_d,
                    1e-10 * std::fmax(std::fabs(want_d), 1e-6 * norm_d))
            << act.alpha << " q " << q << " c " << c;
      }
    }
  }
}

}  // namespace
}  // namespace actlab
