#include "actlab/saturation.hpp"

#include <algorithm>
#include <cmath>

#include "actlab/activation_info.hpp"
#include "actlab/statistics.hpp"

namespace actlab {

float saturation_threshold(const Activation& act, double eps) {
  return float_above(eps * derivative_maximum(act).value);
}

// Sizes and threshold in locals: the stores to alive could otherwise alias them, and the loop
// would not vectorize.
std::uint32_t count_saturated(const float* dphi, std::size_t rows, std::size_t cols,
                              float threshold, std::uint32_t* alive) {
  std::fill(alive, alive + cols, 0);
  std::uint32_t saturated = 0;  // entries number under 2^32 (the budget)
  for (std::size_t b = 0; b < rows; ++b) {
    const float* row = dphi + b * cols;
    for (std::size_t j = 0; j < cols; ++j) {
      const float slope = std::fabs(row[j]);
      saturated += slope < threshold;
      alive[j] |= slope != 0;
    }
  }
  return saturated;
}

double dead_fraction(const std::uint32_t* alive, std::size_t cols) {
  return double(std::count(alive, alive + cols, 0u)) / double(cols);
}

}  // namespace actlab
