// Embind: the engine's limits, defaults and number grammar (actlab/limits.hpp), in the shape of
// `actlab limits` (native/cli/limits_command.cpp), for the page's controls and URL parsing.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>

#include "actlab/limits.hpp"
#include "actlab/number_grammar.hpp"
#include "actlab/propagation.hpp"

using emscripten::val;

namespace {

val limits() {
  val flags = val::object();
  for (const actlab::FlagLimit& f : actlab::flag_limits()) {
    val entry = val::object();
    entry.set("min", f.min);
    entry.set("max", f.max);
    entry.set("min_exclusive", f.min_exclusive);
    entry.set("max_exclusive", f.max_exclusive);
    entry.set("integer", f.integer);
    entry.set("default", std::isnan(f.fallback) ? val::null() : val(f.fallback));
    flags.set(f.flag, entry);
  }
  val result = val::object();
  result.set("number_pattern", std::string(actlab::kNumberPattern));
  result.set("integer_pattern", std::string(actlab::kIntegerPattern));
  result.set("browser_memory_budget", static_cast<double>(actlab::kMemoryBudgetBytes));
  result.set("flags", flags);
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_limits) {
  emscripten::function("limits", &limits);
}
