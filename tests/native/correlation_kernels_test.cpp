// The correlation map's fast expectations against closed forms (the arc-cosine kernels of
// relu and leaky relu, the identity's q c, arccos itself in long double) and against the direct
// bivariate rule they replace (gaussian_quadrature.hpp), for every activation.
#include "actlab/correlation_kernels.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "actlab/activation_info.hpp"
#include "actlab/arc_cosine_kernel.hpp"
#include "actlab/gaussian_quadrature.hpp"
#include "actlab/mehler_series.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

using Long = long double;
constexpr double kQs[] = {0.05, 1.0, 4.0, 16.0};
constexpr double kCs[] = {-1.0, -0.9, 0.0, 0.5, 0.9, 0.999, 1.0};

double direct_phi_phi(const Activation& act, double q, double c) {
  const auto phi = [&](double x) { return act.value(x); };
  return bivariate_expectation(phi, phi, q, c);
}

double direct_dphi_dphi(const Activation& act, double q, double c) {
  const auto dphi = [&](double x) { return act.derivative(x); };
  return bivariate_expectation(dphi, dphi, q, c);
}

TEST(ArcCosineKernel, PortableArccosIsWithinAFewUlpsOfLongDouble) {
  for (int i = 0; i <= 4000; ++i) {
    const double c = -1 + i / 2000.0;
    const double want = static_cast<double>(std::acos(static_cast<Long>(c)));
    EXPECT_NEAR(portable_arccos(c), want, 1e-15 * std::fmax(want, 1e-3)) << c;  // a few ulps
  }
  for (const double c : {1 - 1e-15, 1 - 1e-9, -1 + 1e-12}) {
    const Long want = std::acos(static_cast<Long>(c));
    EXPECT_NEAR(portable_arccos(c), static_cast<double>(want), 1e-15 * static_cast<double>(want));
  }
  EXPECT_EQ(portable_arccos(1), 0);
}

TEST(ArcCosineKernel, ReluLeakyReluAndIdentityAreTheClosedForms) {
  const Activation relu{ActivationKind::relu, 0}, leaky{ActivationKind::leaky_relu, 0.2},
      identity{ActivationKind::identity, 0};
  for (const double q : {0.3, 2.0}) {
    for (const double c : kCs) {
      // Cho & Saul 2009, in long double.
      const Long lc = c, pi = std::acos(-1.0L);
      const Long k1 = (std::sqrt(1 - lc * lc) + (pi - std::acos(lc)) * lc) / (2 * pi);
      const Long k1_minus = (std::sqrt(1 - lc * lc) - std::acos(lc) * lc) / (2 * pi);
      const Long k0 = (pi - std::acos(lc)) / (2 * pi);
      EXPECT_NEAR(arc_cosine_phi_phi(relu, q, c), static_cast<double>(q * k1), 1e-15 * q) << c;
      EXPECT_NEAR(arc_cosine_dphi_dphi(relu, c), static_cast<double>(k0), 1e-15) << c;
      // leaky relu = relu(x) - a relu(-x): (1 + a^2) k1(c) - 2 a k1(-c).
      EXPECT_NEAR(arc_cosine_phi_phi(leaky, q, c),
                  static_cast<double>(q * (1.04L * k1 - 0.4L * k1_minus)), 1e-15 * q)
          << c;
      EXPECT_NEAR(arc_cosine_phi_phi(identity, q, c), q * c, 1e-16 * q);
      EXPECT_EQ(arc_cosine_dphi_dphi(identity, c), 1);
      // And the direct rule agrees (the kernels the map used before).
      EXPECT_NEAR(arc_cosine_phi_phi(leaky, q, c), direct_phi_phi(leaky, q, c), 1e-13 * q);
      EXPECT_NEAR(arc_cosine_dphi_dphi(leaky, c), direct_dphi_dphi(leaky, q, c), 1e-13);
    }
  }
}

TEST(MehlerSeries, GivesTheClosedFormsOfReluAndIdentity) {
  const Activation relu{ActivationKind::relu, 0}, identity{ActivationKind::identity, 0};
  for (const double c : {-0.6, 0.0, 0.5, 0.8}) {
    HermiteProjection r([&](double x) { return relu.value(x); }, 2.0);
    const std::optional<double> e = mehler_expectation(r, r, c, 1e-13);
    ASSERT_TRUE(e.has_value()) << c;
    EXPECT_NEAR(*e, arc_cosine_phi_phi(relu, 2.0, c), 3e-13) << c;
    HermiteProjection id([&](double x) { return identity.value(x); }, 3.0);
    EXPECT_NEAR(*mehler_expectation(id, id, c, 1e-13), 3 * c, 1e-14);
  }
  // Near c = 1 relu's coefficients (a_n^2 ~ n^(-5/2)) leave too much: the series declines.
  HermiteProjection r([&](double x) { return relu.value(x); }, 1.0);
  EXPECT_FALSE(mehler_expectation(r, r, 0.999, 1e-13).has_value());
}

TEST(CorrelationKernels, AgreeWithTheDirectRuleForEveryActivation) {
  int by_series = 0, cases = 0;
  for (const Activation& act : test::all_activations()) {
    for (const double q : kQs) {
      CorrelationKernels kernels(act, q);
      const auto phi = [&](double x) { return act.value(x); };
      HermiteProjection projection(phi, q);
      // The tolerance's scale: E[phi^2] and E[phi'^2] (Cauchy-Schwarz bounds both kernels).
      const double scale = direct_phi_phi(act, q, 1), dscale = direct_dphi_dphi(act, q, 1);
      for (const double c : kCs) {
        EXPECT_NEAR(kernels.phi_phi(c), direct_phi_phi(act, q, c), 1e-11 * scale)
            << info(act.kind).id << " " << act.alpha << " q=" << q << " c=" << c;
        EXPECT_NEAR(kernels.dphi_dphi(c), direct_dphi_dphi(act, q, c), 1e-11 * dscale)
            << info(act.kind).id << " " << act.alpha << " q=" << q << " c=" << c;
        if (has_arc_cosine_kernel(act)) continue;
        ++cases;
        if (mehler_expectation(projection, projection, c, kSeriesTolerance)) ++by_series;
      }
    }
  }
  // The series answers most of the others (the smooth activations up to c = 1 at moderate q,
  // the kinked ones away from c = +-1), so that the comparison is the series'.
  EXPECT_GT(by_series, cases / 2) << by_series << " of " << cases;
}

}  // namespace
}  // namespace actlab
