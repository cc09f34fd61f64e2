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

// The supremum of |phi'| over the real line and where it is reached.
struct DerivativeMaximum {
  double value;
  std::optional<double> argmax;  // nullopt where no single point (relu: every z >= 0)
  bool attained;                 // false where only approached (selu: z -> 0 from the left)
};

// The range of phi; nullopt ends are unbounded.
struct Range {
  std::optional<double> lo;
  std::optional<double> hi;
  bool bounded() const { return lo.has_value() && hi.has_value(); }
};

struct Interval {
  double lo;
  double hi;
};

const std::vector<ActivationInfo>& activation_catalog();
const ActivationInfo& info(ActivationKind kind);
std::string activation_ids();  // "identity, sigmoid, ..." for error messages

DerivativeMaximum derivative_maximum(const Activation& act);
Range range(const Activation& act);

// Where |phi'(z)| < eps * sup|phi'| within [from, to], as disjoint closed intervals located
// to 1e-12 by bisection on a fine grid. Empty for identity; [from, 0) for relu (eps < 1).
std::vector<Interval> saturation_regions(const Activation& act, double eps, double from, double to);

}  // namespace actlab
