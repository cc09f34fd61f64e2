#include "actlab/curve.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace actlab {

namespace {

std::string describe(double x) {
  std::ostringstream out;
  out.precision(17);
  out << x;
  return out.str();
}

bool in_z_range(double z) {
  return std::fabs(z) <= kMaxCurveAbsZ;
}

}  // namespace

Expected<CurveGrid> check_curve_grid(const CurveGrid& grid) {
  if (!in_z_range(grid.from)) {
    return Expected<CurveGrid>::failure("--from: must be a number from -10000 to 10000, got " +
                                        describe(grid.from));
  }
  if (!in_z_range(grid.to)) {
    return Expected<CurveGrid>::failure("--to: must be a number from -10000 to 10000, got " +
                                        describe(grid.to));
  }
  if (!(grid.from < grid.to)) {
    return Expected<CurveGrid>::failure("--to: must be greater than --from (" +
                                        describe(grid.from) + "), got " + describe(grid.to));
  }
  if (grid.points < 2 || grid.points > kMaxCurvePoints) {
    return Expected<CurveGrid>::failure("--points: must be an integer from 2 to 1000000, got " +
                                        std::to_string(grid.points));
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
