#include "actlab/activation.hpp"

#include <cmath>
#include <sstream>

#include "actlab/activation_info.hpp"

namespace actlab {

namespace {

std::string format_number(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

}  // namespace

Expected<Activation> make_activation(const std::string& id, double alpha) {
  for (const ActivationInfo& entry : activation_catalog()) {
    if (entry.id != id) continue;
    Activation act{entry.kind, 0.0};
    if (!entry.alpha) {
      if (!std::isnan(alpha)) {
        return Expected<Activation>::failure("--alpha: " + id +
                                             " takes no alpha; only leaky-relu and elu do");
      }
      return act;
    }
    const AlphaSpec& spec = *entry.alpha;
    act.alpha = std::isnan(alpha) ? spec.default_value : alpha;
    if (!(act.alpha >= spec.min && act.alpha <= spec.max)) {
      return Expected<Activation>::failure(
          "--alpha: must be a number from " + format_number(spec.min) + " to " +
          format_number(spec.max) + " for " + id + ", got " + format_number(act.alpha));
    }
    return act;
  }
  return Expected<Activation>::failure("--act: unknown activation '" + id +
                                       "'; valid: " + activation_ids());
}

}  // namespace actlab
