// A bottleneck layer K of M units among layers of N: its fan-out and layer K + 1's fan-in are
// M, so that Glorot's 2/(fan_in + fan_out) parts from LeCun's 1/fan_in there (Glorot & Bengio
// 2010, LeCun et al. 1998). In a linear network (identity, zero biases) the variance law is an
// exact expectation: given h_{l-1}, E over W_l of mean(z_l^2) = fan_in Var(w) mean(h_{l-1}^2).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "actlab/mean_field_profile.hpp"
#include "actlab/network.hpp"
#include "actlab/propagation.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

PropagationRequest request(const std::string& act, const std::string& init, int depth, int width,
                           int batch, int k, int m) {
  PropagationRequest r;
  r.act = act;
  r.init = init;
  r.depth = depth;
  r.width = width;
  r.batch = batch;
  r.bottleneck_layer = k;
  r.bottleneck_width = m;
  return r;
}

Propagation run(const PropagationRequest& r) {
  const Expected<PropagationConfig> c = check_propagation(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return Propagator().run(c.value());
}

// mean(z_l^2) over the B N_l entries, from the population moments.
double mean_square(const LayerStatistics& s) {
  return s.pre_std * s.pre_std + s.pre_mean * s.pre_mean;
}

// N = 512, K = 2, M = 64, B = 512: q_l / q_{l-1} is a mean over N_l units of quadratic forms
// in N_{l-1} weights, relative standard deviation about sqrt(2 / (N_l N_{l-1})) = 0.8% at the
// bottleneck's two layers; 5% is 6 of them.
TEST(Bottleneck, LinearNetworkVarianceRatiosFollowEachRulesFans) {
  const int n = 512, m = 64, k = 2;
  struct Rule {
    std::string init;
    double (*variance)(double fan_in, double fan_out);
  };
  const Rule rules[] = {
      {"glorot-normal", [](double in, double out) { return 2 / (in + out); }},
      {"lecun-normal", [](double in, double) { return 1 / in; }},
      {"he-normal", [](double in, double) { return 2 / in; }},
  };
  for (const Rule& rule : rules) {
    const Propagation p = run(request("identity", rule.init, 4, n, 512, k, m));
    double previous = 1;  // X ~ N(0, 1)
    for (int l = 1; l <= 4; ++l) {
      const double fan_in = l == 1 ? n : l == k + 1 ? m : n;
      const double fan_out = l == k ? m : n;
      const double ratio = mean_square(p.layers[l - 1]) / previous;
      const double expected = fan_in * rule.variance(fan_in, fan_out);
      EXPECT_NEAR(ratio, expected, 0.05 * expected) << rule.init << " layer " << l;
      previous = mean_square(p.layers[l - 1]);
    }
  }
}

// The closed forms at the bottleneck: Glorot's ratio is 2 N / (N + M) at layer K and
// 2 M / (N + M) at layer K + 1; LeCun's 1 at both.
TEST(Bottleneck, GlorotAndLecunPartAtTheBottleneckOnly) {
  const int n = 512, m = 64, k = 2;
  const Propagation glorot = run(request("identity", "glorot-normal", 4, n, 512, k, m));
  const Propagation lecun = run(request("identity", "lecun-normal", 4, n, 512, k, m));
  const auto ratio = [](const Propagation& p, int l) {
    return mean_square(p.layers[l - 1]) / mean_square(p.layers[l - 2]);
  };
  EXPECT_NEAR(ratio(glorot, k), 2.0 * n / (n + m), 0.05 * 2.0 * n / (n + m));
  EXPECT_NEAR(ratio(glorot, k + 1), 2.0 * m / (n + m), 0.05 * 2.0 * m / (n + m));
  EXPECT_NEAR(ratio(lecun, k), 1, 0.05);
  EXPECT_NEAR(ratio(lecun, k + 1), 1, 0.05);
  EXPECT_NEAR(ratio(glorot, k + 2), 1, 0.05);  // N to N again
}

// Every layer's histograms and tails count its own B N_l entries; dead counts its N_l units.
TEST(Bottleneck, EachLayerCountsItsOwnEntries) {
  for (const int k : {1, 3, 5}) {
    const Propagation p = run(request("relu", "he-uniform", 5, 48, 20, k, 7));
    for (const LayerStatistics& s : p.layers) {
      const std::uint64_t entries = 20 * (s.index == k ? 7 : 48);
      for (const auto& [hist, tails] :
           {std::pair{&s.act_hist, &s.act_tails}, std::pair{&s.log_act_hist, &s.log_act_tails},
            std::pair{&s.grad_hist, &s.grad_tails}}) {
        std::uint64_t sum = tails->zero + tails->below + tails->above;
        for (const std::uint32_t c : *hist) sum += c;
        EXPECT_EQ(sum, entries) << "K = " << k << " layer " << s.index;
      }
      const double units = s.index == k ? 7 : 48;
      EXPECT_EQ(s.dead * units, std::round(s.dead * units)) << "layer " << s.index;
    }
  }
}

TEST(Bottleneck, NetworkAllocatesWhatItCounts) {
  for (const Shape& s : {Shape{4, 32, 8, 32, 2, 5}, Shape{3, 16, 4, 40, 1, 100},
                         Shape{3, 16, 4, 16, 3, 1}, Shape{1, 8, 2, 3, 1, 9}}) {
    const Network<float> net(s);
    EXPECT_EQ(net.allocated_bytes(), Network<float>::bytes(s));
  }
}

// The bottleneck's weights: W_K [M x N], W_{K+1} [N x M], and the hash covers them.
TEST(Bottleneck, WeightsHaveTheBottlenecksShape) {
  const Propagation with = run(request("tanh", "orthogonal", 4, 32, 8, 2, 5));
  PropagationRequest plain = request("tanh", "orthogonal", 4, 32, 8, 2, 5);
  plain.bottleneck_layer.reset(), plain.bottleneck_width.reset();
  const Propagation without = run(plain);
  EXPECT_NE(with.draws_hash, without.draws_hash);
  // Orthogonal rows (M < N) or columns: sqrt(N_l mean w^2) = sqrt(sum w^2 / fan_in) is
  // sqrt(M / N) at layer K (M unit rows over N columns) and 1 at K + 1 (M unit columns).
  EXPECT_NEAR(with.layers[1].weight_gain, std::sqrt(5.0 / 32), 1e-6);
  EXPECT_NEAR(with.layers[2].weight_gain, 1, 1e-6);
}

TEST(Bottleneck, RefusesWhatDoesNotMakeSense) {
  const auto error = [](PropagationRequest r) { return check_propagation(r).error(); };
  PropagationRequest r = request("relu", "he-normal", 4, 32, 8, 5, 4);
  EXPECT_EQ(error(r), "--bottleneck-layer: must be an integer from 1 to 4, got 5 (the depth)");
  r.bottleneck_layer.reset();
  EXPECT_EQ(error(r), "--bottleneck-width: needs --bottleneck-layer K, the layer it narrows");
  r.bottleneck_layer = 2;
  r.bottleneck_width.reset();
  EXPECT_EQ(error(r), "--bottleneck-width: required, an integer from 1 to 2048");
  r.bottleneck_width = 0;
  EXPECT_EQ(error(r), "--bottleneck-width: must be an integer from 1 to 2048, got 0");
}

TEST(Bottleneck, CliPrintsTheBottleneckAndRefusesItWithTheMeanFieldPoint) {
  const test::CliRun ok = test::run_cli(
      "propagate --act tanh --init glorot-uniform --depth 3 --width 16 --batch 4 "
      "--bottleneck-layer 2 --bottleneck-width 3");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("\"bottleneck_layer\":2"), std::string::npos);
  EXPECT_NE(ok.out.find("\"bottleneck_width\":3"), std::string::npos);
  const test::CliRun none =
      test::run_cli("propagate --act tanh --init glorot-uniform --depth 3 --width 16 --batch 4");
  EXPECT_NE(none.out.find("\"bottleneck_layer\":null"), std::string::npos);
  const test::CliRun bad = test::run_cli(
      "propagate --act tanh --sigma-w2 1 --sigma-b2 0 --depth 3 --width 16 --batch 4 "
      "--bottleneck-layer 2 --bottleneck-width 3");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err.rfind("actlab: --bottleneck-layer: not with --sigma-w2 and --sigma-b2", 0), 0u)
      << bad.err;
}

}  // namespace
}  // namespace actlab

namespace actlab {
namespace {

// The theory's backward pass sums over each layer's fan-out: in a linear He network of width
// 256 with layer 2 of 16 units, Var delta_3 = 256 (2/256) = 2, Var delta_2 = 2 * 256 (2/16) =
// 64 and Var delta_1 = 64 * 16 (2/256) = 8; the measurement at width 256 agrees within 5%.
TEST(Bottleneck, TheTheorysGradientsSumOverEachLayersFanOut) {
  const PropagationRequest r = request("identity", "he-normal", 4, 256, 512, 2, 16);
  const Expected<PropagationConfig> c = check_propagation(r);
  ASSERT_TRUE(c.ok()) << c.error();
  const std::vector<ProfileLayer> theory = mean_field_profile(c.value());
  const double expected[] = {std::sqrt(8.0), 8, std::sqrt(2.0), 1};
  const Propagation measured = run(r);
  for (int l = 0; l < 4; ++l) {
    EXPECT_NEAR(theory[l].grad_pre_std, expected[l], 1e-12 * expected[l]) << "layer " << l + 1;
    EXPECT_NEAR(measured.layers[l].grad_pre_std, expected[l], 0.05 * expected[l])
        << "layer " << l + 1;
  }
}

}  // namespace
}  // namespace actlab
