#include "actlab/phase_window.hpp"

#include <string>

#include "actlab/mean_field.hpp"
#include "actlab/message_text.hpp"
#include "actlab/phase_diagram.hpp"

namespace actlab {
namespace {

// "--sigma-w2: the diagram must run over 0 < from < to <= 100, got 2 to 1".
std::string window_message(const char* flag, const char* lower, double max, double lo, double hi) {
  return std::string("--") + flag + ": the diagram must run over " + lower +
         " from < to <= " + number_text(max) + ", got " + number_text(lo) + " to " +
         number_text(hi);
}

}  // namespace

Expected<PhaseWindow> check_phase_window(const PhaseWindow& w) {
  using Result = Expected<PhaseWindow>;
  if (!(w.w2_lo > 0 && w.w2_hi > w.w2_lo && w.w2_hi <= kMaxSigmaW2)) {
    return Result::failure(window_message("sigma-w2", "0 <", kMaxSigmaW2, w.w2_lo, w.w2_hi));
  }
  if (!(w.b2_lo >= 0 && w.b2_hi > w.b2_lo && w.b2_hi <= kMaxSigmaB2)) {
    return Result::failure(window_message("sigma-b2", "0 <=", kMaxSigmaB2, w.b2_lo, w.b2_hi));
  }
  const auto in_range = [](int n) { return n >= 1 && n <= kMaxPhaseCells; };
  if (!in_range(w.nw) || !in_range(w.nb)) {
    return Result::failure("--cells: must be integers from 1 to " + std::to_string(kMaxPhaseCells) +
                           ", got " + std::to_string(w.nw) + " x " + std::to_string(w.nb));
  }
  return w;
}

Expected<CriticalLineWindow> check_critical_line_window(const CriticalLineWindow& w) {
  using Result = Expected<CriticalLineWindow>;
  if (!(w.q_lo > 0 && w.q_hi > w.q_lo && w.q_hi <= kMaxCriticalLineQ)) {
    return Result::failure(
        "--from, --to: q must run over 0 < from < to <= " + number_text(kMaxCriticalLineQ) +
        ", got " + number_text(w.q_lo) + " to " + number_text(w.q_hi));
  }
  if (w.points < 2 || w.points > kMaxCriticalLinePoints) {
    return Result::failure("--points: must be an integer from 2 to " +
                           std::to_string(kMaxCriticalLinePoints) + ", got " +
                           std::to_string(w.points));
  }
  return w;
}

}  // namespace actlab
