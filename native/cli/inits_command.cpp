#include <cstdio>
#include <nlohmann/json.hpp>

#include "actlab/initializer.hpp"
#include "command.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json"}};

namespace {

std::string table() {
  std::string out = "id              name                              flag        reference\n";
  char line[256];
  for (const InitializerInfo& entry : initializer_catalog()) {
    const char* flag = entry.needs_std ? "--init-std" : entry.needs_gain ? "--gain" : "-";
    std::snprintf(line, sizeof line, "%-15s %-33s %-11s %s\n", entry.id.c_str(), entry.name.c_str(),
                  flag, entry.reference.c_str());
    out += line;
  }
  return out;
}

Expected<std::string> run_inits(const Args& args) {
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  if (format.value() == "text") return table();
  nlohmann::json list = nlohmann::json::array();
  for (const InitializerInfo& entry : initializer_catalog()) {
    list.push_back({{"id", entry.id},
                    {"name", entry.name},
                    {"formula", entry.formula},
                    {"reference", entry.reference},
                    {"needs_std", entry.needs_std},
                    {"needs_gain", entry.needs_gain}});
  }
  return list.dump(2) + "\n";
}

}  // namespace

Command inits_command() {
  return {
      "inits", "the weight initializers, their formulas and papers", {kFormats.flag()}, run_inits};
}

}  // namespace actlab::cli
