#include <cmath>
#include <nlohmann/json.hpp>

#include "actlab/limits.hpp"
#include "actlab/number_grammar.hpp"
#include "actlab/propagation.hpp"
#include "command.hpp"

namespace actlab::cli {

namespace {

// The shape of the module's limits() (wasm/bindings_limits.cpp), key for key.
Expected<std::string> run_limits(const Args&) {
  nlohmann::json flags = nlohmann::json::object();
  for (const FlagLimit& f : flag_limits()) {
    flags[f.flag] = {
        {"min", f.min},
        {"max", f.max},
        {"min_exclusive", f.min_exclusive},
        {"max_exclusive", f.max_exclusive},
        {"integer", f.integer},
        {"default", std::isnan(f.fallback) ? nlohmann::json(nullptr) : nlohmann::json(f.fallback)}};
  }
  const nlohmann::json doc = {{"number_pattern", kNumberPattern},
                              {"integer_pattern", kIntegerPattern},
                              {"browser_memory_budget", kMemoryBudgetBytes},
                              {"flags", flags}};
  return doc.dump(2) + "\n";
}

}  // namespace

Command limits_command() {
  return {"limits",
          "the engine's limits and defaults of every flag and its number grammar, as JSON",
          {},
          run_limits};
}

}  // namespace actlab::cli
