// The input-output Jacobian's spectrum: exact for linear orthogonal networks, and its
// moments against the free-probability prediction for Gaussian and orthogonal weights
// (Pennington, Schoenholz & Ganguli 2017). Width 128-256, so that the test stays fast; the
// tolerances state the finite-width scatter allowed (seen over seeds 1..3 at N = 256).
#include "actlab/jacobian.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab {
namespace {

PropagationConfig config(const std::string& act, const std::string& init, int depth, int width,
                         double input_std, std::optional<double> gain = std::nullopt,
                         std::optional<double> init_std = std::nullopt, double seed = 1) {
  PropagationRequest r;
  r.act = act;
  r.init = init;
  r.gain = gain;
  r.init_std = init_std;
  r.depth = depth;
  r.width = width;
  r.input_std = input_std;
  r.seed = seed;
  const Expected<PropagationConfig> c = check_jacobian(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return c.value();
}

double normalized_variance(const SpectrumMoments& m) {
  return m.variance / (m.mean * m.mean);
}

TEST(Jacobian, LinearOrthogonalNetworkHasEverySingularValueGainToTheL) {
  const double gain = 1.1;
  const int depth = 10;
  const JacobianSpectrum s =
      input_output_jacobian(config("identity", "orthogonal", depth, 64, 1, gain));
  ASSERT_EQ(s.singular_values.size(), 64u);
  const double want = std::pow(gain, depth);
  for (const double sv : s.singular_values) EXPECT_NEAR(sv, want, 1e-12 * want);
  EXPECT_NEAR(s.orthogonal.mean, want * want, 1e-12 * want * want);
  EXPECT_EQ(s.orthogonal.variance, 0);
}

TEST(Jacobian, SingularValuesAreThoseOfTheProduct) {
  // A one-layer linear network: J = W, so sum of s^2 = ||W||_F^2, about N sigma_w2.
  const JacobianSpectrum s = input_output_jacobian(config("identity", "he-normal", 1, 128, 1));
  double sum = 0;
  for (std::size_t i = 1; i < s.singular_values.size(); ++i) {
    EXPECT_GE(s.singular_values[i - 1], s.singular_values[i]);
  }
  for (const double sv : s.singular_values) sum += sv * sv;
  EXPECT_NEAR(sum / 128, 2, 0.1);  // 128^2 entries of variance 2/128: relative sd 1/128
  // Marchenko-Pastur at ratio 1: the eigenvalues' normalized variance is 1.
  EXPECT_NEAR(normalized_variance(s.measured), 1, 0.15);
  EXPECT_NEAR(normalized_variance(s.gaussian), 1, 1e-12);
}

TEST(Jacobian, OrthogonalTanhNearCriticalIsNearlyIsometricAndGaussianIsNot) {
  // tanh at sigma_w2 = 1.05, q0 = 0.09: most units in the linear regime.
  const double w2 = 1.05, n = 256;
  const JacobianSpectrum ortho =
      input_output_jacobian(config("tanh", "orthogonal", 16, 256, 0.3, std::sqrt(w2)));
  const JacobianSpectrum gauss = input_output_jacobian(
      config("tanh", "normal", 16, 256, 0.3, std::nullopt, std::sqrt(w2 / n)));
  // The same mean-field point, so the same predicted mean; spreads L (mu2/mu1^2 - 1) and that
  // plus L.
  EXPECT_NEAR(ortho.orthogonal.mean, gauss.gaussian.mean, 1e-12);
  EXPECT_NEAR(normalized_variance(gauss.gaussian) - normalized_variance(gauss.orthogonal), 16,
              1e-9);
  EXPECT_NEAR(ortho.measured.mean, ortho.orthogonal.mean, 0.15 * ortho.orthogonal.mean);
  EXPECT_NEAR(gauss.measured.mean, gauss.gaussian.mean, 0.25 * gauss.gaussian.mean);
  EXPECT_NEAR(normalized_variance(ortho.measured), normalized_variance(ortho.orthogonal),
              0.25 * normalized_variance(ortho.orthogonal));
  EXPECT_NEAR(normalized_variance(gauss.measured), normalized_variance(gauss.gaussian),
              0.25 * normalized_variance(gauss.gaussian));
  EXPECT_GT(normalized_variance(gauss.measured), 20 * normalized_variance(ortho.measured));
}

TEST(Jacobian, ReluSpreadsWithEitherWeights) {
  // relu: p = 1/2 of the units linear, so L/p = 2L for Gaussian and L(1/p - 1) = L for
  // orthogonal weights: no isometry, whatever the initialization.
  const int depth = 16;
  const JacobianSpectrum he = input_output_jacobian(config("relu", "he-normal", depth, 256, 1));
  const JacobianSpectrum ortho =
      input_output_jacobian(config("relu", "orthogonal", depth, 256, 1, std::sqrt(2.0)));
  EXPECT_NEAR(normalized_variance(he.gaussian), 2 * depth, 1e-9);
  EXPECT_NEAR(normalized_variance(ortho.orthogonal), depth, 1e-9);
  EXPECT_NEAR(normalized_variance(he.measured), 2 * depth, 0.3 * 2 * depth);
  EXPECT_NEAR(normalized_variance(ortho.measured), depth, 0.3 * depth);
}

TEST(Jacobian, ChecksItsFlags) {
  PropagationRequest r;
  r.act = "tanh";
  r.init = "he-normal";
  r.depth = 3;
  r.width = 300;
  EXPECT_EQ(check_jacobian(r).error(),
            "--width: must be an integer from 1 to 256 for jacobian, got 300");
  r.width = 16;
  r.init = "bogus";
  EXPECT_EQ(check_jacobian(r).error().rfind("--init: unknown initializer 'bogus'", 0), 0u);
}

}  // namespace
}  // namespace actlab
