// The theory's per-layer variance beside what the float32 engine measures at width 1024.
// Conditionally on layer l-1, the N units of z_l are independent, and the B examples of one
// unit have covariance q_l (c_ij) with c the examples' correlation (about the theory's c_l
// for independent inputs). The measured mean of z^2 over B N entries then has relative
// variance 2 (1/B + c_l^2 (1 - 1/B)) / N per layer; earlier layers' errors pass through a
// map of slope below 1, so after l layers the relative sd is at most sqrt(l) times that.
// The test allows 5 of those standard deviations.
#include <gtest/gtest.h>

#include <cmath>

#include "actlab/mean_field.hpp"
#include "actlab/mean_field_point.hpp"
#include "actlab/propagation.hpp"

namespace actlab {
namespace {

void expect_width_1024_within_theory(const std::string& act, double w2, double b2) {
  const int width = 1024, batch = 64, depth = 8;
  PropagationRequest r;  // propagate --sigma-w2 w2 --sigma-b2 b2
  r.act = act;
  r.depth = depth;
  r.width = width;
  r.batch = batch;
  const Expected<PropagationConfig> config = check_mean_field_point(r, w2, b2);
  ASSERT_TRUE(config.ok()) << config.error();
  const Propagation measured = Propagator().run(config.value());
  const Expected<Activation> phi = make_activation(act, std::nan(""));
  const Theory t = theory({{phi.value(), w2, b2}, depth, 1, 0});  // inputs N(0, 1), independent
  for (int l = 1; l <= depth; ++l) {
    const TheoryLayer& layer = t.layers[l - 1];
    const LayerStatistics& s = measured.layers[l - 1];
    const double q = s.pre_std * s.pre_std + s.pre_mean * s.pre_mean;
    const double c2 = layer.c * layer.c;
    const double sd = std::sqrt(2 * (1.0 / batch + c2 * (1 - 1.0 / batch)) / width * l);
    EXPECT_NEAR(q / layer.q, 1, 5 * sd) << act << " layer " << l << ": " << q << " vs " << layer.q;
  }
}

TEST(MeanFieldAtWidth1024, TanhVarianceFollowsTheLengthMap) {
  expect_width_1024_within_theory("tanh", 1.5, 0.05);
}

TEST(MeanFieldAtWidth1024, ReluVarianceFollowsTheLengthMap) {
  expect_width_1024_within_theory("relu", 1.8, 0.1);
}

TEST(MeanFieldAtWidth1024, SeluVarianceStaysAtOne) {
  expect_width_1024_within_theory("selu", 1.0, 0.0);
}

}  // namespace
}  // namespace actlab
