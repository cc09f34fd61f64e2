#pragma once
// The PCG32 streams of propagate()'s experiment (rng.hpp): one per quantity, so that changing
// one of them (say --bias-std) leaves the others' draws as they were.
#include <cstdint>

namespace actlab {

enum Stream : std::uint64_t { kWeights = 1, kBiases = 2, kInput = 3, kUpstream = 4, kSampling = 5 };

}  // namespace actlab
