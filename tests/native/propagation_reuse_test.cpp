// A Propagator keeps the draws of its last run when the next one has the same shape, seed,
// initializer and scales (figure 2 runs one network per activation on them), and the weights
// of the runs before layer by layer (a depth slider, the coarse batch then the full one,
// figure 4's four initializers): every number of a run is then the one a fresh Propagator
// gives, and a change of anything the draws depend on draws anew.
#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "actlab/layer_fields.hpp"
#include "actlab/propagation.hpp"

namespace actlab {
namespace {

PropagationConfig config(const std::string& act, const std::string& init, std::uint32_t seed,
                         double input_std = 1, double bias_std = 0, double gain = std::nan("")) {
  PropagationRequest r;
  r.act = act, r.init = init, r.depth = 6, r.width = 24, r.batch = 8, r.bins = 16;
  r.seed = seed, r.input_std = input_std, r.bias_std = bias_std;
  if (!std::isnan(gain)) r.gain = gain;
  const Expected<PropagationConfig> c = check_propagation(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return c.value();
}

// Bit for bit: every statistic (NaN equal to NaN), every histogram and tail, the edges, the hash.
void expect_same(const Propagation& a, const Propagation& b, const std::string& what) {
  EXPECT_EQ(a.draws_hash, b.draws_hash) << what;
  ASSERT_EQ(a.layers.size(), b.layers.size()) << what;
  for (std::size_t i = 0; i < a.layers.size(); ++i) {
    for (const LayerField& field : kLayerFields) {
      const double x = a.layers[i].*field.value, y = b.layers[i].*field.value;
      EXPECT_EQ(std::memcmp(&x, &y, sizeof x), 0)
          << what << " layer " << i + 1 << " " << field.name;
    }
    for (const LayerHistogram& h : kLayerHistograms) {
      EXPECT_EQ(a.layers[i].*h.counts, b.layers[i].*h.counts) << what << " " << h.counts_name;
      for (const TailField& tail : kTailFields) {
        EXPECT_EQ((a.layers[i].*h.tails).*tail.count, (b.layers[i].*h.tails).*tail.count)
            << what << " " << h.tails_name << " " << tail.name;
      }
    }
  }
  for (const LayerHistogram& h : kLayerHistograms) EXPECT_EQ(a.*h.edges, b.*h.edges) << what;
}

TEST(PropagationReuse, EachRunIsAFreshPropagatorsRun) {
  // In the order a page would ask: five activations on one draw, then each thing the draws
  // depend on changed in turn, then back to the first.
  const std::vector<PropagationConfig> runs = {
      config("sigmoid", "glorot-uniform", 1),
      config("tanh", "glorot-uniform", 1),
      config("relu", "glorot-uniform", 1),
      config("elu", "glorot-uniform", 1),
      config("selu", "glorot-uniform", 1),
      config("selu", "glorot-uniform", 2),
      config("selu", "he-normal", 2),
      config("selu", "he-normal", 2, 0.5),
      config("selu", "he-normal", 2, 0.5, 0.1),
      config("tanh", "orthogonal", 2, 0.5, 0.1, 1.5),
      config("tanh", "orthogonal", 2, 0.5, 0.1, 2),
      config("sigmoid", "glorot-uniform", 1),
  };
  Propagator reused;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Propagation again = reused.run(runs[k]);
    expect_same(again, Propagator().run(runs[k]), "run " + std::to_string(k));
  }
}

// A network of the shape a page's depth figures vary, with weight_store-relevant fields.
struct Net {
  std::string init = "glorot-uniform";
  int depth = 6, width = 24, batch = 8;
  std::optional<int> input_dim, bottleneck_layer, bottleneck_width;
  std::optional<double> init_std, gain;
  std::uint32_t seed = 1;
};

PropagationConfig config(const Net& n) {
  PropagationRequest r;
  r.act = "tanh", r.init = n.init, r.depth = n.depth, r.width = n.width, r.batch = n.batch;
  r.input_dim = n.input_dim, r.bottleneck_layer = n.bottleneck_layer;
  r.bottleneck_width = n.bottleneck_width, r.init_std = n.init_std, r.gain = n.gain;
  r.seed = n.seed, r.bins = 16;
  const Expected<PropagationConfig> c = check_propagation(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return c.value();
}

// Each network after the one before it changes one thing the weights depend on, or only the
// depth or the batch: a store that left any of them out of its key would give some run the
// kept weights of another network.
std::vector<Net> weight_sequence() {
  std::vector<Net> runs;
  Net n;
  const auto then = [&](auto change) { change(n), runs.push_back(n); };
  runs.push_back(n);
  then([](Net& x) { x.depth = 9; });   // deeper: layers 7..9 drawn after the kept 1..6
  then([](Net& x) { x.batch = 2; });   // the coarse view: every layer kept
  then([](Net& x) { x.depth = 4; });   // shallower: a prefix
  then([](Net& x) { x.depth = 11; });  // past the kept 9
  then([](Net& x) { x.seed = 2; });
  then([](Net& x) { x.seed = 1, x.init = "he-uniform"; });  // U(-a, a) of another a
  then([](Net& x) { x.init = "glorot-uniform", x.width = 20; });
  then([](Net& x) { x.width = 24, x.input_dim = 10; });  // layer 1's fan-in, and so all after
  then([](Net& x) { x.input_dim = std::nullopt, x.bottleneck_layer = 3, x.bottleneck_width = 5; });
  then([](Net& x) { x.bottleneck_width = 7; });
  then([](Net& x) { x.bottleneck_layer = 5; });
  then([](Net& x) { x.bottleneck_layer = std::nullopt, x.bottleneck_width = std::nullopt; });
  then([](Net& x) { x.init = "normal", x.init_std = 0.5; });
  then([](Net& x) { x.init_std = 0.7; });
  then([](Net& x) { x.init = "orthogonal", x.init_std = std::nullopt, x.gain = 1.5; });
  then([](Net& x) { x.gain = 2; });
  then([](Net& x) { x.depth = 3, x.gain = std::nullopt; });
  then([](Net& x) { x.init = "lecun-normal", x.depth = 6; });
  then([](Net& x) { x.init = "glorot-uniform", x.batch = 8; });  // the first network again
  return runs;
}

TEST(PropagationReuse, KeptWeightsGiveAFreshPropagatorsRun) {
  Propagator reused;
  const std::vector<Net> runs = weight_sequence();
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const PropagationConfig c = config(runs[k]);
    expect_same(reused.run(c), Propagator(0).run(c), "run " + std::to_string(k));
  }
  EXPECT_GT(reused.kept_weight_bytes(), 0u);
}

TEST(PropagationReuse, TheStoreStaysWithinItsBytesAndEvictsTheOldest) {
  // Room for 20 of the 24 x 24 layers: the sequence keeps evicting.
  const std::uint64_t capacity = 20 * 24 * 24 * sizeof(float);
  Propagator small(capacity);
  const std::vector<Net> runs = weight_sequence();
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const PropagationConfig c = config(runs[k]);
      expect_same(small.run(c), Propagator(0).run(c), "run " + std::to_string(k));
      EXPECT_LE(small.kept_weight_bytes(), capacity) << k;
    }
  }
  EXPECT_EQ(Propagator(0).kept_weight_bytes(), 0u);
}

TEST(PropagationReuse, TheFiveActivationsShareOneDrawAndAChangedSeedDoesNot) {
  Propagator p;
  const std::uint64_t first = p.run(config("sigmoid", "glorot-uniform", 1)).draws_hash;
  EXPECT_EQ(p.run(config("relu", "glorot-uniform", 1)).draws_hash, first);
  EXPECT_NE(p.run(config("relu", "glorot-uniform", 3)).draws_hash, first);
  EXPECT_NE(p.run(config("relu", "glorot-normal", 3)).draws_hash,
            p.run(config("relu", "glorot-uniform", 3)).draws_hash);
}

}  // namespace
}  // namespace actlab
