// The layer summaries of actlab/statistics.hpp against their definitions: moments against a
// two-pass sum in long double, histogram bins against the edges themselves (std::upper_bound),
// on values that include the edges, their float neighbours, zeros, infinities and NaN.
#include "actlab/statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <tuple>
#include <vector>

namespace actlab {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::vector<float> normal_floats(std::size_t n, double mean, double std, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::normal_distribution<double> normal(mean, std);
  std::vector<float> x(n);
  for (float& v : x) v = static_cast<float>(normal(engine));
  return x;
}

MeanStd two_pass(const std::vector<float>& x) {
  long double sum = 0, sum_sq = 0;
  for (const float v : x) sum += v;
  const long double mean = sum / x.size();
  for (const float v : x) sum_sq += (v - mean) * (v - mean);
  return {static_cast<double>(mean), static_cast<double>(std::sqrt(sum_sq / x.size()))};
}

TEST(MeanStd, MatchesATwoPassSumInLongDouble) {
  // Sizes around the lanes and far past them; a mean 10^5 times the spread, where the one-pass
  // sum of x^2 - (sum x)^2 / n would cancel without the shift.
  for (const std::size_t n : {1, 2, 7, 8, 9, 17, 1000, 32769}) {
    for (const double mean : {0.0, -3.0, 1000.0}) {
      const std::vector<float> x = normal_floats(n, mean, 0.01, static_cast<unsigned>(n));
      const MeanStd got = mean_std(x.data(), n), want = two_pass(x);
      EXPECT_NEAR(got.mean, want.mean, 1e-12 * std::max(1.0, std::fabs(want.mean))) << n;
      EXPECT_NEAR(got.std, want.std, 1e-10 * want.std + 1e-300) << n << " " << mean;
    }
  }
}

TEST(MeanStd, ConstantValuesHaveZeroSpreadAndNaNPropagates) {
  const std::vector<float> same(1001, 0.1f);
  EXPECT_EQ(mean_std(same.data(), same.size()).mean, double(0.1f));
  EXPECT_EQ(mean_std(same.data(), same.size()).std, 0);
  std::vector<float> x = normal_floats(100, 0, 1, 3);
  x[37] = kNaN;
  EXPECT_TRUE(std::isnan(mean_std(x.data(), x.size()).mean));
  EXPECT_TRUE(std::isnan(mean_std(x.data(), x.size()).std));
}

TEST(RootMeanSquare, MatchesASumInLongDouble) {
  for (const std::size_t n : {1, 5, 8, 63, 16385}) {
    const std::vector<float> x = normal_floats(n, 0.5, 2, static_cast<unsigned>(n) + 7);
    long double sum_sq = 0;
    for (const float v : x) sum_sq += static_cast<long double>(v) * v;
    const double want = static_cast<double>(std::sqrt(sum_sq / n));
    EXPECT_NEAR(root_mean_square(x.data(), n), want, 1e-12 * want) << n;
  }
}

// Values to bin: random ones over a range wider than [lo, hi], every edge as a float and its
// two float neighbours, zeros, infinities and NaN; 2,500 of them or more, past one block.
std::vector<float> values_around(const std::vector<double>& edges, double lo, double hi) {
  std::vector<float> x = {0.0f, -0.0f, kInf, -kInf, kNaN};
  for (const double e : edges) {
    const float f = static_cast<float>(e);
    x.insert(x.end(), {f, std::nextafter(f, -kInf), std::nextafter(f, kInf)});
  }
  std::mt19937_64 engine(11);
  std::uniform_real_distribution<double> uniform(lo, hi);
  while (x.size() < 2500) x.push_back(static_cast<float>(uniform(engine)));
  return x;
}

// The definition: the number of inner edges <= x; NaN in the top bin.
std::size_t bin_of(const std::vector<double>& edges, double x) {
  if (std::isnan(x)) return edges.size() - 2;
  return std::upper_bound(edges.begin() + 1, edges.end() - 1, x) - (edges.begin() + 1);
}

// (x - lo) M / (hi - lo) in double: exact but for values within its rounding of an edge (as
// -10^-45 is of 0, binned with 0), which may fall on either side.
TEST(LinearBins, CountEachValueInTheBinItsEdgesDefine) {
  for (const auto& [lo, hi, bins] : {std::tuple{-1.0, 1.0, 64}, std::tuple{-3.7, 12.1, 17}}) {
    const std::vector<double> edges = linear_edges(lo, hi, bins);
    const std::vector<float> x = values_around(edges, 2 * lo - hi, 2 * hi - lo);
    const LinearBins linear(edges);
    std::vector<std::uint32_t> all(bins, 0), want(bins, 0);
    linear.count(x.data(), x.size(), all.data());
    for (const float v : x) {
      std::vector<std::uint32_t> one(bins, 0);
      linear.count(&v, 1, one.data());
      const auto got = std::find(one.begin(), one.end(), 1u) - one.begin();
      const auto defined = static_cast<std::ptrdiff_t>(bin_of(edges, v));
      ++want[got];
      const bool near_edge = std::any_of(edges.begin() + 1, edges.end() - 1, [&](double e) {
        return std::fabs(v - e) <= 1e-12 * (hi - lo);
      });
      if (near_edge) {
        EXPECT_LE(std::abs(got - defined), 1) << v;
      } else {
        EXPECT_EQ(got, defined) << v;
      }
    }
    EXPECT_EQ(all, want);  // in blocks as one at a time
  }
}

TEST(LogMagnitudeBins, CountEachMagnitudeInTheBinItsThresholdsDefine) {
  // Inner thresholds 10^e for the edges e of [-8, 2] in 40 bins, as propagate() sets them,
  // and one beyond float's range.
  const std::vector<double> e = linear_edges(-8, 2, 40);
  std::vector<double> inner;
  for (std::size_t j = 1; j + 1 < e.size(); ++j) inner.push_back(std::pow(10.0, e[j]));
  inner.back() = 1e39;
  std::vector<double> thresholds = {0};
  thresholds.insert(thresholds.end(), inner.begin(), inner.end());
  thresholds.push_back(std::numeric_limits<double>::infinity());
  std::vector<float> x = values_around(thresholds, -200, 200);
  x.push_back(std::numeric_limits<float>::denorm_min());
  std::mt19937_64 engine(5);
  std::uniform_real_distribution<double> exponent(-12, 4);
  for (int i = 0; i < 5000; ++i) {
    const double magnitude = std::pow(10.0, exponent(engine));
    x.push_back(static_cast<float>(i % 2 ? magnitude : -magnitude));
  }
  LogMagnitudeBins bins;
  bins.set_edges(inner);
  std::vector<std::uint32_t> got(40, 0), want(40, 0);
  bins.count(x.data(), x.size(), got.data());
  for (const float v : x) ++want[bin_of(thresholds, std::fabs(double(v)))];
  EXPECT_EQ(got, want);
}

// Against a sort, on values with many ties (rounded to a coarse grid), both signs and both
// zeros, for ranks at the ends, the middle and the quantiles propagate() takes.
TEST(OrderStatistics, AreTheValuesAtTheirRanksInSortedOrder) {
  for (const std::size_t n : {1, 2, 3, 10, 4097, 65536}) {
    std::vector<float> x = normal_floats(n, 0, 3, static_cast<unsigned>(n) + 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (i % 3 == 0) x[i] = std::round(x[i] * 4) / 4;
      if (i % 17 == 0) x[i] = i % 2 ? -0.0f : 0.0f;
      if (i % 29 == 0) x[i] = i % 2 ? 3e38f : -1e-40f;
    }
    std::vector<float> sorted = x;
    std::sort(sorted.begin(), sorted.end(), [](float a, float b) {
      return a < b || (a == 0 && b == 0 && std::signbit(a) && !std::signbit(b));
    });
    std::vector<std::uint32_t> scratch(2 * n);
    for (const std::size_t low : {std::size_t{0}, n / 200, n / 2, n - 1}) {
      const std::size_t high = n - 1 - low / 2;
      const auto [got_low, got_high] = order_statistics(x.data(), n, low, high, scratch.data());
      EXPECT_EQ(got_low, sorted[low]) << n << " " << low;
      EXPECT_EQ(std::signbit(got_low), std::signbit(sorted[low])) << n << " " << low;
      EXPECT_EQ(got_high, sorted[high]) << n << " " << high;
      EXPECT_EQ(std::signbit(got_high), std::signbit(sorted[high])) << n << " " << high;
    }
  }
}

TEST(FloatAbove, IsTheSmallestFloatNotBelow) {
  for (const double x : {0.1, -0.1, 1.0, 1e-45, 3.5e38, 1e39, -1e39}) {
    const float f = float_above(x);
    EXPECT_GE(double(f), x);
    EXPECT_LT(double(std::nextafter(f, -kInf)), x);
  }
}

}  // namespace
}  // namespace actlab
