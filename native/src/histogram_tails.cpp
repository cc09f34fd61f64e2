#include "actlab/histogram_tails.hpp"

#include <cmath>

#include "actlab/statistics.hpp"

namespace actlab {

HistogramTails take_linear_tails(const float* x, std::size_t n, const std::vector<double>& edges,
                                 std::uint32_t* counts) {
  const double lo = edges.front(), hi = edges.back();
  HistogramTails t;
  for (std::size_t i = 0; i < n; ++i) {
    const double v = x[i];
    if (v == 0) {
      ++t.zero;
    } else if (v < lo) {
      ++t.below;
    } else if (!(v <= hi)) {
      ++t.above;
    }
  }
  const int bins = static_cast<int>(edges.size()) - 1;
  std::vector<std::uint32_t> zero_bin(bins, 0);  // the bin LinearBins gives 0, found by asking it
  const float zero = 0;
  LinearBins(edges).count(&zero, 1, zero_bin.data());
  for (int m = 0; m < bins; ++m) counts[m] -= zero_bin[m] * t.zero;
  counts[0] -= t.below;
  counts[bins - 1] -= t.above;
  return t;
}

HistogramTails take_log_tails(const float* x, std::size_t n, double lo, double hi, int bins,
                              std::uint32_t* counts) {
  HistogramTails t;
  for (std::size_t i = 0; i < n; ++i) {
    const double magnitude = std::fabs(double(x[i]));
    if (magnitude == 0) {
      ++t.zero;
    } else if (magnitude < lo) {
      ++t.below;
    } else if (!(magnitude <= hi)) {
      ++t.above;
    }
  }
  counts[0] -= t.zero + t.below;
  counts[bins - 1] -= t.above;
  return t;
}

}  // namespace actlab
