// The Gaussian expectations against an independent rule (tanh-sinh in long double, with
// libm's long double functions) and against closed forms; the bivariate ones against the
// arc-cosine kernel, the Hermite (Mehler) series and Price's theorem.
#include "actlab/gaussian_quadrature.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "actlab/activation_info.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

using test::Long;

constexpr Long kPi = 3.14159265358979323846264338327950288L;

// int_a^b f(t) dt by tanh-sinh (Takahasi & Mori 1974) with step h over |k h| <= 3.5, where
// the weights have fallen below 1e-17.
template <class F>
Long tanh_sinh(const F& f, Long a, Long b, Long h) {
  const Long mid = (a + b) / 2, half = (b - a) / 2;
  Long sum = 0;
  for (Long t = -3.5L; t <= 3.5L + h / 2; t += h) {
    const Long u = kPi / 2 * std::sinh(t);
    const Long x = std::tanh(u);
    const Long w = kPi / 2 * std::cosh(t) / (std::cosh(u) * std::cosh(u));
    if (1 - std::fabs(x) == 0) continue;
    sum += w * f(mid + half * x);
  }
  return sum * half * h;
}

// E[g(m + s z)] on [-12, t0] and [t0, 12], t0 = -m/s: the kink at an end of each piece, where
// tanh-sinh puts its nodes doubly exponentially close. Converged when halving h changes the
// value by under 1e-13, a thousandth of the tolerance it checks (checked).
template <class G>
Long reference_expectation(const G& g, double m, double s) {
  const auto integrand = [&](Long t) {
    return g(static_cast<Long>(m) + static_cast<Long>(s) * t) * std::exp(-t * t / 2) /
           std::sqrt(2 * kPi);
  };
  const Long t0 = std::fmin(11.0, std::fmax(-11.0, -m / s));
  const auto at = [&](Long h) {
    return tanh_sinh(integrand, -12, t0, h) + tanh_sinh(integrand, t0, 12, h);
  };
  const Long coarse = at(1.0L / 64), fine = at(1.0L / 128);
  EXPECT_LE(std::fabs(fine - coarse), 1e-13L * (1 + std::fabs(fine)));
  return fine;
}

TEST(GaussianQuadrature, AgreesWithAnIndependentRuleTo1e10ForEveryActivation) {
  for (const Activation& act : test::all_activations()) {
    const Long alpha = act.alpha;
    const auto phi = [&](Long x) { return test::ref_value(act.kind, x, alpha); };
    const auto dphi = [&](Long x) { return test::ref_derivative(act.kind, x, alpha); };
    for (const double q : {1e-6, 0.01, 1.0, 4.0, 1e3, 1e5}) {
      const double s = std::sqrt(q);
      for (const double m_over_s : {0.0, 0.7, -2.0}) {
        const double m = m_over_s * s;
        const std::string where =
            info(act.kind).id + " q=" + std::to_string(q) + " m/s=" + std::to_string(m_over_s);
        const double phi2 =
            gaussian_expectation([&](double x) { return act.value(x) * act.value(x); }, m, s);
        const Long phi2_ref = reference_expectation([&](Long x) { return phi(x) * phi(x); }, m, s);
        EXPECT_NEAR(phi2, phi2_ref, 1e-10 * phi2_ref) << "E[phi^2] " << where;
        const double dphi2 = gaussian_expectation(
            [&](double x) { return act.derivative(x) * act.derivative(x); }, m, s);
        const Long dphi2_ref =
            reference_expectation([&](Long x) { return dphi(x) * dphi(x); }, m, s);
        EXPECT_NEAR(dphi2, dphi2_ref, 1e-10 * dphi2_ref) << "E[phi'^2] " << where;
        // E[phi] can vanish (odd phi at m = 0): relative to E[|phi|].
        const double mean = gaussian_expectation([&](double x) { return act.value(x); }, m, s);
        const Long mean_ref = reference_expectation(phi, m, s);
        const Long abs_ref = reference_expectation([&](Long x) { return std::fabs(phi(x)); }, m, s);
        EXPECT_NEAR(mean, mean_ref, 1e-10 * abs_ref) << "E[phi] " << where;
      }
    }
  }
}

TEST(GaussianQuadrature, GivesTheClosedForms) {
  const Activation relu{ActivationKind::relu, 0};
  for (const double m : {-3.0, -0.5, 0.0, 0.25, 2.0}) {
    for (const double s : {0.1, 1.0, 7.0}) {
      // E[relu(m + s z)] = m Phi(m/s) + s phi_N(m/s); E[(m + s z)^2] = m^2 + s^2.
      const double a = m / s;
      const double want =
          m * 0.5 * std::erfc(-a / std::sqrt(2.0)) + s * std::exp(-a * a / 2) / std::sqrt(2 * M_PI);
      EXPECT_NEAR(gaussian_expectation([&](double x) { return relu.value(x); }, m, s), want,
                  1e-13 * (std::fabs(m) + s));
      EXPECT_NEAR(gaussian_expectation([](double x) { return x * x; }, m, s), m * m + s * s,
                  1e-14 * (m * m + s * s));
    }
  }
  EXPECT_EQ(gaussian_expectation([](double x) { return 3 * x; }, 2.0, 0.0), 6);  // s = 0
}

