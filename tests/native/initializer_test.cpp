// Each initializer's sample mean and variance against its formula, written out here from the
// papers rather than taken from the library; orthogonal's W W^T = I; the flags' checks.
#include "actlab/initializer.hpp"

#include <gtest/gtest.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

namespace actlab {
namespace {

constexpr int kFanIn = 400;
constexpr int kFanOut = 300;

struct Law {
  const char* id;
  double init_std;  // NaN unless "normal"
  double variance;  // Var W_ij by the formula
  double limit;     // a of U(-a, a); 0 for the normal ones
};

const double kNoStd = std::nan("");

std::vector<Law> laws() {
  const double n_in = kFanIn, n_out = kFanOut;
  return {
      {"standard", kNoStd, 1 / (3 * n_in), 1 / std::sqrt(n_in)},  // Glorot & Bengio eq. (1)
      {"glorot-uniform", kNoStd, 2 / (n_in + n_out), std::sqrt(6 / (n_in + n_out))},
      {"glorot-normal", kNoStd, 2 / (n_in + n_out), 0},
      {"he-uniform", kNoStd, 2 / n_in, std::sqrt(6 / n_in)},  // He et al. 2015
      {"he-normal", kNoStd, 2 / n_in, 0},
      {"lecun-uniform", kNoStd, 1 / n_in, std::sqrt(3 / n_in)},  // LeCun et al. 1998
      {"lecun-normal", kNoStd, 1 / n_in, 0},
      {"normal", 0.3, 0.09, 0},
  };
}

std::vector<float> draw(const Initializer& init, int fan_in, int fan_out, std::uint64_t seed) {
  std::vector<float> w(static_cast<std::size_t>(fan_in) * fan_out);
  std::vector<double> scratch(weight_scratch_size(init, fan_in, fan_out));
  Rng rng(seed, 1);
  draw_weights(init, fan_in, fan_out, rng, w.data(), scratch.data());
  return w;
}

TEST(Initializer, SampleMeanAndVarianceMatchTheFormulas) {
  for (const Law& law : laws()) {
    const Initializer init = make_initializer(law.id, law.init_std, kNoStd).value();
    EXPECT_DOUBLE_EQ(weight_variance(init, kFanIn, kFanOut), law.variance) << law.id;
    const std::vector<float> w = draw(init, kFanIn, kFanOut, 11);
    const double n = static_cast<double>(w.size());
    double sum = 0, sum_sq = 0, max_abs = 0;
    for (float x : w)
      sum += x, sum_sq += double(x) * x, max_abs = std::max(max_abs, double(std::fabs(x)));
    const double mean = sum / n, var = sum_sq / n - mean * mean;
    // 5 standard errors; Var(W^2) is 2 s^4 for a normal and 4 a^4 / 45 for U(-a, a).
    const double var_of_square =
        law.limit > 0 ? 4 * std::pow(law.limit, 4) / 45 : 2 * law.variance * law.variance;
    EXPECT_NEAR(mean, 0, 5 * std::sqrt(law.variance / n)) << law.id;
    EXPECT_NEAR(var, law.variance, 5 * std::sqrt(var_of_square / n)) << law.id;
    if (law.limit > 0) {
      EXPECT_LE(max_abs, law.limit * (1 + 1e-7)) << law.id;
      EXPECT_GT(max_abs, law.limit * 0.999) << law.id;
    } else {
      EXPECT_GT(max_abs, 4 * std::sqrt(law.variance)) << law.id << ": normal tails";
    }
  }
}

template <class T>
using Rows = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

template <class T>
Rows<T> orthogonal(int fan_in, int fan_out, double gain, std::uint64_t seed) {
  const Initializer init = make_initializer("orthogonal", kNoStd, gain).value();
  Rows<T> w(fan_out, fan_in);
  std::vector<double> scratch(weight_scratch_size(init, fan_in, fan_out));
  Rng rng(seed, 1);
  draw_weights(init, fan_in, fan_out, rng, w.data(), scratch.data());
  return w;
}

TEST(Initializer, OrthogonalRowsOrColumnsAreOrthonormal) {
  struct Case {
    int fan_in, fan_out;
  };
  for (const Case c : {Case{64, 64}, Case{80, 32}, Case{32, 80}, Case{1, 5}, Case{5, 1}}) {
    const Rows<double> w = orthogonal<double>(c.fan_in, c.fan_out, 1, 3);
    // N <= fan_in: W W^T = I (orthonormal rows); N > fan_in: W^T W = I (columns).
    const Rows<double> gram =
        c.fan_out <= c.fan_in ? Rows<double>(w * w.transpose()) : Rows<double>(w.transpose() * w);
    const int n = std::min(c.fan_in, c.fan_out);
    EXPECT_LT((gram - Rows<double>::Identity(n, n)).cwiseAbs().maxCoeff(), 1e-13)
        << c.fan_in << " -> " << c.fan_out;
    const Rows<float> w32 = orthogonal<float>(c.fan_in, c.fan_out, 1, 3);
    EXPECT_LT((w32.cast<double>() - w).cwiseAbs().maxCoeff(), 1e-7) << "float: the same draw";
  }
}

TEST(Initializer, OrthogonalScalesByTheGainAndHasTheFormulasVariance) {
  const int n = 256;
  const Rows<double> w = orthogonal<double>(n, n, 2, 5);
  EXPECT_LT((w * w.transpose() - 4 * Rows<double>::Identity(n, n)).cwiseAbs().maxCoeff(), 1e-12);
  const Initializer init = make_initializer("orthogonal", kNoStd, 2).value();
  EXPECT_DOUBLE_EQ(weight_variance(init, n, n), 4.0 / n);
  EXPECT_NEAR(w.squaredNorm() / (n * n), 4.0 / n, 1e-12);  // exactly, by orthonormality
  EXPECT_NEAR(w.mean(), 0, 5 * std::sqrt(4.0 / n / (n * n)));
}

// Haar measure (Mezzadri 2007): without the sign correction, Q's diagonal would be biased
// (Householder makes R's diagonal negative where x_0 > 0); with it, E Q_ii = 0.
TEST(Initializer, OrthogonalIsUnbiasedOnTheDiagonal) {
  const int n = 8, draws = 4000;
  double diagonal = 0;
  for (int s = 0; s < draws; ++s) diagonal += orthogonal<double>(n, n, 1, 100 + s).trace();
  // The trace of a Haar orthogonal matrix has mean 0 and variance 1 (Diaconis & Shahshahani
  // 1994); Householder's unsigned Q has Q_00 = -|x_0| / |x| < 0 always.
  EXPECT_NEAR(diagonal / draws, 0, 5 * std::sqrt(1.0 / draws));
}

TEST(Initializer, SameSeedSameWeights) {
  for (const char* id : {"he-normal", "orthogonal"}) {
    const Initializer init = make_initializer(id, kNoStd, kNoStd).value();
    EXPECT_EQ(draw(init, 50, 40, 9), draw(init, 50, 40, 9)) << id;
    EXPECT_NE(draw(init, 50, 40, 9), draw(init, 50, 40, 10)) << id;
  }
}

TEST(Initializer, CatalogCarriesFormulasAndPapers) {
  const std::vector<InitializerInfo>& catalog = initializer_catalog();
  ASSERT_EQ(catalog.size(), 9u);
  EXPECT_EQ(initializer_ids(),
            "standard, glorot-uniform, glorot-normal, he-uniform, he-normal, lecun-uniform, "
            "lecun-normal, normal, orthogonal");
  for (const InitializerInfo& entry : catalog) {
    EXPECT_FALSE(entry.formula.empty()) << entry.id;
    EXPECT_EQ(entry.needs_std, entry.id == "normal") << entry.id;
    EXPECT_EQ(entry.needs_gain, entry.id == "orthogonal") << entry.id;
    EXPECT_EQ(entry.reference.empty(), entry.id == "normal") << entry.id;
    EXPECT_EQ(&info(entry.kind), &entry);
  }
}

struct BadInit {
  const char* id;
  double init_std, gain;
  const char* message;
};

TEST(Initializer, BadFlagsNameTheFlagAndTheValidValues) {
  const BadInit cases[] = {
      {"", kNoStd, kNoStd, "--init: required; valid: standard, glorot-uniform"},
      {"xavier", kNoStd, kNoStd, "--init: unknown initializer 'xavier'; valid: standard,"},
      {"normal", kNoStd, kNoStd, "--init-std: required with --init normal; a number in (0, 100]"},
      {"normal", 0, kNoStd, "--init-std: must be a number in (0, 100], got 0"},
      {"normal", 100.5, kNoStd, "--init-std: must be a number in (0, 100], got 100.5"},
      {"he-normal", 0.1, kNoStd, "--init-std: only --init normal takes a standard deviation"},
      {"he-normal", kNoStd, 2, "--gain: only --init orthogonal takes a gain, not he-normal"},
      {"orthogonal", kNoStd, -1, "--gain: must be a number in (0, 100], got -1"},
  };
  for (const BadInit& c : cases) {
    const Expected<Initializer> init = make_initializer(c.id, c.init_std, c.gain);
    ASSERT_FALSE(init.ok()) << c.id;
    EXPECT_EQ(init.error().rfind(c.message, 0), 0u) << init.error();
  }
  EXPECT_EQ(make_initializer("normal", 100, kNoStd).value().std, 100);
  EXPECT_EQ(make_initializer("orthogonal", kNoStd, kNoStd).value().gain, 1);
}

}  // namespace
}  // namespace actlab
