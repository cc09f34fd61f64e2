#pragma once
// The rows of the flags several commands take, each written once: its name, placeholder and
// help line, the ranges and defaults from the engine's constants. A command's flag list names
// the shared rows it takes beside its own rows.
#include <optional>
#include <string>
#include <vector>

#include "args.hpp"

namespace actlab::cli {

FlagSpec act_flag();       // --act ID, required
FlagSpec alpha_flag();     // --alpha A: each activation that takes it, its range and default
FlagSpec init_std_flag();  // --init-std S of --init normal
FlagSpec gain_flag();      // --gain G of --init orthogonal
FlagSpec bias_std_flag();
FlagSpec seed_flag(const std::string& what = "random seed");  // --seed K
// --init ID: required; or one of --init and --sigma-w2 with --sigma-b2, which must follow
// init_or_sigma_flag() and the flags of --init (help_text.hpp's synopsis).
FlagSpec init_flag();
FlagSpec init_or_sigma_flag();
// --input-std S of the input named symbol ("X", "x").
FlagSpec input_std_flag(const std::string& symbol);
// --depth L and --width N: what they count, up to max; required unless fallback.
FlagSpec depth_flag(const std::string& what, int max, std::optional<int> fallback = std::nullopt);
FlagSpec width_flag(const std::string& what, int max, std::optional<int> fallback = std::nullopt);
// The mean-field point (sigma_w2, sigma_b2): required (theory, measure, critical), or in place
// of --init and --bias-std (propagate, jacobian).
FlagSpec sigma_w2_flag(bool in_place_of_init = false);
FlagSpec sigma_b2_flag(bool in_place_of_init = false);
FlagSpec q0_flag();
FlagSpec c0_flag();

// A command's output formats, the first the default: its --format row and its check.
struct Formats {
  std::vector<std::string> choices;
  FlagSpec flag() const;
  Expected<std::string> read(const Args& args) const;
};

}  // namespace actlab::cli
