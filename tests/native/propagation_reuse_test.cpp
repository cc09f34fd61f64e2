// A Propagator keeps the draws of its last run when the next one has the same shape, seed,
// initializer and scales (figure 2 runs one network per activation on them): every number of
// a run is then the one a fresh Propagator gives, and a change of any of those draws anew.
#include <gtest/gtest.h>

#include <cstring>
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
