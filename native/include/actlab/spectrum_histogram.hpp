#pragma once
// Histograms of singular-value spectra on one log axis (the dynamical-isometry figure, after
// Pennington, Schoenholz & Ganguli 2017, Fig. 1): bins of equal width in log10, centred on the
// powers 10^(k / bins_per_decade), so that a spectrum whose values all equal one such power
// (1 = 10^0: the identity network with orthogonal weights at gain 1) fills one bin, rounding
// on either side included. Every spectrum shares the bins. A singular value at or below
// N eps s_max of its own spectrum (Eigen's rank threshold: N values, eps the double epsilon,
// s_max the largest) is zero to double precision: it is counted apart, not binned.
#include <vector>

namespace actlab {

inline constexpr int kMaxSpectrumBins = 64;  // bins_per_decade is the finest that stays within

struct SpectrumHistogram {
  int bins_per_decade = 1;               // one of 1, 2, 5, 10, 20, 50
  std::vector<double> edges;             // bins + 1, ascending; empty when no value is positive
  std::vector<std::vector<int>> counts;  // per spectrum, one count per bin
  std::vector<int> zeros;                // per spectrum: values zero to double precision
};

// The numerical zero of a spectrum of `size` values whose largest is `largest`.
double numerical_zero(double largest, int size);

SpectrumHistogram spectrum_histogram(const std::vector<std::vector<double>>& spectra);

}  // namespace actlab
