#pragma once
// An activation sampled on an evenly spaced grid: what `actlab curve` prints and the
// activation figure plots.
#include <cstddef>
#include <vector>

#include "actlab/activation.hpp"
#include "actlab/expected.hpp"

namespace actlab {

struct CurveGrid {
  double from = -6;
  double to = 6;
  int points = 241;
};

inline constexpr int kMinCurvePoints = 2;
inline constexpr int kMaxCurvePoints = 1000000;
inline constexpr double kMaxCurveAbsZ = 1e4;

struct Curve {
  std::vector<double> z;
  std::vector<double> value;
  std::vector<double> derivative;
};

// Checks --from, --to and --points; the message names the flag and the valid values.
Expected<CurveGrid> check_curve_grid(const CurveGrid& grid);

// z_i = from + (to - from) i / (points - 1), i = 0..points-1: both ends exact.
Curve sample_curve(const Activation& act, const CurveGrid& grid);

// The grid's points i = begin..begin+count-1 of sample_curve and phi, phi' there, bitwise
// sample_curve's, into z, h and dphi (count each): a long curve in pieces that stay in cache.
void sample_curve_range(const Activation& act, const CurveGrid& grid, std::size_t begin,
                        std::size_t count, double* z, double* h, double* dphi);

// h[i] = phi(z[i]) and dphi[i] = phi'(z[i]) in double, bitwise what evaluate() gives, two
// points at a time where the target has 128-bit SIMD (WebAssembly SIMD, SSE2): the curves'
// evaluation (native/src/curve_f64x2.cpp).
void evaluate_curve(const Activation& act, const double* z, double* h, double* dphi, std::size_t n);

}  // namespace actlab
