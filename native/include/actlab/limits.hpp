#pragma once
// The engine's limits and defaults of every flag in one list, built from the constants the
// checks use (curve.hpp, network.hpp, initializer.hpp, propagation.hpp): `actlab limits`
// prints it, the module exports it (wasm/bindings_limits.cpp), and the page reads its
// controls' ranges from it (web/state.js) instead of a copy.
#include <string>
#include <vector>

namespace actlab {

struct FlagLimit {
  std::string flag;  // the CLI flag without its dashes; the JS option is its camelCase
  double min = 0;
  double max = 0;
  bool min_exclusive = false;  // (min, ...: min itself is refused
  bool max_exclusive = false;
  bool integer = false;
  double fallback = 0;  // the default; NaN when the flag is required or its default depends
};

std::vector<FlagLimit> flag_limits();

}  // namespace actlab
