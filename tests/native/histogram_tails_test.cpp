// The histograms' tails: exact zeros, values beyond the edges and NaN are counted apart from
// the bins, never in an edge bin whose label they do not fit (issue 14: ReLU's zeros read as
// log10|dL/dz| ~ -3, values above the range piled into the top bin as a bright false band).
#include "actlab/histogram_tails.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "actlab/propagation.hpp"
#include "actlab/statistics.hpp"

namespace actlab {
namespace {

TEST(HistogramTails, LinearTailsLeaveTheBinsOnlyWhatTheyHold) {
  const std::vector<double> edges = linear_edges(-1, 1, 4);  // [-1, -0.5, 0, 0.5, 1]
  const std::vector<float> x = {0.f, -0.f, -3.f, -0.75f, 0.25f, 1.f, 1.5f, NAN, -INFINITY};
  std::vector<std::uint32_t> counts(4, 0);
  LinearBins(edges).count(x.data(), x.size(), counts.data());
  const HistogramTails t = take_linear_tails(x.data(), x.size(), edges, counts.data());
  EXPECT_EQ(t.zero, 2u);
  EXPECT_EQ(t.below, 2u);  // -3 and -inf
  EXPECT_EQ(t.above, 2u);  // 1.5 and NaN; 1 is the last edge, in the closed last bin
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{1, 0, 1, 1}));  // -0.75, 0.25, 1
}

TEST(HistogramTails, ZeroAtTheLowEdgeIsAZeroNotABinValue) {
  const std::vector<double> edges = linear_edges(0, 2, 2);  // ReLU's h: [0, 1, 2]
  const std::vector<float> x = {0.f, 0.f, 0.f, 0.5f, 1.5f, 2.5f};
  std::vector<std::uint32_t> counts(2, 0);
  LinearBins(edges).count(x.data(), x.size(), counts.data());
  const HistogramTails t = take_linear_tails(x.data(), x.size(), edges, counts.data());
  EXPECT_EQ(t.zero, 3u);
  EXPECT_EQ(t.below, 0u);
  EXPECT_EQ(t.above, 1u);
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{1, 1}));
}

TEST(HistogramTails, LogTailsTakeZerosAndMagnitudesBeyondTheDecades) {
  // Bins of log10|x| on [-3, -1] in two bins: inner edge 10^-2.
  LogMagnitudeBins bins;
  bins.set_edges({0.01});
  const std::vector<float> x = {0.f, -0.f, 1e-5f, -0.005f, 0.05f, -0.5f, INFINITY, NAN};
  std::vector<std::uint32_t> counts(2, 0);
  bins.count(x.data(), x.size(), counts.data());
  const HistogramTails t = take_log_tails(x.data(), x.size(), 1e-3, 0.1, 2, counts.data());
  EXPECT_EQ(t.zero, 2u);
  EXPECT_EQ(t.below, 1u);                                 // 1e-5
  EXPECT_EQ(t.above, 3u);                                 // 0.5, inf, NaN
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{1, 1}));  // 0.005, 0.05
}

PropagationConfig config(const std::string& act, const std::string& init, int depth, int width,
                         int batch) {
  PropagationRequest r;
  r.act = act, r.init = init, r.depth = depth, r.width = width, r.batch = batch;
  return check_propagation(r).value();
}

std::uint32_t total(const std::vector<std::uint32_t>& bins, const HistogramTails& t) {
  return std::accumulate(bins.begin(), bins.end(), 0u) + t.zero + t.below + t.above;
}

// ReLU: h = 0 exactly where z < 0, phi'(z) = 0 there, hence delta = 0 there too. Saturated
// counts exactly those values (phi' = 0 < eps), so the zero rows hold saturated B N values:
// about half of every layer, none of them in a bin.
TEST(HistogramTails, ReluZerosAreCountedAsZerosInBothHistograms) {
  const int width = 128, batch = 128;
  const Propagation p = Propagator().run(config("relu", "he-uniform", 10, width, batch));
  const std::uint32_t entries = width * batch;
  for (const LayerStatistics& s : p.layers) {
    const auto zeros = static_cast<std::uint32_t>(std::lround(s.saturated * entries));
    EXPECT_EQ(s.act_tails.zero, zeros) << "layer " << s.index;
    EXPECT_EQ(s.log_act_tails.zero, zeros) << "layer " << s.index;
    EXPECT_EQ(s.grad_tails.zero, zeros) << "layer " << s.index;
    // About half: a deep layer's units share a sign bias across the batch, hence 0.1.
    EXPECT_NEAR(double(zeros) / entries, 0.5, 0.1) << "layer " << s.index;
    EXPECT_EQ(total(s.act_hist, s.act_tails), entries);
    EXPECT_EQ(total(s.log_act_hist, s.log_act_tails), entries);
    EXPECT_EQ(total(s.grad_hist, s.grad_tails), entries);
    // ReLU's h >= 0 and the edges start at 0: nothing below, and the 99.5% quantile of all
    // layers leaves a few values above.
    EXPECT_EQ(s.act_tails.below, 0u);
  }
  std::uint32_t above = 0;
  for (const LayerStatistics& s : p.layers) above += s.act_tails.above;
  EXPECT_GT(above, 0u);
}

// The old top bin of ReLU's layer 1 held every value above the range: 1,291 against 53 in the
// bin below. Now it holds what its edges say, a count like its neighbour's.
TEST(HistogramTails, ReluTopBinHoldsNoPileOfValuesBeyondTheRange) {
  const Propagation p = Propagator().run(config("relu", "glorot-uniform", 20, 128, 128));
  const std::vector<std::uint32_t>& first = p.layers[0].act_hist;
  const std::size_t m = first.size();
  EXPECT_LE(first[m - 1], 3 * first[m - 2] + 10);
  EXPECT_GT(p.layers[0].act_tails.above, first[m - 1]);
}

// A bounded activation's edges are its range: nothing can lie beyond them.
TEST(HistogramTails, BoundedActivationsHaveNothingBeyondTheirRange) {
  for (const char* act : {"sigmoid", "tanh"}) {
    const Propagation p = Propagator().run(config(act, "glorot-uniform", 6, 64, 32));
    for (const LayerStatistics& s : p.layers) {
      EXPECT_EQ(s.act_tails.below + s.act_tails.above, 0u) << act;
      EXPECT_EQ(total(s.act_hist, s.act_tails), 64u * 32) << act;
    }
  }
}

}  // namespace
}  // namespace actlab
