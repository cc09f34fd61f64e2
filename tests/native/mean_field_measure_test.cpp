// The measured q_l and c_l (mean_field_measure.hpp) beside the theory at width 1024, ReLU's
// correlation against the arc-cosine kernel in closed form (Cho & Saul 2009), `actlab
// measure`'s JSON and its bad input.
//
// The tolerance: conditionally on layer l-1, the N units of z_l are independent draws (fresh
// weights per layer), each pair (z_i(x), z_i(x')) bivariate normal with variance q and
// correlation rho. Over N units the mean of z^2 has relative sd sqrt(2 / N) (at most: the
// examples of the P pairs are averaged too) and the sample correlation sd (1 - rho^2) /
// sqrt(N) (Fisher). Earlier layers' errors pass through the maps with slope at most about 1
// at the points tested (ordered or critical; the chaotic one's slope at c* is below 1), so
// after l layers the sd is at most sqrt(l) times one layer's. The tests allow 5 of those.
#include "actlab/mean_field_measure.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "actlab/mean_field.hpp"
#include "actlab/trainable_depth.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

constexpr double kPi = 3.14159265358979323846;

MeasureConfig config_of(const std::string& act, double w2, double b2, int depth, int width,
                        int pairs, double c0 = 0.5) {
  MeasureRequest r;
  r.theory.act = act;
  r.theory.sigma_w2 = w2;
  r.theory.sigma_b2 = b2;
  r.theory.depth = depth;
  r.theory.c0 = c0;
  r.width = width;
  r.pairs = pairs;
  const Expected<MeasureConfig> c = check_measure(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return c.value();
}

void expect_within_finite_width_error(const std::string& act, double w2, double b2) {
  const int width = 1024, depth = 10;
  const MeasureConfig c = config_of(act, w2, b2, depth, width, 4);
  const std::vector<MeasuredLayer> m = measure_mean_field(c);
  const Theory t = theory(c.theory);
  ASSERT_EQ(m.size(), static_cast<std::size_t>(depth));
  double spread = 0;  // the largest 1 - c^2 so far
  for (int l = 1; l <= depth; ++l) {
    const TheoryLayer& th = t.layers[l - 1];
    spread = std::fmax(spread, 1 - th.c * th.c);
    const double q_sd = std::sqrt(2.0 * l / width);
    const double c_sd = std::sqrt(static_cast<double>(l)) * spread / std::sqrt(width);
    EXPECT_NEAR(m[l - 1].q / th.q, 1, 5 * q_sd) << act << " layer " << l;
    EXPECT_NEAR(m[l - 1].c, th.c, 5 * c_sd) << act << " layer " << l;
    EXPECT_EQ(m[l - 1].index, l);
  }
}

TEST(MeasuredMeanField, TanhOrderedFollowsTheMaps) {
  expect_within_finite_width_error("tanh", 1.5, 0.05);
}

TEST(MeasuredMeanField, TanhOnTheCriticalLineFollowsTheMaps) {
  expect_within_finite_width_error("tanh", 1.761, 0.05);
}

TEST(MeasuredMeanField, TanhChaoticFollowsTheMaps) {
  expect_within_finite_width_error("tanh", 3, 0.05);
}

TEST(MeasuredMeanField, SeluFollowsTheMaps) {
  expect_within_finite_width_error("selu", 1, 0);
}

// At (2, 0): q_l = q0 and c' = (sqrt(1 - c^2) + (pi - arccos c) c) / pi, written out here.
TEST(MeasuredMeanField, ReluAtHeFollowsTheArcCosineKernel) {
  const int width = 1024, depth = 8;
  const MeasureConfig config = config_of("relu", 2, 0, depth, width, 4, 0.2);
  const std::vector<MeasuredLayer> m = measure_mean_field(config);
  const Theory t = theory(config.theory);
  double c = 0.2;
  for (int l = 1; l <= depth; ++l) {
    EXPECT_NEAR(t.layers[l - 1].c, c, 1e-12) << "layer " << l;  // the engine's map
    EXPECT_NEAR(t.layers[l - 1].q, 2.0, 1e-12);  // q_1 = 2 q0 = 2, then q_l = q_{l-1}
    const double sd = std::sqrt(static_cast<double>(l)) * (1 - 0.2 * 0.2) / std::sqrt(width);
    EXPECT_NEAR(m[l - 1].c, c, 5 * sd) << "layer " << l;
    EXPECT_NEAR(m[l - 1].q / 2.0, 1, 5 * std::sqrt(2.0 * l / width));
    c = (std::sqrt(1 - c * c) + (kPi - std::acos(c)) * c) / kPi;
  }
}

TEST(MeasuredMeanField, TheSameSeedGivesTheSameBitsAndAnotherOtherNumbers) {
  const MeasureConfig c = config_of("tanh", 1.2, 0.1, 5, 64, 3);
  const std::vector<MeasuredLayer> a = measure_mean_field(c), b = measure_mean_field(c);
  MeasureConfig other = c;
  other.seed = 2;
  const std::vector<MeasuredLayer> d = measure_mean_field(other);
  for (std::size_t l = 0; l < a.size(); ++l) {
    EXPECT_EQ(a[l].q, b[l].q);
    EXPECT_EQ(a[l].c, b[l].c);
    EXPECT_NE(a[l].q, d[l].q);
  }
}

TEST(MeasuredMeanField, AnOverflowIsInfinityAndNaNFromThatLayerOn) {
  const MeasureConfig c = config_of("relu", 100, 0, 200, 16, 1);
  const std::vector<MeasuredLayer> m = measure_mean_field(c);
  ASSERT_TRUE(std::isinf(m.back().q));
  EXPECT_TRUE(std::isnan(m.back().c));
  EXPECT_TRUE(std::isfinite(m.front().q));
}

TEST(MeasuredMeanField, ChecksNameTheFlag) {
  MeasureRequest r;
  r.theory.act = "tanh";
  r.theory.sigma_w2 = 1;
  r.theory.sigma_b2 = 0;
  r.width = 2048;
  EXPECT_EQ(check_measure(r).error(), "--width: must be an integer from 1 to 1024, got 2048");
  r.width.reset();
  r.pairs = 0;
  EXPECT_EQ(check_measure(r).error(), "--pairs: must be an integer from 1 to 64, got 0");
  r.pairs.reset();
  r.seed = 1.5;
  EXPECT_EQ(check_measure(r).error(), "--seed: must be an integer from 0 to 4294967295, got 1.5");
  r.seed.reset();
  r.theory.sigma_w2.reset();
  EXPECT_NE(check_measure(r).error().find("--sigma-w2"), std::string::npos);
}

TEST(TrainableDepth, IsSixCorrelationDepthScales) {
  EXPECT_EQ(kTrainableDepthScales, 6);  // Schoenholz et al. 2017, Sec. 5
  EXPECT_EQ(trainable_depth(2.5).value(), 15);
  EXPECT_FALSE(trainable_depth(std::nullopt).has_value());
}

TEST(CliMeasure, JsonCarriesTheMeasuredAndTheTheorysLayers) {
  const test::CliRun run = test::run_cli(
      "measure --act tanh --sigma-w2 1.5 --sigma-b2 0.05 --depth 4 --width 32 --pairs 2 "
      "--seed 3 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  const MeasureConfig c = config_of("tanh", 1.5, 0.05, 4, 32, 2);
  MeasureConfig seeded = c;
  seeded.seed = 3;
  const std::vector<MeasuredLayer> m = measure_mean_field(seeded);
  const Theory t = theory(c.theory);
  EXPECT_EQ(doc["width"], 32);
  EXPECT_EQ(doc["pairs"], 2);
  EXPECT_EQ(doc["seed"], 3);
  EXPECT_EQ(doc["trainable_depth"].get<double>(), 6 * *t.xi_c);
  ASSERT_EQ(doc["layers"].size(), 4u);
  for (int l = 0; l < 4; ++l) {
    EXPECT_EQ(doc["layers"][l]["q"].get<double>(), m[l].q);
    EXPECT_EQ(doc["layers"][l]["c"].get<double>(), m[l].c);
    EXPECT_EQ(doc["layers"][l]["q_theory"].get<double>(), t.layers[l].q);
    EXPECT_EQ(doc["layers"][l]["c_theory"].get<double>(), t.layers[l].c);
  }
}

TEST(CliMeasure, BadInputIsOneLineAndExitTwo) {
  test::expect_bad_input({
      {"measure --act tanh --sigma-w2 1 --sigma-b2 0 --width 0", "--width", "1 to 1024"},
      {"measure --act tanh --sigma-w2 1 --sigma-b2 0 --pairs 65", "--pairs", "1 to 64"},
      {"measure --act tanh --sigma-b2 0", "--sigma-w2", "required"},
      {"measure --act nope --sigma-w2 1 --sigma-b2 0", "--act", "tanh"},
      {"measure --act tanh --sigma-w2 1 --sigma-b2 0 --seed x", "--seed", "number"},
  });
}

}  // namespace
}  // namespace actlab
