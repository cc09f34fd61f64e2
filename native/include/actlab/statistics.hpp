#pragma once
// The summaries propagate() takes of a layer's B x N float values: moments in double and
// histograms. Every sum runs in an order fixed by the code, so a build for any target gives
// the same bits.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace actlab {

struct MeanStd {
  double mean = 0;
  double std = 0;  // population standard deviation
};

// Of x[0..n), n >= 1, in one pass from sums of x - x[0] (no cancellation in
// sum d^2 - (sum d)^2 / n when |mean| >> std), kept as 8 partial sums: x[i] goes to sum
// i mod 8, the sums are added pairwise at the end. Independent chains a compiler
// may keep in SIMD lanes but never reorders. NaN in, NaN out.
MeanStd mean_std(const float* x, std::size_t n);
// sqrt((1/n) sum x^2), summed in double the same way.
double root_mean_square(const float* x, std::size_t n);

// The smallest float >= x: for every float a, a < x exactly when a < float_above(x).
float float_above(double x);

// The values of ranks low and high (0-based, < n) among the n finite floats values[0..n),
// ordered as numbers with -0 below +0: radix selection on keys that order like the values
// (three digits, each counted over the values left in the rank's bucket), the same value on
// every target. scratch: 2n words.
std::pair<float, float> order_statistics(const float* values, std::size_t n, std::size_t low,
                                         std::size_t high, std::uint32_t* scratch);

// Equal bins of [edges[0], edges[M]) (edges as linear_edges() spaces them); values below and
// above go to the end bins, NaN to the top.
class LinearBins {
 public:
  explicit LinearBins(const std::vector<double>& edges);
  // Adds the bins of x[0..n) to counts[0..M).
  void count(const float* x, std::size_t n, std::uint32_t* counts) const;

 private:
  int bins_;
  double lo_, scale_;
};

// M + 1 equally spaced edges from lo to hi, the last exactly hi.
std::vector<double> linear_edges(double lo, double hi, int bins);

// Bins of log10 |x| between inner edges given as magnitudes 10^e_1 < ... < 10^e_{M-1}, so that
// no logarithm is taken per value; 0 falls in the lowest bin, inf and NaN in the top one. A
// value's bin is the number of inner edges <= |x| (as std::upper_bound would count them). For
// a float a >= 0 and a threshold t, a >= t exactly when a's bits >= the bits of the smallest
// float >= t, and nonnegative floats order like their bits: each value is binned in integers,
// from a table over |x|'s top 15 bits (exponent and 7 bits of mantissa) holding the count at
// the slice's lowest value, then stepping over the few edges inside the slice.
class LogMagnitudeBins {
 public:
  static constexpr std::size_t kTableSize = std::size_t{1} << 15;  // sign bit dropped
  // The bytes set_edges() holds for M bins.
  static std::uint64_t bytes(int bins);

  void set_edges(const std::vector<double>& inner);
  // Adds the bins of x[0..n) to counts[0..M).
  void count(const float* x, std::size_t n, std::uint32_t* counts) const;

 private:
  std::vector<std::uint32_t> thresholds_;  // the inner edges' float bits, then 2^32 - 1
  std::vector<std::uint16_t> first_;       // per slice: edges <= its lowest value
};

}  // namespace actlab
