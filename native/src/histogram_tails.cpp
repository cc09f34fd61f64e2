#include "actlab/histogram_tails.hpp"

#include <algorithm>
#include <cmath>

namespace actlab {

HistogramTails take_linear_tails(const float* x, std::size_t n, const std::vector<double>& edges,
                                 std::uint32_t* counts) {
  const double lo = edges.front(), hi = edges.back();
  HistogramTails t;
  // Sums of comparisons, no branches: the loop vectorizes. A zero is never below or above.
  for (std::size_t i = 0; i < n; ++i) {
    const double v = x[i];
    t.zero += v == 0;
    t.below += v < lo && v != 0;
    t.above += !(v <= hi) && v != 0;
  }
  const int bins = static_cast<int>(edges.size()) - 1;
  // The bin LinearBins::count gives 0: the same operations on the same doubles.
  const double scale = bins / (hi - lo);
  const double at_zero = std::min(std::max((0.0 - lo) * scale, 0.0), double(bins - 1));
  counts[static_cast<int>(std::floor(at_zero))] -= t.zero;
  counts[0] -= t.below;
  counts[bins - 1] -= t.above;
  return t;
}

HistogramTails take_log_tails(const float* x, std::size_t n, double lo, double hi, int bins,
                              std::uint32_t* counts) {
  HistogramTails t;
  for (std::size_t i = 0; i < n; ++i) {
    const double magnitude = std::fabs(double(x[i]));
    t.zero += magnitude == 0;
    t.below += magnitude < lo && magnitude != 0;
    t.above += !(magnitude <= hi);  // lo > 0, so a zero is below hi
  }
  counts[0] -= t.zero + t.below;
  counts[bins - 1] -= t.above;
  return t;
}

}  // namespace actlab
