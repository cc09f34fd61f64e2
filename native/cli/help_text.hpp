#pragma once
// Pieces of the commands' --help built from the engine's limits, defaults and catalog, so that
// the help says what the checks accept.
#include <string>

namespace actlab::cli {

// "lo..hi", the numbers as messages write them.
std::string span(double lo, double hi);

// --alpha's help: each activation that takes it, with its default and range.
std::string alpha_help();

}  // namespace actlab::cli
