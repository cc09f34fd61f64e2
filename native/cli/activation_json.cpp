#include "activation_json.hpp"

namespace actlab::cli {

namespace {

nlohmann::json optional_number(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json activation_json(const Activation& act) {
  const ActivationInfo& entry = info(act.kind);
  const DerivativeMaximum max = derivative_maximum(act);
  const Range r = range(act);
  nlohmann::json alpha = nullptr;
  if (entry.alpha) {
    alpha = {{"default", entry.alpha->default_value},
             {"min", entry.alpha->min},
             {"max", entry.alpha->max},
             {"value", act.alpha}};
  }
  nlohmann::json constants = nlohmann::json::object();
  for (const ActivationConstant& c : entry.constants) constants[c.name] = c.value;
  return {{"id", entry.id},
          {"name", entry.name},
          {"formula", entry.formula},
          {"derivative", entry.derivative},
          {"max_derivative", max.value},
          {"argmax_derivative", optional_number(max.argmax)},
          {"max_attained", max.attained},
          {"bounded", r.bounded()},
          {"range", {optional_number(r.lo), optional_number(r.hi)}},
          {"alpha", alpha},
          {"constants", constants}};
}

}  // namespace actlab::cli
