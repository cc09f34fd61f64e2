#pragma once
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"

namespace actlab::cli {

// {id, name, formula, derivative, max_derivative, argmax_derivative, max_attained, bounded,
//  range: [lo, hi] (null for an unbounded end), alpha: {default, min, max, value} or null,
//  constants: {name: value} (SELU's lambda and alpha; {} for the others)}
nlohmann::json activation_json(const Activation& act);

}  // namespace actlab::cli
