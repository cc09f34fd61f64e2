#pragma once
// The rows beside a histogram's M bins, so that no value is counted in a bin it does not
// belong to: exact zeros (for log10|x| they have no bin at all; for ReLU's h they are half the
// values), and the values below the first edge or above the last one. A layer's bins and its
// three tails together count every one of its B N values.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace actlab {

struct HistogramTails {
  std::uint32_t zero = 0;   // x == 0 (either sign)
  std::uint32_t below = 0;  // x != 0 below the first edge
  std::uint32_t above = 0;  // above the last edge, and NaN
};

// The tails' names, in this order, as the CLI's JSON, the module and the page's CSV name them.
struct TailField {
  const char* name;
  std::uint32_t HistogramTails::*count;
};
inline constexpr std::array<TailField, 3> kTailFields = {{{"zero", &HistogramTails::zero},
                                                          {"below", &HistogramTails::below},
                                                          {"above", &HistogramTails::above}}};

// For x[0..n) already counted into counts[0..M) by LinearBins(edges) (which puts values beyond
// the ends in the end bins): counts the tails, x > edges[M] being above, and takes them out of
// the bins they were put in. The last bin is closed: edges[M] itself stays in it.
HistogramTails take_linear_tails(const float* x, std::size_t n, const std::vector<double>& edges,
                                 std::uint32_t* counts);

// The same for the bins of log10|x| counted by LogMagnitudeBins (zeros in the lowest bin, inf
// and NaN in the top one): below is 0 < |x| < lo, above |x| > hi, where lo and hi are the
// first and last edges as magnitudes, 10^edges[0] and 10^edges[M].
HistogramTails take_log_tails(const float* x, std::size_t n, double lo, double hi, int bins,
                              std::uint32_t* counts);

}  // namespace actlab
