#include "actlab/activation.hpp"

#include <cmath>

#include "actlab/activation_info.hpp"
#include "actlab/message_text.hpp"

namespace actlab {

Expected<Activation> make_activation(const std::string& id, double alpha) {
  if (id.empty())
    return Expected<Activation>::failure("--act: required; valid: " + activation_ids());
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
      return Expected<Activation>::failure("--alpha: must be a number from " +
                                           number_text(spec.min) + " to " + number_text(spec.max) +
                                           " for " + id + ", got " + number_text(act.alpha));
    }
    return act;
  }
  return Expected<Activation>::failure("--act: unknown activation " + quoted_text(id) +
                                       "; valid: " + activation_ids());
}

}  // namespace actlab
