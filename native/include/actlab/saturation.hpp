#pragma once
// The saturated and dead fractions of a layer, as `actlab propagate` defines them and the
// training log reuses: an entry (example, unit) is saturated where |phi'(z)| < eps sup|phi'|,
// a unit is dead where phi'(z) = 0 for every example.
#include <cstddef>
#include <cstdint>

#include "actlab/activation.hpp"

namespace actlab {

// The default eps of --saturation-eps.
inline constexpr double kDefaultSaturationEps = 0.1;

// eps sup|phi'| (in double) as the float t for which |phi'| < t in float says the same.
float saturation_threshold(const Activation& act, double eps);

// The entries of phi'(z) [rows x cols], row-major, with |phi'| < threshold; alive[j] (cols
// words): unit j has phi' != 0 for some example.
std::uint32_t count_saturated(const float* dphi, std::size_t rows, std::size_t cols,
                              float threshold, std::uint32_t* alive);

// The fraction of units j < cols with alive[j] == 0.
double dead_fraction(const std::uint32_t* alive, std::size_t cols);

}  // namespace actlab
