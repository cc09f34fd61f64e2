#pragma once
// Optional numbers in JSON (null) and text (none) where the theory has no finite value.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace actlab::cli {

inline nlohmann::json number_or_null(std::optional<double> x) {
  if (!x || !std::isfinite(*x)) return nullptr;
  return *x;
}

// Text of the same: %.*g, or "none".
inline std::string number_or_none(std::optional<double> x, int digits = 6) {
  if (!x || !std::isfinite(*x)) return "none";
  char out[32];
  std::snprintf(out, sizeof out, "%.*g", digits, *x);
  return out;
}

}  // namespace actlab::cli
