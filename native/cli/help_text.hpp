#pragma once
// Pieces of the commands' --help built from the engine's limits, defaults and catalog, so that
// the help says what the checks accept.
#include <string>
#include <vector>

#include "args.hpp"

namespace actlab::cli {

// The usage line after "actlab NAME", from the flags in their order:
// "--act ID [--alpha A] ... [--sigma-w2 S --sigma-b2 B]".
std::string synopsis(const std::vector<FlagSpec>& flags);

// A flag's line of --help: its help, then ", required" when it is.
std::string flag_help(const FlagSpec& flag);

// "lo..hi", the numbers as messages write them.
std::string span(double lo, double hi);

// --alpha's help: each activation that takes it, with its default and range.
std::string alpha_help();

}  // namespace actlab::cli
