#include "actlab/curve.hpp"

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

Curve sample_curve(const Activation& act, const CurveGrid& grid) {
  const auto n = static_cast<std::size_t>(grid.points);
  Curve curve{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  const double span = grid.to - grid.from;
  const double last = static_cast<double>(grid.points - 1);
  double* z = curve.z.data();
  // int steps and the end outside the loop, so that it vectorizes (SSE2, f64x2).
  for (int i = 0; i < grid.points - 1; ++i) z[i] = grid.from + span * static_cast<double>(i) / last;
  z[n - 1] = grid.to;
  evaluate_curve(act, curve.z.data(), curve.value.data(), curve.derivative.data(), n);
  return curve;
}

}  // namespace actlab