TEST(GaussianQuadrature, NormalDensityIsTheExactOne) {
  for (double t = -9; t <= 9; t += 0.0137) {
    const Long want = std::exp(-static_cast<Long>(t) * t / 2) / std::sqrt(2 * kPi);
    // t^2 / 2 rounds to 1.1e-16 of itself in double: e^x inherits that much relative error.
    EXPECT_NEAR(detail::normal_density(t), static_cast<double>(want), 2e-16 * (2 + t * t) * want)
        << t;
  }
}

TEST(GaussianQuadrature, PanelsAreAscendingAndSplitAtTheKink) {
  double cuts[kMaxGaussianCuts];
  for (const double m : {-30.0, -1.0, 0.0, 0.3, 1e3}) {
    for (const double s : {1e-3, 1.0, 1e6, 1e15}) {
      const std::size_t n = gaussian_panels(m, s, 1, cuts);
      ASSERT_LE(n, kMaxGaussianCuts);
      EXPECT_EQ(cuts[0], -kGaussianTail);
      EXPECT_EQ(cuts[n - 1], kGaussianTail);
      for (std::size_t i = 1; i < n; ++i) EXPECT_LT(cuts[i - 1], cuts[i]);
      const double t0 = -m / s;
      if (std::fabs(t0) < kGaussianTail) {
        EXPECT_NE(std::find(cuts, cuts + n, t0), cuts + n) << m << " " << s;
      }
    }
  }
}

// E[phi(u1) phi(u2)] by Mehler's formula: sum_k b_k^2 c^k, b_k = E[phi(sqrt(q) z) He_k(z)]
// / sqrt(k!) by the reference rule, for smooth phi whose coefficients decay geometrically.
Long mehler(const Activation& act, double q, double c, int terms) {
  Long total = 0, c_power = 1;
  for (int k = 0; k < terms; ++k) {
    const auto he = [&](Long z) {  // He_k(z) / sqrt(k!) by its three-term recurrence
      Long prev = 0, cur = 1;
      for (int j = 0; j < k; ++j) {
        const Long next = (z * cur - std::sqrt(static_cast<Long>(j)) * prev) /
                          std::sqrt(static_cast<Long>(j + 1));
        prev = cur, cur = next;
      }
      return cur;
    };
    const Long root_q = std::sqrt(static_cast<Long>(q));
    const Long b = reference_expectation(
        [&](Long x) { return test::ref_value(act.kind, x, act.alpha) * he(x / root_q); }, 0.0,
        std::sqrt(q));
    total += b * b * c_power;
    c_power *= c;
  }
  return total;
}

TEST(BivariateExpectation, GivesTheArcCosineKernelForRelu) {
  const Activation relu{ActivationKind::relu, 0};
  const auto phi = [&](double x) { return relu.value(x); };
  for (const double q : {0.01, 1.0, 50.0}) {
    for (const double c : {-1.0, -0.9, -0.3, 0.0, 0.4, 0.9, 0.999, 0.999999, 1.0}) {
      // Cho & Saul 2009: (q / 2 pi) (sqrt(1 - c^2) + (pi - arccos c) c).
      const Long lc = c;
      const Long want = q / (2 * kPi) * (std::sqrt(1 - lc * lc) + (kPi - std::acos(lc)) * lc);
      EXPECT_NEAR(bivariate_expectation(phi, phi, q, c), static_cast<double>(want), 1e-13 * q)
          << "q=" << q << " c=" << c;
    }
  }
}

TEST(BivariateExpectation, AgreesWithMehlersSeriesForSmoothActivations) {
  for (const ActivationKind kind : {ActivationKind::tanh, ActivationKind::sigmoid,
                                    ActivationKind::gelu, ActivationKind::softplus}) {
    const Activation act{kind, 0};
    const auto phi = [&](double x) { return act.value(x); };
    for (const double c : {-0.6, 0.2, 0.5}) {
      const double q = 0.7;
      const Long want = mehler(act, q, c, 36);  // |c|^36 < 1e-8 times b_k^2, themselves tiny
      EXPECT_NEAR(bivariate_expectation(phi, phi, q, c), static_cast<double>(want),
                  1e-10 * (1 + std::fabs(want)))
          << info(kind).id << " c=" << c;
    }
  }
}

TEST(BivariateExpectation, ItsCDerivativeIsQTimesThatOfTheDerivatives) {
  // Price's theorem: d/dc E[phi(u1) phi(u2)] = q E[phi'(u1) phi'(u2)].
  for (const Activation& act : test::all_activations()) {
    const auto phi = [&](double x) { return act.value(x); };
    const auto dphi = [&](double x) { return act.derivative(x); };
    for (const double q : {0.3, 2.0}) {
      for (const double c : {-0.5, 0.1, 0.8}) {
        const double h = 1e-4;
        const double numeric = (bivariate_expectation(phi, phi, q, c + h) -
                                bivariate_expectation(phi, phi, q, c - h)) /
                               (2 * h);
        const double want = q * bivariate_expectation(dphi, dphi, q, c);
        EXPECT_NEAR(numeric, want, 1e-6 * (1 + std::fabs(want)))
            << info(act.kind).id << " q=" << q << " c=" << c;
      }
    }
  }
}

}  // namespace
}  // namespace actlab
