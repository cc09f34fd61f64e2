// The phase diagram's window is checked against the engine's limits, and the message names the
// flag, the limit and what was given, in one line.
#include "actlab/phase_window.hpp"

#include <gtest/gtest.h>

#include "actlab/mean_field.hpp"
#include "actlab/message_text.hpp"
#include "actlab/phase_diagram.hpp"

namespace actlab {
namespace {

std::string error_of(const PhaseWindow& w) {
  const Expected<PhaseWindow> checked = check_phase_window(w);
  EXPECT_FALSE(checked.ok());
  return checked.ok() ? "" : checked.error();
}

TEST(PhaseWindow, TheWholeRangeAndOneCellAreAccepted) {
  EXPECT_TRUE(check_phase_window({1e-9, kMaxSigmaW2, 1, 0, kMaxSigmaB2, kMaxPhaseCells}).ok());
}

TEST(PhaseWindow, EachBadEndNamesItsFlagTheLimitAndTheValues) {
  const std::string w2_max = number_text(kMaxSigmaW2), b2_max = number_text(kMaxSigmaB2);
  EXPECT_EQ(error_of({0, 4, 8, 0, 1, 8}),
            "--sigma-w2: the diagram must run over 0 < from < to <= " + w2_max + ", got 0 to 4");
  EXPECT_EQ(error_of({2, 1, 8, 0, 1, 8}),
            "--sigma-w2: the diagram must run over 0 < from < to <= " + w2_max + ", got 2 to 1");
  EXPECT_EQ(error_of({1, kMaxSigmaW2 * 1.5, 8, 0, 1, 8}),
            "--sigma-w2: the diagram must run over 0 < from < to <= " + w2_max + ", got 1 to " +
                number_text(kMaxSigmaW2 * 1.5));
  EXPECT_EQ(
      error_of({1, 4, 8, -0.5, 1, 8}),
      "--sigma-b2: the diagram must run over 0 <= from < to <= " + b2_max + ", got -0.5 to 1");
  EXPECT_NE(error_of({1, 4, 8, 0, std::nan(""), 8}).find("got 0 to NaN"), std::string::npos);
}

TEST(PhaseWindow, CellsRunFromOneToTheLimit) {
  const std::string valid = "--cells: must be integers from 1 to " + std::to_string(kMaxPhaseCells);
  EXPECT_EQ(error_of({1, 4, 0, 0, 1, 8}), valid + ", got 0 x 8");
  EXPECT_EQ(error_of({1, 4, 8, 0, 1, kMaxPhaseCells + 1}),
            valid + ", got 8 x " + std::to_string(kMaxPhaseCells + 1));
}

TEST(CriticalLineWindow, QAndThePointsAreCheckedAgainstTheLimits) {
  EXPECT_TRUE(check_critical_line_window({1e-6, kMaxCriticalLineQ, 2}).ok());
  EXPECT_TRUE(check_critical_line_window({1e-6, 1e3, kMaxCriticalLinePoints}).ok());
  const auto error = [](const CriticalLineWindow& w) {
    const auto checked = check_critical_line_window(w);
    return checked.ok() ? std::string() : checked.error();
  };
  EXPECT_EQ(error({1, kMaxCriticalLineQ * 2, 10}),
            "--from, --to: q must run over 0 < from < to <= " + number_text(kMaxCriticalLineQ) +
                ", got 1 to " + number_text(kMaxCriticalLineQ * 2));
  EXPECT_EQ(error({1, 2, 1}), "--points: must be an integer from 2 to " +
                                  std::to_string(kMaxCriticalLinePoints) + ", got 1");
}

}  // namespace
}  // namespace actlab
