// sample_curve_range (the module's curve() computes a long curve in pieces of it): any split of
// the grid into pieces gives sample_curve's z, phi and phi' bit for bit, odd pieces included
// (a pair of the two-lane path cut between two pieces), and the grid's end exact.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/curve.hpp"

namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST(CurveRange, AnySplitIntoPiecesIsSampleCurveBitForBit) {
  for (const actlab::ActivationInfo& entry : actlab::activation_catalog()) {
    const actlab::Activation act = actlab::make_activation(entry.id, NAN).value();
    for (const actlab::CurveGrid grid :
         {actlab::CurveGrid{-6, 6, 2}, actlab::CurveGrid{-6, 6, 241},
          actlab::CurveGrid{-40, 40, 20001}, actlab::CurveGrid{-1e4, 1e4, 9001},
          // from + (to - from) is not `to` here: the last point must be set, not computed
          actlab::CurveGrid{-0.3, 1e-3, 8195}}) {
      const actlab::Curve whole = actlab::sample_curve(act, grid);
      const auto n = static_cast<std::size_t>(grid.points);
      for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{8192}, n}) {
        actlab::Curve pieces{std::vector<double>(n), std::vector<double>(n),
                             std::vector<double>(n)};
        for (std::size_t begin = 0; begin < n; begin += piece) {
          const std::size_t count = std::min(piece, n - begin);
          actlab::sample_curve_range(act, grid, begin, count, pieces.z.data() + begin,
                                     pieces.value.data() + begin, pieces.derivative.data() + begin);
        }
        EXPECT_TRUE(same_bits(pieces.z, whole.z)) << entry.id << " " << n << " " << piece;
        EXPECT_TRUE(same_bits(pieces.value, whole.value)) << entry.id << " " << n << " " << piece;
        EXPECT_TRUE(same_bits(pieces.derivative, whole.derivative))
            << entry.id << " " << n << " " << piece;
        EXPECT_EQ(pieces.z[n - 1], grid.to);
        EXPECT_EQ(pieces.z[0], grid.from);
      }
    }
  }
}

}  // namespace
