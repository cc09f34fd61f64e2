#pragma once
// The windows of section 7's maps, checked as every flag is: one line naming the flag, what is
// valid (from the engine's limits) and what was given. The phase diagram's (phase_diagram.hpp)
// and the critical line's (mean_field.hpp's critical_line).
#include "actlab/expected.hpp"

namespace actlab {

struct PhaseWindow {
  double w2_lo, w2_hi;  // sigma_w2 over 0 < w2_lo < w2_hi <= kMaxSigmaW2
  int nw;               // cells along sigma_w2, 1..kMaxPhaseCells
  double b2_lo, b2_hi;  // sigma_b2 over 0 <= b2_lo < b2_hi <= kMaxSigmaB2
  int nb;               // cells along sigma_b2, 1..kMaxPhaseCells
};

Expected<PhaseWindow> check_phase_window(const PhaseWindow& window);

inline constexpr double kMaxCriticalLineQ = 1e12;

// q over 0 < q_lo < q_hi <= kMaxCriticalLineQ at 2..kMaxCriticalLinePoints points.
struct CriticalLineWindow {
  double q_lo, q_hi;
  int points;
};

Expected<CriticalLineWindow> check_critical_line_window(const CriticalLineWindow& window);

}  // namespace actlab
