#include "shared_flags.hpp"

#include "actlab/initializer.hpp"
#include "actlab/mean_field.hpp"
#include "actlab/message_text.hpp"
#include "actlab/propagation_request.hpp"
#include "help_text.hpp"

namespace actlab::cli {

namespace {

std::string n(double x) {
  return number_text(x);
}

// " (default D)", or nothing for a required flag.
std::string default_text(std::optional<int> fallback) {
  return fallback ? " (default " + n(*fallback) + ")" : "";
}

Need need(std::optional<int> fallback) {
  return fallback ? Need::optional : Need::required;
}

}  // namespace

FlagSpec act_flag() {
  return {"act", "ID", "activation id (see `actlab list`)", Need::required};
}

FlagSpec alpha_flag() {
  return {"alpha", "A", alpha_help()};
}

FlagSpec init_flag() {
  return {"init", "ID", "initializer id (see `actlab inits`)", Need::required};
}

FlagSpec init_or_sigma_flag() {
  return {"init", "ID", "initializer id (see `actlab inits`), required unless --sigma-w2 is given",
          Need::one_of};
}

FlagSpec init_std_flag() {
  return {"init-std", "S",
          "standard deviation of --init normal, in (0, " + n(kMaxInitScale) + "], required by it"};
}

FlagSpec gain_flag() {
  return {"gain", "G",
          "gain of --init orthogonal, in (0, " + n(kMaxInitScale) + "] (default " +
              n(kDefaultGain) + ")"};
}

FlagSpec input_std_flag(const std::string& symbol) {
  return {"input-std", "S",
          "standard deviation of the input " + symbol + ", in (0, " + n(kMaxInputScale) +
              "] (default " + n(kDefaultInputStd) + ")"};
}

FlagSpec bias_std_flag() {
  return {"bias-std", "S",
          "standard deviation of the biases, " + span(0, kMaxInputScale) + " (default " +
              n(kDefaultBiasStd) + ": zero biases)"};
}

FlagSpec seed_flag(const std::string& what) {
  return {"seed", "K",
          what + ", an integer " + span(0, kMaxSeed) + " (default " + n(kDefaultSeed) + ")"};
}

FlagSpec depth_flag(const std::string& what, int max, std::optional<int> fallback) {
  return {"depth", "L", what + ", " + span(1, max) + default_text(fallback), need(fallback)};
}

FlagSpec width_flag(const std::string& what, int max, std::optional<int> fallback) {
  return {"width", "N", what + ", " + span(1, max) + default_text(fallback), need(fallback)};
}

FlagSpec sigma_w2_flag(bool in_place_of_init) {
  const std::string range = "(0, " + n(kMaxSigmaW2) + "]";
  if (in_place_of_init) {
    return {"sigma-w2", "S",
            "instead of --init: W ~ N(0, S/N), S in " + range + "; with --sigma-b2",
            Need::alternative};
  }
  return {"sigma-w2", "S", "weight variance times fan-in, in " + range, Need::required};
}

FlagSpec sigma_b2_flag(bool in_place_of_init) {
  const std::string range = "[0, " + n(kMaxSigmaB2) + "]";
  if (in_place_of_init) {
    return {"sigma-b2", "B",
            "instead of --bias-std: b ~ N(0, B), B in " + range + "; with --sigma-w2",
            Need::with_previous};
  }
  return {"sigma-b2", "B", "bias variance, in " + range, Need::required};
}

FlagSpec q0_flag() {
  return {"q0", "Q",
          "the inputs' second moment per coordinate, in (0, " + n(kMaxQ0) + "] (default " +
              n(kDefaultQ0) + ")"};
}

FlagSpec c0_flag() {
  return {"c0", "C", "the two inputs' correlation, in [-1, 1] (default " + n(kDefaultC0) + ")"};
}

FlagSpec Formats::flag() const {
  std::string placeholder;
  for (const std::string& c : choices) placeholder += (placeholder.empty() ? "" : "|") + c;
  return {"format", placeholder, "output format (default " + choices.front() + ")"};
}

Expected<std::string> Formats::read(const Args& args) const {
  return args.choice("format", choices, choices.front());
}

}  // namespace actlab::cli
