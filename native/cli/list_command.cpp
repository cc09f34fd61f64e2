#include <cmath>
#include <cstdio>

#include "activation_json.hpp"
#include "command.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json"}};

namespace {

std::string end_text(const std::optional<double>& x, const char* infinity) {
  if (!x) return infinity;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", *x);
  return buffer;
}

std::string table() {
  std::string out = "id          name           sup|phi'|   at        range\n";
  for (const ActivationInfo& entry : activation_catalog()) {
    const Activation act = make_activation(entry.id, std::nan("")).value();
    const DerivativeMaximum max = derivative_maximum(act);
    const Range r = range(act);
    const std::string at = max.argmax ? (max.attained ? "" : "->") + end_text(max.argmax, "") : "-";
    char line[256];
    std::snprintf(line, sizeof line, "%-11s %-14s %-11.6g %-9s (%s, %s)\n", entry.id.c_str(),
                  entry.name.c_str(), max.value, at.c_str(), end_text(r.lo, "-inf").c_str(),
                  end_text(r.hi, "inf").c_str());
    out += line;
  }
  return out;
}

Expected<std::string> run_list(const Args& args) {
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  if (format.value() == "text") return table();
  nlohmann::json list = nlohmann::json::array();
  for (const ActivationInfo& entry : activation_catalog()) {
    list.push_back(activation_json(make_activation(entry.id, std::nan("")).value()));
  }
  return list.dump(2) + "\n";
}

}  // namespace

Command list_command() {
  return {
      "list", "the activations, their formulas, sup|phi'| and range", {kFormats.flag()}, run_list};
}

}  // namespace actlab::cli
