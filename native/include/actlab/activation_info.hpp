#pragma once
// What the page and the CLI say about each activation: names, formulas, the supremum of
// |phi'| and where it is reached, the range, and where the function saturates.
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation.hpp"

namespace actlab {

struct AlphaSpec {
  double default_value;
  double min;
  double max;
};

// A fixed constant of an activation's formula, named by its symbol (SELU's "lambda", "alpha").
struct ActivationConstant {
  std::string name;
  double value;
};

struct ActivationInfo {
  ActivationKind kind;
  std::string id;                                  // CLI and URL id, e.g. "leaky-relu"
  std::string name;                                // display name
  std::string formula;                             // LaTeX of phi(z)
  std::string derivative;                          // LaTeX of phi'(z)
  std::optional<AlphaSpec> alpha;                  // present for the activations with a parameter
  std::vector<ActivationConstant> constants = {};  // the formula's fixed constants, if any
};

struct Interval {
  double lo;
  double hi;
};

const std::vector<ActivationInfo>& activation_catalog();
const ActivationInfo& info(ActivationKind kind);
std::string activation_ids();  // "identity, sigmoid, ..." for error messages

// The facts act's phi:: struct states (activation_facts.hpp), at act's alpha.
DerivativeMaximum derivative_maximum(const Activation& act);
Range range(const Activation& act);
std::vector<double> kinks(const Activation& act);  // ascending; empty where phi is smooth

// Where |phi'(z)| < eps * sup|phi'| within [from, to], as disjoint closed intervals located
// to 1e-12 by bisection on a fine grid. Empty for identity; [from, 0) for relu (eps < 1).
std::vector<Interval> saturation_regions(const Activation& act, double eps, double from, double to);

}  // namespace actlab
