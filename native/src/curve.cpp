#include "actlab/curve.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "actlab/message_text.hpp"

namespace actlab {

namespace {

std::string z_range() {
  return "a number from " + number_text(-kMaxCurveAbsZ) + " to " + number_text(kMaxCurveAbsZ);
}

bool in_z_range(double z) {
  return std::fabs(z) <= kMaxCurveAbsZ;
}

}  // namespace

Expected<CurveGrid> check_curve_grid(const CurveGrid& grid) {
  if (!in_z_range(grid.from)) {
    return Expected<CurveGrid>::failure("--from: must be " + z_range() + ", got " +
                                        number_text(grid.from));
  }
  if (!in_z_range(grid.to)) {
    return Expected<CurveGrid>::failure("--to: must be " + z_range() + ", got " +
                                        number_text(grid.to));
  }
  if (!(grid.from < grid.to)) {
    return Expected<CurveGrid>::failure("--to: must be greater than --from (" +
                                        number_text(grid.from) + "), got " + number_text(grid.to));
  }
  if (grid.points < kMinCurvePoints || grid.points > kMaxCurvePoints) {
    return Expected<CurveGrid>::failure(
        "--points: must be an integer from " + std::to_string(kMinCurvePoints) + " to " +
        std::to_string(kMaxCurvePoints) + ", got " + std::to_string(grid.points));
  }
  return grid;
}

void sample_curve_range(const Activation& act, const CurveGrid& grid, std::size_t begin,
                        std::size_t count, double* z, double* h, double* dphi) {
  const double span = grid.to - grid.from;
  const double last = static_cast<double>(grid.points - 1);
  const int first = static_cast<int>(begin);
  const int end = std::min(first + static_cast<int>(count), grid.points - 1);
  // int steps and the end outside the loop, so that it vectorizes (SSE2, f64x2).
  for (int i = first; i < end; ++i) z[i - first] = grid.from + span * static_cast<double>(i) / last;
  if (begin + count == static_cast<std::size_t>(grid.points)) z[count - 1] = grid.to;
  evaluate_curve(act, z, h, dphi, count);
}

Curve sample_curve(const Activation& act, const CurveGrid& grid) {
  const auto n = static_cast<std::size_t>(grid.points);
  Curve curve{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  sample_curve_range(act, grid, 0, n, curve.z.data(), curve.value.data(), curve.derivative.data());
  return curve;
}

}  // namespace actlab
