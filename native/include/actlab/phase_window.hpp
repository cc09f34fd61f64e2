#pragma once
// The window and the grid of a phase diagram (phase_diagram.hpp), checked as every flag is: one
// line naming the flag, what is valid (from the engine's limits) and what was given.
#include "actlab/expected.hpp"

namespace actlab {

struct PhaseWindow {
  double w2_lo, w2_hi;  // sigma_w2 over 0 < w2_lo < w2_hi <= kMaxSigmaW2
  int nw;               // cells along sigma_w2, 1..kMaxPhaseCells
  double b2_lo, b2_hi;  // sigma_b2 over 0 <= b2_lo < b2_hi <= kMaxSigmaB2
  int nb;               // cells along sigma_b2, 1..kMaxPhaseCells
};

Expected<PhaseWindow> check_phase_window(const PhaseWindow& window);

}  // namespace actlab
