#pragma once
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"

namespace actlab::cli {

// The activation record (actlab/activation_record.hpp) as a JSON object.
nlohmann::json activation_json(const Activation& act);

}  // namespace actlab::cli
