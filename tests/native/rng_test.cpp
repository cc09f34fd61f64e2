// PCG32 against O'Neill's reference output, and the uniform and normal transforms as
// distributions (statistical assertions at 5 standard errors: with the fixed seeds they pass
// or fail the same way every run, and a correct generator fails one with odds below 1e-6).
#include "actlab/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace actlab {
namespace {

TEST(Rng, Pcg32MatchesTheReferenceImplementation) {
  // pcg32-demo (pcg-c-basic) with pcg32_srandom_r(&rng, 42u, 54u).
  Rng rng(42, 54);
  for (std::uint32_t expected :
       {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u, 0x83d2f293u, 0xbfa4784bu, 0xcbed606eu}) {
    EXPECT_EQ(rng.next_u32(), expected);
  }
}

// Every figure's numbers follow from these bits; a change to a transform must be deliberate.
TEST(Rng, TransformsArePinned) {
  Rng uniform(1, 1);
  EXPECT_EQ(uniform.uniform(), 0x1.93051f222b25cp-1);
  EXPECT_EQ(uniform.uniform(), 0x1.804c4caf4b856p-1);
  Rng symmetric(1, 1), bits(1, 1);
  for (int i = 0; i < 1000; ++i) {
    const double k = bits.next_u32();
    ASSERT_EQ(symmetric.symmetric_uniform(), (2 * k + 1) / 0x1p32 - 1);
  }
  Rng normal(1, 1);
  EXPECT_EQ(normal.normal(), 0x1.92068a137ecdbp-1);
  EXPECT_EQ(normal.normal(), 0x1.5ed496cacce96p-1);
  EXPECT_EQ(normal.normal(), 0x1.27cf063b7c131p-1);
  EXPECT_EQ(normal.normal(), -0x1.f1b26dad21825p-1);
}

TEST(Rng, SameSeedAndStreamRepeatOthersDiffer) {
  Rng a(7, 3), b(7, 3), other_stream(7, 4), other_seed(8, 3);
  int same_stream = 0, same_seed = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::uint32_t x = a.next_u32();
    ASSERT_EQ(x, b.next_u32());
    same_stream += x == other_stream.next_u32();
    same_seed += x == other_seed.next_u32();
  }
  EXPECT_LE(same_stream, 1);
  EXPECT_LE(same_seed, 1);
}

TEST(Rng, UniformIsUniformOnZeroOne) {
  Rng rng(2024, 1);
  const int n = 1000000;
  const int bins = 20;
  std::vector<int> counts(bins);
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_EQ(u, std::ldexp(std::floor(std::ldexp(u, 53)), -53));  // on the 2^-53 grid
    sum += u, sum_sq += u * u;
    ++counts[static_cast<int>(u * bins)];
  }
  const double mean = sum / n, var = sum_sq / n - mean * mean;
  EXPECT_NEAR(mean, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(var, 1.0 / 12, 5 * std::sqrt(1.0 / 180 / n));  // Var of U^2 terms: 1/180
  const double p = 1.0 / bins;
  for (int c : counts) EXPECT_NEAR(c, n * p, 5 * std::sqrt(n * p * (1 - p)));
}

// U(-1, 1) on the midpoints of a 2^-31 grid: its ends and 0 never drawn, symmetric about 0
// (the grid's points and their negatives are the same set), uniform.
TEST(Rng, SymmetricUniformIsUniformOnMinusOneOne) {
  EXPECT_EQ((2 * 0.0 + 1) / 0x1p32 - 1, -1 + 0x1p-32);
  EXPECT_EQ((2 * 4294967295.0 + 1) / 0x1p32 - 1, 1 - 0x1p-32);
  Rng rng(2025, 1);
  const int n = 1000000, bins = 20;
  std::vector<int> counts(bins);
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.symmetric_uniform();
    ASSERT_GT(u, -1.0);
    ASSERT_LT(u, 1.0);
    ASSERT_NE(u, 0.0);
    sum += u, sum_sq += u * u;
    ++counts[static_cast<int>((u + 1) / 2 * bins)];
  }
  EXPECT_NEAR(sum / n, 0, 5 * std::sqrt(1.0 / 3 / n));
  EXPECT_NEAR(sum_sq / n, 1.0 / 3, 5 * std::sqrt(4.0 / 45 / n));  // Var of U^2: 1/5 - 1/9
  const double p = 1.0 / bins;
  for (int c : counts) EXPECT_NEAR(c, n * p, 5 * std::sqrt(n * p * (1 - p)));
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

TEST(Rng, NormalHasTheStandardNormalsMomentsAndCdf) {
  Rng rng(99, 2);
  const int n = 1000000;
  const std::vector<double> points = {-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3};
  std::vector<int> below(points.size());
  double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = rng.normal();
    m1 += x, m2 += x * x, m3 += x * x * x, m4 += x * x * x * x;
    for (std::size_t k = 0; k < points.size(); ++k) below[k] += x < points[k];
  }
  m1 /= n, m2 /= n, m3 /= n, m4 /= n;
  // Standard errors: sqrt(Var x^k / n) with Var x = 1, Var x^2 = 2, Var x^3 = 15, Var x^4 = 96.
  EXPECT_NEAR(m1, 0, 5 * std::sqrt(1.0 / n));
  EXPECT_NEAR(m2, 1, 5 * std::sqrt(2.0 / n));
  EXPECT_NEAR(m3, 0, 5 * std::sqrt(15.0 / n));
  EXPECT_NEAR(m4, 3, 5 * std::sqrt(96.0 / n));
  for (std::size_t k = 0; k < points.size(); ++k) {
    const double p = normal_cdf(points[k]);
    EXPECT_NEAR(below[k], n * p, 5 * std::sqrt(n * p * (1 - p))) << "P(x < " << points[k] << ")";
  }
}

TEST(Rng, BlockDrawsEqualOneAtATimeAndLeaveTheSameState) {
  for (std::size_t n : {0, 1, 3, 4, 5, 255, 256, 257, 1000}) {
    Rng one(5, 3), block(5, 3);
    std::vector<std::uint32_t> bits(n);
    block.next_u32(bits.data(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(bits[i], one.next_u32()) << "n " << n;
    EXPECT_EQ(block.next_u32(), one.next_u32()) << "n " << n;
  }
}

// Normals in blocks: the same values, and the same state and kept second value after, for
// odd and even counts, blocks that start with a kept value, and counts past one block.
TEST(Rng, NormalBlocksEqualOneAtATime) {
  Rng one(9, 4), block(9, 4);
  for (std::size_t n : {0, 1, 2, 3, 1, 256, 255, 257, 1001, 7}) {
    std::vector<double> x(n);
    block.normal(x.data(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(x[i], one.normal()) << "n " << n << " i " << i;
  }
  EXPECT_EQ(block.normal(), one.normal());  // the kept value of the last odd block
  EXPECT_EQ(block.normal(), one.normal());
  EXPECT_EQ(block.next_u32(), one.next_u32());
}

}  // namespace
}  // namespace actlab
