#include "actlab/spectrum_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "actlab/portable_math.hpp"

namespace actlab {

namespace {

constexpr int kBinsPerDecade[] = {50, 20, 10, 5, 2, 1};
const double kLn10 = 2.302585092994045684;

// log10 and 10^x by the portable log and exp: the same bits natively and in wasm.
double log10_of(double x) {
  return portable::log(x) / kLn10;
}

// The bin of a positive s: round(log10(s) * bins_per_decade), the index of the nearest power.
int bin_of(double s, int bins_per_decade) {
  return static_cast<int>(std::lround(log10_of(s) * bins_per_decade));
}

}  // namespace

double numerical_zero(double largest, int size) {
  return size * std::numeric_limits<double>::epsilon() * largest;
}

SpectrumHistogram spectrum_histogram(const std::vector<std::vector<double>>& spectra) {
  SpectrumHistogram out;
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  std::vector<double> zero_below;
  for (const std::vector<double>& s : spectra) {
    double largest = 0;
    for (const double x : s) largest = std::max(largest, x);
    const double zero = numerical_zero(largest, static_cast<int>(s.size()));
    zero_below.push_back(zero);
    int zeros = 0;
    for (const double x : s) {
      if (x > zero && x > 0) {
        lo = std::min(lo, x), hi = std::max(hi, x);
      } else {
        ++zeros;
      }
    }
    out.zeros.push_back(zeros);
  }
  out.counts.assign(spectra.size(), {});
  if (!(hi > 0)) return out;
  // The finest bins that cover [lo, hi] in at most kMaxSpectrumBins.
  int first = 0, last = 0;
  for (const int b : kBinsPerDecade) {
    out.bins_per_decade = b;
    first = bin_of(lo, b), last = bin_of(hi, b);
    if (last - first + 1 <= kMaxSpectrumBins) break;
  }
  const int b = out.bins_per_decade, bins = last - first + 1;
  for (int k = 0; k <= bins; ++k) out.edges.push_back(portable::exp(kLn10 * (first + k - 0.5) / b));
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    out.counts[i].assign(bins, 0);
    for (const double x : spectra[i]) {
      if (x > zero_below[i] && x > 0) ++out.counts[i][bin_of(x, b) - first];
    }
  }
  return out;
}

}  // namespace actlab
