// The mean-field maps against closed forms (identity, relu's length map and arc-cosine
// correlation map), published points (tanh's critical sigma_w2 = 1.76 at sigma_b2 = 0.05,
// Poole et al. 2016; SELU's fixed point (0, 1) and its Jacobian, Klambauer et al. 2017) and
// their own definitions (fixed points, slopes by finite differences).
#include "actlab/mean_field.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "actlab/selu_moments.hpp"

namespace actlab {
namespace {

const Activation kIdentity{ActivationKind::identity, 0};
const Activation kRelu{ActivationKind::relu, 0};
const Activation kTanh{ActivationKind::tanh, 0};
const Activation kSelu{ActivationKind::selu, 0};

TheoryConfig config(const Activation& act, double w2, double b2, int depth, double q0, double c0) {
  return {{act, w2, b2}, depth, q0, c0};
}

TEST(MeanField, IdentityIsLinear) {
  const double w2 = 0.8, b2 = 0.3, q0 = 2, c0 = 0.25;
  const Theory t = theory(config(kIdentity, w2, b2, 12, q0, c0));
  double q = q0, cov = c0 * q0;
  for (const TheoryLayer& layer : t.layers) {
    q = w2 * q + b2, cov = w2 * cov + b2;
    EXPECT_NEAR(layer.q, q, 1e-14 * q) << layer.index;
    EXPECT_NEAR(layer.c, cov / q, 1e-14) << layer.index;
  }
  ASSERT_TRUE(t.q_star && t.chi1 && t.xi_c && t.c_star);
  EXPECT_NEAR(*t.q_star, b2 / (1 - w2), 1e-13);
  EXPECT_NEAR(*t.chi1, w2, 1e-15);
  EXPECT_EQ(*t.c_star, 1);                         // chi1 < 1: ordered
  EXPECT_NEAR(*t.xi_c, -1 / std::log(w2), 1e-12);  // = -1 / ln chi1
  EXPECT_NEAR(*t.xi_q, -1 / std::log(w2), 1e-12);  // the length map's slope is w2 too
}

TEST(MeanField, ReluHasItsClosedForms) {
  for (const double w2 : {0.5, 1.0, 1.9}) {
    for (const double b2 : {0.0, 0.2}) {
      const MeanField mf{kRelu, w2, b2};
      for (const double q : {1e-3, 0.7, 40.0}) {
        EXPECT_NEAR(length_map(mf, q), w2 / 2 * q + b2, 1e-14 * (q + b2));
        EXPECT_NEAR(chi1(mf, q), w2 / 2, 1e-15);
      }
      const Theory t = theory(config(kRelu, w2, b2, 5, 1, 0.5));
      EXPECT_NEAR(*t.q_star, b2 / (1 - w2 / 2), 1e-13);
      EXPECT_NEAR(*t.xi_c, -1 / std::log(w2 / 2), 1e-10);
    }
  }
}

TEST(MeanField, ReluAtHeIsTheArcCosineMap) {
  // sigma_w2 = 2, sigma_b2 = 0: c' = (sqrt(1 - c^2) + (pi - arccos c) c) / pi, for any q.
  const MeanField mf{kRelu, 2, 0};
  for (const double q : {0.1, 1.0, 9.0}) {
    for (const double c : {-0.95, -0.2, 0.0, 0.3, 0.8, 0.99, 1.0}) {
      const double want = (std::sqrt(1 - c * c) + (M_PI - std::acos(c)) * c) / M_PI;
      EXPECT_NEAR(correlation_step(mf, q, c), want, 2e-15) << q << " " << c;
    }
  }
  const Theory t = theory(config(kRelu, 2, 0, 40, 1.5, 0.0));
  // Every q is fixed: q* is the layers' own, q_1 = 2 * 1.5, as `layers` print it.
  EXPECT_DOUBLE_EQ(*t.q_star, 3);
  for (const TheoryLayer& l : t.layers) EXPECT_DOUBLE_EQ(l.q, 3) << l.index;
  EXPECT_DOUBLE_EQ(*t.chi1, 1);
  EXPECT_FALSE(t.xi_c.has_value());  // diverges on the critical line
  // c -> 1 as a power law: 1 - c_l falls by less than a constant factor per layer.
  for (std::size_t l = 10; l < t.layers.size(); ++l) {
    EXPECT_GT(1 - t.layers[l].c, 0.5 * (1 - t.layers[l - 1].c));
  }
}

TEST(MeanField, ReluBeyondHeHasNoFiniteFixedPoint) {
  for (const auto& [w2, b2] : {std::pair{2.5, 0.0}, std::pair{2.0, 0.1}, std::pair{4.0, 1.0}}) {
    const Theory t = theory(config(kRelu, w2, b2, 30, 1, 0.5));
    EXPECT_FALSE(t.q_star.has_value()) << w2 << " " << b2;
    EXPECT_FALSE(t.chi1.has_value());
    EXPECT_NEAR(
        t.layers.back().q,
        [&] {  // the layers still follow the map
          double q = w2 * 1 + b2;
          for (int l = 2; l <= 30; ++l) q = w2 / 2 * q + b2;
          return q;
        }(),
        1e-12 * t.layers.back().q);
  }
}

TEST(MeanField, TanhIsCriticalAt176ForSigmaB2Of005) {
  const CriticalPoint p = critical_point(kTanh, 0.05);
  ASSERT_TRUE(p.sigma_w2 && p.q_star);
  EXPECT_NEAR(*p.sigma_w2, 1.76, 0.005);  // Poole et al. 2016, Fig. 1; Schoenholz et al. 2017
  // The point is on the line: q* is the fixed point there and chi1 = 1.
  const MeanField mf{kTanh, *p.sigma_w2, 0.05};
  EXPECT_NEAR(length_map(mf, *p.q_star), *p.q_star, 1e-12);
  EXPECT_NEAR(chi1(mf, *p.q_star), 1, 1e-12);
  // Either side of it: ordered (chi1 < 1, c* = 1) and chaotic (chi1 > 1, c* < 1).
  const Theory ordered = fixed_point_theory({kTanh, 1.6, 0.05}, 1);
  const Theory chaotic = fixed_point_theory({kTanh, 2.0, 0.05}, 1);
  EXPECT_LT(*ordered.chi1, 1);
  EXPECT_EQ(*ordered.c_star, 1);
  EXPECT_GT(*chaotic.chi1, 1);
  EXPECT_LT(*chaotic.c_star, 1);
  // c* is a fixed point of the correlation map, and a stable one.
  const MeanField chaos{kTanh, 2.0, 0.05};
  EXPECT_NEAR(correlation_step(chaos, *chaotic.q_star, *chaotic.c_star), *chaotic.c_star, 1e-12);
  EXPECT_LT(correlation_slope(chaos, *chaotic.q_star, *chaotic.c_star), 1);
  EXPECT_NEAR(*chaotic.xi_c,
              -1 / std::log(correlation_slope(chaos, *chaotic.q_star, *chaotic.c_star)), 1e-12);
}

TEST(MeanField, TanhWithoutBiasIsCriticalAtOne) {
  const CriticalPoint p = critical_point(kTanh, 0);
  EXPECT_DOUBLE_EQ(*p.sigma_w2, 1);
  EXPECT_EQ(*p.q_star, 0);
  for (const double w2 : {0.5, 0.9, 1.0}) {
    const Theory t = fixed_point_theory({kTanh, w2, 0}, 1);
    EXPECT_EQ(*t.q_star, 0) << w2;
    EXPECT_NEAR(*t.chi1, w2, 1e-15);  // tanh'(0) = 1
  }
  EXPECT_GT(*fixed_point_theory({kTanh, 1.5, 0}, 1).q_star, 0.1);
}

TEST(MeanField, CriticalLineHasChi1One) {
  for (const ActivationKind kind :
       {ActivationKind::tanh, ActivationKind::sigmoid, ActivationKind::elu, ActivationKind::gelu}) {
    const Activation act{kind, kind == ActivationKind::elu ? 1.0 : 0.0};
    for (const double q : {0.05, 0.5, 3.0}) {
      const CriticalLinePoint p = critical_line_point(act, q);
      const MeanField mf{act, p.sigma_w2, p.sigma_b2};
      EXPECT_NEAR(chi1(mf, q), 1, 1e-14);
      EXPECT_NEAR(length_map(mf, q), q, 1e-13 * q);
    }
  }
  EXPECT_FALSE(critical_point(kRelu, 0.1).sigma_w2.has_value());
  const CriticalPoint he = critical_point(kRelu, 0);
  EXPECT_EQ(*he.sigma_w2, 2);
  EXPECT_FALSE(he.q_star.has_value());  // every q is a fixed point at (2, 0)
}

TEST(MeanField, LengthMapSlopeIsItsDerivative) {
  // chi1 + sigma_w2 E[phi'' phi] against a central difference of the length map itself.
  for (const ActivationKind kind :
       {ActivationKind::tanh, ActivationKind::sigmoid, ActivationKind::elu, ActivationKind::selu,
        ActivationKind::gelu, ActivationKind::silu, ActivationKind::softplus, ActivationKind::mish,
        ActivationKind::softsign}) {
    const MeanField mf{{kind, 1.0}, 1.7, 0.1};
    for (const double q : {0.2, 1.0, 5.0}) {
      const double h = 1e-5 * q;
      const double numeric = (length_map(mf, q + h) - length_map(mf, q - h)) / (2 * h);
      EXPECT_NEAR(length_map_slope(mf, q), numeric, 1e-8) << static_cast<int>(kind) << " " << q;
    }
  }
}

TEST(MeanField, SeluFixesUnitVarianceAtLecun) {
  const Theory t = fixed_point_theory({kSelu, 1, 0}, 0.3);
  EXPECT_NEAR(*t.q_star, 1, 1e-12);  // Klambauer et al. 2017: (0, 1) is the fixed point
}

TEST(SeluMomentMap, FixesZeroOneAndContractsThere) {
  const Moments m = selu_moment_map(0, 1);
  EXPECT_NEAR(m.mu, 0, 1e-15);
  EXPECT_NEAR(m.nu, 1, 1e-15);
  const MomentJacobian j = selu_moment_jacobian(0, 1);
  // omega = 0: the output does not depend on mu.
  EXPECT_EQ(j.dmu_dmu, 0);
  EXPECT_EQ(j.dnu_dmu, 0);
  // Klambauer et al. 2017, proof of Theorem 1: J(0, 1) = [[0, 0.088834], [0, 0.782648]],
  // spectral norm 0.7877 < 1 (THEORY.md's "about 0.78"; checked here by differences too).
  EXPECT_NEAR(j.dmu_dnu, 0.088834, 1e-6);
  EXPECT_NEAR(j.dnu_dnu, 0.782648, 1e-6);
  EXPECT_NEAR(j.spectral_norm, 0.7877, 1e-4);
  EXPECT_LT(j.spectral_norm, 1);
}

TEST(SeluMomentMap, JacobianIsTheMapsDerivative) {
  for (const auto& [mu, nu, omega, tau] :
       {std::tuple{0.0, 1.0, 0.0, 1.0}, std::tuple{0.1, 0.8, 0.2, 1.1},
        std::tuple{-0.2, 1.4, -0.1, 0.9}}) {
    const MomentJacobian j = selu_moment_jacobian(mu, nu, omega, tau);
    const double h = 1e-6;
    const Moments mp = selu_moment_map(mu + h, nu, omega, tau);
    const Moments mm = selu_moment_map(mu - h, nu, omega, tau);
    const Moments np = selu_moment_map(mu, nu + h, omega, tau);
    const Moments nm = selu_moment_map(mu, nu - h, omega, tau);
    EXPECT_NEAR(j.dmu_dmu, (mp.mu - mm.mu) / (2 * h), 1e-8);
    EXPECT_NEAR(j.dnu_dmu, (mp.nu - mm.nu) / (2 * h), 1e-8);
    EXPECT_NEAR(j.dmu_dnu, (np.mu - nm.mu) / (2 * h), 1e-8);
    EXPECT_NEAR(j.dnu_dnu, (np.nu - nm.nu) / (2 * h), 1e-8);
  }
}

TEST(MeanField, ChecksEveryFlag) {
  TheoryRequest r;
  r.act = "tanh";
  r.sigma_w2 = 1.5;
  r.sigma_b2 = 0.05;
  EXPECT_TRUE(check_theory(r).ok());
  const auto error = [&](TheoryRequest bad) { return check_theory(bad).error(); };
  TheoryRequest bad = r;
  bad.act = "nope";
  EXPECT_EQ(error(bad).rfind("--act: unknown activation 'nope'; valid: identity, ", 0), 0u);
  bad = r, bad.sigma_w2.reset();
  EXPECT_EQ(error(bad), "--sigma-w2: required, a number in (0, 100]");
  bad = r, bad.sigma_w2 = 0;
  EXPECT_EQ(error(bad), "--sigma-w2: must be a number in (0, 100], got 0");
  bad = r, bad.sigma_b2 = -1;
  EXPECT_EQ(error(bad), "--sigma-b2: must be a number in [0, 100], got -1");
  bad = r, bad.depth = 0;
  EXPECT_EQ(error(bad).rfind("--depth:", 0), 0u);
  bad = r, bad.q0 = 0;
  EXPECT_EQ(error(bad), "--q0: must be a number in (0, 10000], got 0");
  bad = r, bad.c0 = 1.5;
  EXPECT_EQ(error(bad), "--c0: must be a number in [-1, 1], got 1.5");
}

}  // namespace
}  // namespace actlab
