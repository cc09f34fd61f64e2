#pragma once
// The activation record in one place: its fields in the order every output writes them,
// `actlab list --format json` (native/cli/activation_json.cpp), the module's listActivations()
// and describeActivation() (wasm/bindings.cpp), and the names the tests compare over (the
// module's fields().activation). Each output is a writer W with
//   text(name, std::string), number(name, double), boolean(name, bool),
//   optional_number(name, std::optional<double>)        null when absent,
//   pair(name, std::optional<double>, std::optional<double>)   [lo, hi], null ends,
//   object(name, present, fill)                          null unless present, else the object
//                                                        that fill(W&) writes.
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"

namespace actlab {

template <class W>
void write_activation_record(const Activation& act, W& w) {
  const ActivationInfo& entry = info(act.kind);
  const DerivativeMaximum max = derivative_maximum(act);
  const Range r = range(act);
  w.text("id", entry.id);
  w.text("name", entry.name);
  w.text("formula", entry.formula);
  w.text("derivative", entry.derivative);
  w.number("max_derivative", max.value);
  w.optional_number("argmax_derivative", max.argmax);
  w.boolean("max_attained", max.attained);
  w.boolean("bounded", r.bounded());
  w.pair("range", r.lo, r.hi);
  // With its value resolved: sup|phi'| and the range depend on it.
  w.object("alpha", entry.alpha.has_value(), [&](W& alpha) {
    alpha.number("default", entry.alpha->default_value);
    alpha.number("min", entry.alpha->min);
    alpha.number("max", entry.alpha->max);
    alpha.number("value", act.alpha);
  });
  // The formula's fixed constants by symbol (SELU's lambda and alpha; empty for the others).
  w.object("constants", true, [&](W& constants) {
    for (const ActivationConstant& c : entry.constants) constants.number(c.name, c.value);
  });
}

// The record's top-level field names, in that order.
std::vector<std::string> activation_record_fields();

}  // namespace actlab
