// The optimizers' updates against steps worked out by hand (in double, so that the numbers are
// exact up to the last bits of the hand computation).
#include "actlab/optimizer.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab {
namespace {

// Three updates of one weight w_0 = 1 with gradients 1, 2, 3 (no decay); returns w after each.
std::vector<double> three_steps(OptimizerKind kind, double lr, double decay = 0,
                                std::vector<double> g = {1, 2, 3}) {
  Optimizer<double> opt({kind, lr, decay}, {1});
  double w = 1, u = 0;
  std::vector<double> out;
  for (const double gi : g) {
    opt.begin_step();
    opt.update(0, &w, &gi, true, &u);
    out.push_back(w);
  }
  return out;
}

TEST(Optimizer, SgdStepsAlongTheGradientPlusDecay) {
  // w - lr (g + lambda w): 1 - 0.1 (1 + 0.5) = 0.85; 0.85 - 0.1 (2 + 0.425) = 0.6075.
  const std::vector<double> w = three_steps(OptimizerKind::sgd, 0.1, 0.5, {1, 2});
  EXPECT_NEAR(w[0], 0.85, 1e-15);
  EXPECT_NEAR(w[1], 0.6075, 1e-15);
}

TEST(Optimizer, MomentumAccumulatesVelocity) {
  // v = 0.9 v + g: 1, 2.9, 5.61; w -= 0.1 v: 0.9, 0.61, 0.049.
  const std::vector<double> w = three_steps(OptimizerKind::momentum, 0.1);
  EXPECT_NEAR(w[0], 0.9, 1e-15);
  EXPECT_NEAR(w[1], 0.61, 1e-15);
  EXPECT_NEAR(w[2], 0.049, 1e-15);
}

TEST(Optimizer, AdamIsBiasCorrected) {
  // g = 0.5, -0.25 (Kingma & Ba 2015, Algorithm 1):
  // t = 1: m = 0.05, s = 0.00025, m_hat = 0.5, s_hat = 0.25, u = 0.1 * 0.5 / (0.5 + 1e-8);
  // t = 2: m = 0.045 - 0.025 = 0.02, s = 0.00024975 + 0.0000625 = 0.00031225,
  //        m_hat = 0.02 / 0.19, s_hat = 0.00031225 / 0.001999.
  const std::vector<double> w = three_steps(OptimizerKind::adam, 0.1, 0, {0.5, -0.25});
  const double u1 = 0.1 * 0.5 / (0.5 + 1e-8);
  const double u2 = 0.1 * (0.02 / 0.19) / (std::sqrt(0.00031225 / 0.001999) + 1e-8);
  EXPECT_NEAR(w[0], 1 - u1, 1e-14);
  EXPECT_NEAR(w[1], 1 - u1 - u2, 1e-14);
  // The first step is lr in magnitude whatever the gradient's scale: what hides a vanishing
  // gradient.
  const std::vector<double> tiny = three_steps(OptimizerKind::adam, 0.1, 0, {1e-6});
  EXPECT_NEAR(1 - tiny[0], 0.1 * 1e-6 / (1e-6 + 1e-8), 1e-14);
}

TEST(Optimizer, StepIsWrittenOutAndBiasesAreNotDecayed) {
  Optimizer<float> opt({OptimizerKind::sgd, 0.5, 0.1}, {2});
  float w[2] = {2, -4}, u[2];
  const float g[2] = {1, 1};
  opt.begin_step();
  opt.update(0, w, g, false, u);
  EXPECT_EQ(u[0], 0.5f);
  EXPECT_EQ(w[0], 1.5f);
  EXPECT_EQ(w[1], -4.5f);
  EXPECT_EQ(opt.steps(), 1);
}

TEST(Optimizer, IdsRoundTripAndUnknownIsRefused) {
  for (const std::string& id : optimizer_ids()) {
    EXPECT_EQ(optimizer_id(make_optimizer_kind(id).value()), id);
  }
  const auto bad = make_optimizer_kind("rmsprop");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error(), "--optimizer: unknown optimizer 'rmsprop'; valid: sgd, momentum, adam");
}

}  // namespace
}  // namespace actlab
