// The mean-field profile of a propagate configuration (mean_field_profile.hpp): the identity
// activation in closed form, the initializers' sigma_w2 per layer, and the float32 engine's
// measured per-layer std at width 1024 within the finite-width error (as in
// mean_field_width_test.cpp: 5 sd of sqrt(2 l / N) relative on a variance, halved for a std).
#include "actlab/mean_field_profile.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "actlab/phase_diagram.hpp"

namespace actlab {
namespace {

PropagationConfig config_of(const std::string& act, const std::string& init, int depth, int width,
                            int batch, int input_dim, double bias_std = 0) {
  PropagationRequest r;
  r.act = act;
  r.init = init;
  r.depth = depth;
  r.width = width;
  r.batch = batch;
  r.input_dim = input_dim;
  r.bias_std = bias_std;
  const Expected<PropagationConfig> c = check_propagation(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return c.value();
}

TEST(MeanFieldProfile, IdentityIsAProductOfVariances) {
  // He normal: sigma_w2 = 2 on every layer; identity: q_l = 2^l, delta's variance 2^(L-l).
  const int depth = 5;
  const auto layers = mean_field_profile(config_of("identity", "he-normal", depth, 8, 4, 8));
  for (int l = 1; l <= depth; ++l) {
    const ProfileLayer& p = layers[l - 1];
    EXPECT_NEAR(p.q, std::pow(2.0, l), 1e-12 * p.q);
    EXPECT_NEAR(p.act_std, std::sqrt(p.q), 1e-10 * p.act_std);
    EXPECT_NEAR(p.act_mean, 0, 1e-12);
    EXPECT_NEAR(p.grad_pre_std, std::sqrt(std::pow(2.0, depth - l)), 1e-10);
    // sqrt(Var(delta_l) E[h_{l-1}^2]), E[h_0^2] = 1: sqrt(2^(L-l) 2^(l-1)).
    EXPECT_NEAR(p.example_weight_grad_rms, std::sqrt(std::pow(2.0, depth - 1)), 1e-10);
    EXPECT_NEAR(p.chi, 2, 1e-12);
  }
}

TEST(MeanFieldProfile, GlorotsFirstLayerSeesTheInputDimension) {
  // Var = 2 / (D + N): sigma_w2(1) = D 2 / (D + N), then N 2 / (2 N) = 1.
  const auto layers = mean_field_profile(config_of("tanh", "glorot-normal", 3, 64, 4, 192));
  EXPECT_NEAR(layers[0].sigma_w2, 192 * 2.0 / 256, 1e-12);
  EXPECT_NEAR(layers[1].sigma_w2, 1, 1e-12);
}

TEST(MeanFieldProfile, GlorotAtABottleneckSeesItsOwnFans) {
  // Layer K = 2 has M = 16 units among N = 64: sigma_w2(K) = N 2 / (N + M) (fan-out M) and
  // sigma_w2(K + 1) = M 2 / (M + N) (fan-in M); every other layer N 2 / (2 N) = 1.
  PropagationRequest r;
  r.act = "tanh";
  r.init = "glorot-normal";
  r.depth = 4;
  r.width = 64;
  r.batch = 4;
  r.bottleneck_layer = 2;
  r.bottleneck_width = 16;
  const Expected<PropagationConfig> c = check_propagation(r);
  ASSERT_TRUE(c.ok()) << c.error();
  const auto layers = mean_field_profile(c.value());
  EXPECT_NEAR(layers[0].sigma_w2, 1, 1e-12);
  EXPECT_NEAR(layers[1].sigma_w2, 64 * 2.0 / 80, 1e-12);
  EXPECT_NEAR(layers[2].sigma_w2, 16 * 2.0 / 80, 1e-12);
  EXPECT_NEAR(layers[3].sigma_w2, 1, 1e-12);
}

TEST(MeanFieldProfile, TheEnginesStdAtWidth1024IsWithinTheFiniteWidthError) {
  const int depth = 8, width = 1024, batch = 32;
  for (const char* act : {"tanh", "relu", "sigmoid"}) {
    const PropagationConfig c = config_of(act, "he-normal", depth, width, batch, width, 0.1);
    const auto theory = mean_field_profile(c);
    const Propagation measured = Propagator().run(c);
    for (int l = 1; l <= depth; ++l) {
      const double sd = 0.5 * std::sqrt(2.0 * l / width);
      EXPECT_NEAR(measured.layers[l - 1].act_std / theory[l - 1].act_std, 1, 5 * sd)
          << act << " layer " << l;
      EXPECT_NEAR(measured.layers[l - 1].grad_pre_std / theory[l - 1].grad_pre_std, 1,
                  5 * 0.5 * std::sqrt(2.0 * (depth - l + 1) / width))
          << act << " layer " << l;
    }
  }
}

TEST(PhaseDiagram, CellsAreTheFixedPointsAndReluHasNoneBeyondTwo) {
  const Activation relu{ActivationKind::relu, 0};
  const PhaseGrid g = phase_diagram(relu, 1, 3, 4, 0, 0.2, 2, 1);
  ASSERT_EQ(g.chi1.size(), 8u);
  EXPECT_DOUBLE_EQ(g.sigma_w2[0], 1.25);
  for (int i = 0; i < 4; ++i) {
    const double w2 = g.sigma_w2[i];
    if (w2 < 2) {
      EXPECT_NEAR(g.chi1[i], w2 / 2, 1e-12);  // chi1 = sigma_w2 / 2
      EXPECT_NEAR(g.xi_c[i], -1 / std::log(w2 / 2), 1e-9);
    } else {
      EXPECT_TRUE(std::isnan(g.chi1[i])) << w2;
    }
  }
}

}  // namespace
}  // namespace actlab
