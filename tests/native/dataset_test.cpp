// Each dataset against its definition (dataset.hpp): the arcs and circles point by point,
// labels and class sizes, and the moments of the added noise.
#include "actlab/dataset.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace actlab {
namespace {

constexpr double kPi = 3.14159265358979323846;

int count_label(const Dataset& d, int label) {
  int n = 0;
  for (const int y : d.y) n += y == label;
  return n;
}

TEST(Dataset, MoonsAreSklearnsArcs) {
  const Dataset d = make_dataset(DatasetKind::moons, 7, 0, 1);
  ASSERT_EQ(d.samples, 7);
  ASSERT_EQ(d.x.size(), 14u);
  EXPECT_EQ(count_label(d, 0), 3);  // floor(7 / 2) outer points
  // Outer: t = 0, pi/2, pi; inner: t = 0, pi/3, 2pi/3, pi at (1 - cos t, 1 - sin t - 0.5).
  const double expected[7][2] = {{1, 0},
                                 {0, 1},
                                 {-1, 0},
                                 {0, 0.5},
                                 {0.5, 0.5 - std::sqrt(3) / 2},
                                 {1.5, 0.5 - std::sqrt(3) / 2},
                                 {2, 0.5}};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(d.y[i], i < 3 ? 0 : 1);
    EXPECT_NEAR(d.x[2 * i], expected[i][0], 1e-7) << i;
    EXPECT_NEAR(d.x[2 * i + 1], expected[i][1], 1e-7) << i;
  }
}

TEST(Dataset, CirclesHaveRadiiOneAndHalfAndEvenAngles) {
  const Dataset d = make_dataset(DatasetKind::circles, 9, 0, 1);
  EXPECT_EQ(count_label(d, 0), 4);
  for (int i = 0; i < 9; ++i) {
    const double r = std::hypot(d.x[2 * i], d.x[2 * i + 1]);
    EXPECT_NEAR(r, d.y[i] == 0 ? 1 : 0.5, 1e-7) << i;
    const int k = i < 4 ? i : i - 4, m = i < 4 ? 4 : 5;  // endpoint excluded
    const double angle = std::atan2(d.x[2 * i + 1], d.x[2 * i]);
    const double expected = 2 * kPi * k / m;
    EXPECT_NEAR(std::remainder(angle - expected, 2 * kPi), 0, 1e-6) << i;
  }
}

TEST(Dataset, XorIsLabelledByTheQuadrantAndUniform) {
  const Dataset d = make_dataset(DatasetKind::xor_, 4000, 0, 3);
  double sum = 0, sq = 0;
  for (int i = 0; i < 4000; ++i) {
    const float a = d.x[2 * i], b = d.x[2 * i + 1];
    EXPECT_LE(std::fabs(a), 1.0f);
    EXPECT_EQ(d.y[i], a * b > 0 ? 1 : 0);
    sum += a, sq += a * a;
  }
  // U(-1, 1): mean 0, variance 1/3; 4000 draws: standard errors 0.009 and 0.005.
  EXPECT_NEAR(sum / 4000, 0, 0.04);
  EXPECT_NEAR(sq / 4000, 1.0 / 3, 0.02);
  EXPECT_NEAR(count_label(d, 1), 2000, 150);
}

TEST(Dataset, SpiralArmsAreTurnsOfRadiusZeroToOne) {
  const Dataset d = make_dataset(DatasetKind::spiral, 10, 0, 1);
  EXPECT_EQ(count_label(d, 0), 5);
  for (int i = 0; i < 10; ++i) {
    const int k = d.y[i], j = i - 5 * k;
    const double r = j / 5.0, t = kSpiralTurns * 2 * kPi * r + k * kPi;
    EXPECT_NEAR(d.x[2 * i], r * std::cos(t), 1e-7) << i;
    EXPECT_NEAR(d.x[2 * i + 1], r * std::sin(t), 1e-7) << i;
  }
}

TEST(Dataset, BlobsSplitLikeMakeBlobsAroundTheirCentres) {
  const Dataset d = make_dataset(DatasetKind::blobs, 3001, 0, 2);
  EXPECT_EQ(d.classes, 3);
  EXPECT_EQ(count_label(d, 0), 1001);
  EXPECT_EQ(count_label(d, 1), 1000);
  EXPECT_EQ(count_label(d, 2), 1000);
  for (int k = 0; k < 3; ++k) {
    const double angle = kPi / 2 + 2 * kPi * k / 3;
    double sx = 0, sy = 0, sq = 0;
    int n = 0;
    for (int i = 0; i < 3001; ++i) {
      if (d.y[i] != k) continue;
      const double dx = d.x[2 * i] - std::cos(angle), dy = d.x[2 * i + 1] - std::sin(angle);
      sx += dx, sy += dy, sq += dx * dx + dy * dy, ++n;
    }
    // Mean within 5 standard errors (0.2 / sqrt(1000)), variance 0.04 within 10%.
    EXPECT_NEAR(sx / n, 0, 0.032);
    EXPECT_NEAR(sy / n, 0, 0.032);
    EXPECT_NEAR(sq / (2 * n), kBlobStd * kBlobStd, 0.004);
  }
}

// The noise is N(0, noise^2) on both coordinates: the moons' offsets from the clean arcs.
TEST(Dataset, NoiseHasTheGivenMoments) {
  const int n = 5000;
  const Dataset clean = make_dataset(DatasetKind::moons, n, 0, 4);
  const Dataset noisy = make_dataset(DatasetKind::moons, n, 0.3, 4);
  double sum = 0, sq = 0, cross = 0;
  for (int i = 0; i < n; ++i) {
    const double ex = noisy.x[2 * i] - clean.x[2 * i], ey = noisy.x[2 * i + 1] - clean.x[2 * i + 1];
    sum += ex + ey, sq += ex * ex + ey * ey, cross += ex * ey;
    EXPECT_EQ(noisy.y[i], clean.y[i]);
  }
  // 10000 normals: the mean's standard error 0.003, the variance's 0.0013, the covariance's.
  EXPECT_NEAR(sum / (2 * n), 0, 0.015);
  EXPECT_NEAR(sq / (2 * n), 0.09, 0.0065);
  EXPECT_NEAR(cross / n, 0, 0.0065);
}

TEST(Dataset, SeedDecidesTheDrawsAndIdsRoundTrip) {
  const Dataset a = make_dataset(DatasetKind::moons, 50, 0.1, 1);
  const Dataset b = make_dataset(DatasetKind::moons, 50, 0.1, 1);
  const Dataset c = make_dataset(DatasetKind::moons, 50, 0.1, 2);
  EXPECT_EQ(a.x, b.x);
  EXPECT_NE(a.x, c.x);
  for (const std::string& id : dataset_ids()) {
    EXPECT_EQ(dataset_id(make_dataset_kind(id).value()), id);
  }
  EXPECT_EQ(make_dataset_kind("iris").error(),
            "--data: unknown dataset 'iris'; valid: moons, circles, xor, spiral, blobs");
}

}  // namespace
}  // namespace actlab
