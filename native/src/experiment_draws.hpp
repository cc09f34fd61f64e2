#pragma once
// Every random draw of propagate()'s experiment (X, W_1..W_L, b_1..b_L, G) and their hash
// (Propagation::draws_hash): the same on every target for a seed.
#include <cstdint>
#include <vector>

#include "actlab/gradient_scale.hpp"
#include "actlab/network.hpp"
#include "actlab/propagation_request.hpp"
#include "weight_store.hpp"

namespace actlab {

// Draws the experiment's inputs, weights, biases and upstream gradient into net, each quantity
// from its own stream, the weights through `weights` (which keeps them for the next runs) with
// their summaries, using weight_scratch (weight_scratch_doubles) for orthogonal; returns the
// hash of their float bits.
std::uint64_t draw_experiment(const PropagationConfig& c, Network<float>& net,
                              double* weight_scratch, WeightStore& weights,
                              std::vector<WeightSummary>& weight_summaries);

}  // namespace actlab
