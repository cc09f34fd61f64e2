// Exploding signals and gradients are shown, not hidden: the first layer whose values leave
// float32's finite range is reported, with finite statistics before it and none after.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "actlab/layer_fields.hpp"
#include "actlab/propagation.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

using test::CliRun;
using test::run_cli;

Propagation run(const std::string& act, const std::string& init, int depth, int width, int batch,
                std::optional<double> init_std, std::optional<double> gain) {
  PropagationRequest r;
  r.act = act, r.init = init, r.depth = depth, r.width = width, r.batch = batch;
  r.init_std = init_std, r.gain = gain;
  const Expected<PropagationConfig> c = check_propagation(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return Propagator().run(c.value());
}

// relu with N(0, 1) weights, 64 wide: h grows about sqrt(64 / 2) = 5.7 times per layer.
Propagation exploding_relu(int depth) {
  return run("relu", "normal", depth, 64, 64, 1.0, std::nullopt);
}

// The layer's statistics of one pass, as the field table groups them.
std::vector<double> of_pass(const LayerStatistics& s, LayerPass pass) {
  std::vector<double> values;
  for (const LayerField& field : kLayerFields) {
    if (field.pass == pass) values.push_back(s.*field.value);
  }
  return values;
}
std::vector<double> signal(const LayerStatistics& s) {
  return of_pass(s, LayerPass::signal);
}
std::vector<double> gradient(const LayerStatistics& s) {
  return of_pass(s, LayerPass::gradient);
}
std::vector<double> weights(const LayerStatistics& s) {
  return of_pass(s, LayerPass::weights);
}

TEST(Overflow, TheFirstLayerWhoseSignalLeavesFloat32IsReported) {
  // The draws of W_1..W_l do not depend on the depth: a shorter network is the longer one's
  // first layers. Find the first depth whose last layer overflows, by the statistics alone.
  int first = 0;
  for (int depth = 40; depth <= 60 && first == 0; ++depth) {
    const Propagation p = exploding_relu(depth);
    const LayerStatistics& top = p.layers.back();
    if (!std::isfinite(top.act_std)) first = depth;
    if (!first) {
      EXPECT_FALSE(p.overflow_layer) << depth;
      EXPECT_LT(top.act_std, 3.4e38) << depth;
    }
  }
  ASSERT_GT(first, 0);
  const Propagation p = exploding_relu(60);
  ASSERT_TRUE(p.overflow_layer);
  EXPECT_EQ(*p.overflow_layer, first);
  EXPECT_EQ(first, 51);  // the reproducer
  EXPECT_FALSE(p.grad_overflow_layer);
  // Up to it, the statistics of the network that stops before it; from it, none.
  const Propagation before = exploding_relu(first - 1);
  for (const LayerStatistics& s : p.layers) {
    const std::size_t i = s.index - 1;
    if (s.index < first) {
      EXPECT_EQ(signal(s), signal(before.layers[i])) << s.index;
      EXPECT_GT(s.act_std, 0) << s.index;
    } else {
      for (const double x : signal(s)) EXPECT_TRUE(std::isnan(x)) << s.index;
      for (const std::uint32_t count : s.act_hist) EXPECT_EQ(count, 0u) << s.index;
    }
    // Gradients through an overflowed signal are not numbers: none at any layer.
    for (const double x : gradient(s)) EXPECT_TRUE(std::isnan(x)) << s.index;
    // The weights were drawn before the pass: their statistics stay.
    for (const double x : weights(s)) EXPECT_TRUE(std::isfinite(x)) << s.index;
    for (const std::uint32_t count : s.grad_hist) EXPECT_EQ(count, 0u) << s.index;
  }
  // The histograms of the finite layers, with their tails, count every entry, on finite edges.
  for (const double edge : p.act_hist_edges) EXPECT_TRUE(std::isfinite(edge));
  for (int l = 1; l < first; ++l) {
    const LayerStatistics& s = p.layers[l - 1];
    std::uint64_t total = s.act_tails.zero + s.act_tails.below + s.act_tails.above;
    for (const std::uint32_t count : s.act_hist) total += count;
    EXPECT_EQ(total, 64u * 64u) << l;
  }
}

TEST(Overflow, AGradientThatLeavesFloat32IsReportedFromTheTop) {
  // tanh keeps the signal bounded, while orthogonal weights of gain 6 grow the gradient.
  const Propagation p = run("tanh", "orthogonal", 200, 64, 16, std::nullopt, 6.0);
  EXPECT_FALSE(p.overflow_layer);
  ASSERT_TRUE(p.grad_overflow_layer);
  const int from = *p.grad_overflow_layer;
  for (const LayerStatistics& s : p.layers) {
    for (const double x : signal(s)) EXPECT_TRUE(std::isfinite(x)) << s.index;
    for (const double x : gradient(s)) {
      EXPECT_EQ(std::isfinite(x), s.index > from) << s.index;
    }
  }
  ASSERT_LT(from, 200);
  EXPECT_GT(p.layers[from].grad_act_std, 1e30);  // layer from + 1: exploding, still finite
}

TEST(Overflow, NoOverflowIsNull) {
  const CliRun run =
      run_cli("propagate --act tanh --init glorot-uniform --depth 5 --width 16 --batch 16");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_TRUE(doc.at("overflow_layer").is_null());
  EXPECT_TRUE(doc.at("grad_overflow_layer").is_null());
}

TEST(Overflow, TheCliCarriesTheLayerAndNullsAfterIt) {
  const std::string net =
      "propagate --act relu --init normal --init-std 1 --depth 60 --width 64 --batch 64";
  const CliRun json = run_cli(net);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc.at("overflow_layer"), 51);
  EXPECT_GT(doc["layers"][49]["act_std"].get<double>(), 0);
  EXPECT_TRUE(doc["layers"][50]["act_std"].is_null());
  EXPECT_TRUE(doc["layers"][0]["grad_pre_std"].is_null());
  const CliRun text = run_cli(net + " --format text");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("the signal overflows float32 from layer 51: exploding activations"),
            std::string::npos);
  EXPECT_EQ(text.out.find("nan"), std::string::npos);
}

}  // namespace
}  // namespace actlab
