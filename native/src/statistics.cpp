#include "actlab/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace actlab {

namespace {

constexpr std::size_t kSumLanes = 8;  // mean_std()'s partial sums

// The partial sums' total: lanes k and k + w added for w = kSumLanes / 2, ..., 1.
double add_lanes(double* sums) {
  for (std::size_t width = kSumLanes / 2; width > 0; width /= 2) {
    for (std::size_t k = 0; k < width; ++k) sums[k] += sums[k + width];
  }
  return sums[0];
}

// Values binned per block: their bins first, in a loop that vectorizes, then counted.
constexpr std::size_t kBlock = 1024;

std::uint32_t bits_of(float x) {
  std::uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

std::uint64_t bits_of(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

// A float's bits as a key that orders like the numbers: a negative one's bits all flipped,
// a positive one's sign bit set.
std::uint32_t order_key(float x) {
  const std::uint32_t bits = bits_of(x);
  return bits >> 31 ? ~bits : bits | 0x80000000u;
}

float from_order_key(std::uint32_t key) {
  const std::uint32_t bits = key >> 31 ? key & 0x7fffffffu : ~key;
  float x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

// The key of the given rank among keys[0..n): the bucket of its top 12 bits, then of the next
// 12 among the keys in that bucket, then of the last 8. candidates: n words.
std::uint32_t select_key(const std::uint32_t* keys, std::size_t n, std::size_t rank,
                         std::uint32_t* candidates) {
  struct Digit {
    int shift, bits;
  };
  constexpr Digit kDigits[] = {{20, 12}, {8, 12}, {0, 8}};
  std::uint32_t count[1 << 12];
  std::uint32_t prefix = 0, mask = 0;
  for (const Digit& digit : kDigits) {
    const std::uint32_t digit_mask = (1u << digit.bits) - 1;
    std::fill(count, count + (1 << digit.bits), 0);
    for (std::size_t i = 0; i < n; ++i) ++count[(keys[i] >> digit.shift) & digit_mask];
    std::uint32_t bucket = 0;
    while (rank >= count[bucket]) rank -= count[bucket++];
    prefix |= bucket << digit.shift;
    mask |= digit_mask << digit.shift;
    if (digit.shift == 0) break;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if ((keys[i] & mask) == prefix) candidates[kept++] = keys[i];
    }
    keys = candidates, n = kept;
  }
  return prefix;
}

}  // namespace

std::pair<float, float> order_statistics(const float* values, std::size_t n, std::size_t low,
                                         std::size_t high, std::uint32_t* scratch) {
  std::uint32_t* keys = scratch;
  for (std::size_t i = 0; i < n; ++i) keys[i] = order_key(values[i]);
  return {from_order_key(select_key(keys, n, low, scratch + n)),
          from_order_key(select_key(keys, n, high, scratch + n))};
}

float float_above(double x) {
  const auto f = static_cast<float>(x);
  return double(f) >= x ? f : std::nextafter(f, INFINITY);
}

MeanStd mean_std(const float* x, std::size_t n) {
  const double shift = x[0];
  double sum[kSumLanes] = {}, sum_sq[kSumLanes] = {};
  std::size_t i = 0;
  for (; i + kSumLanes <= n; i += kSumLanes) {
    for (std::size_t k = 0; k < kSumLanes; ++k) {
      const double d = double(x[i + k]) - shift;
      sum[k] += d;
      sum_sq[k] += d * d;
    }
  }
  for (std::size_t k = 0; i < n; ++i, ++k) {
    const double d = double(x[i]) - shift;
    sum[k] += d;
    sum_sq[k] += d * d;
  }
  const double count = double(n), s = add_lanes(sum), s2 = add_lanes(sum_sq);
  const double var = (s2 - s * s / count) / count;
  // var < 0 only by rounding when every value is about the same; NaN stays NaN.
  return {shift + s / count, var > 0 ? std::sqrt(var) : std::isnan(var) ? var : 0};
}

double root_mean_square(const float* x, std::size_t n) {
  double sum_sq[kSumLanes] = {};
  std::size_t i = 0;
  for (; i + kSumLanes <= n; i += kSumLanes) {
    for (std::size_t k = 0; k < kSumLanes; ++k) sum_sq[k] += double(x[i + k]) * double(x[i + k]);
  }
  for (std::size_t k = 0; i < n; ++i, ++k) sum_sq[k] += double(x[i]) * double(x[i]);
  return std::sqrt(add_lanes(sum_sq) / double(n));
}

std::vector<double> linear_edges(double lo, double hi, int bins) {
  std::vector<double> edges(bins + 1);
  for (int j = 0; j < bins; ++j) edges[j] = lo + (hi - lo) * j / bins;
  edges[bins] = hi;
  return edges;
}

LinearBins::LinearBins(const std::vector<double>& edges)
    : bins_(static_cast<int>(edges.size()) - 1),
      lo_(edges.front()),
      scale_(bins_ / (edges.back() - lo_)) {}

void LinearBins::count(const float* x, std::size_t n, std::uint32_t* counts) const {
  const double top = bins_ - 1;
  std::uint32_t bin[kBlock];
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t m = std::min(kBlock, n - start);
    for (std::size_t i = 0; i < m; ++i) {
      // bin(x) without a conversion to int, which does not vectorize: t clamped to [0, M - 1]
      // (NaN to the top), its floor is the bin, and the floor + 2^52 has it in the low bits.
      double t = (double(x[start + i]) - lo_) * scale_;
      t = t < top ? t : top;
      t = 0 < t ? t : 0;
      bin[i] = static_cast<std::uint32_t>(bits_of(std::floor(t) + 0x1p52));
    }
    for (std::size_t i = 0; i < m; ++i) ++counts[bin[i]];
  }
}

std::uint64_t LogMagnitudeBins::bytes(int bins) {
  return sizeof(std::uint32_t) * bins + sizeof(std::uint16_t) * kTableSize;
}

void LogMagnitudeBins::set_edges(const std::vector<double>& inner) {
  thresholds_.resize(inner.size() + 1);
  for (std::size_t j = 0; j < inner.size(); ++j) thresholds_[j] = bits_of(float_above(inner[j]));
  thresholds_.back() = 0xffffffffu;  // above every |x|'s bits: ends the steps
  // The slices' lowest values increase with top, so the counts come from one sweep.
  first_.resize(kTableSize);
  std::size_t bin = 0;
  for (std::size_t top = 0; top < kTableSize; ++top) {
    const auto lowest = static_cast<std::uint32_t>(top << 16);
    while (bin < inner.size() && thresholds_[bin] <= lowest) ++bin;
    first_[top] = static_cast<std::uint16_t>(bin);
  }
}

void LogMagnitudeBins::count(const float* x, std::size_t n, std::uint32_t* counts) const {
  const std::uint32_t* thresholds = thresholds_.data();
  const std::uint16_t* first = first_.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t magnitude = bits_of(x[i]) & 0x7fffffffu;
    std::size_t bin = first[magnitude >> 16];
    while (magnitude >= thresholds[bin]) ++bin;
    ++counts[bin];
  }
}

}  // namespace actlab
