#include "help_text.hpp"

#include "actlab/activation_info.hpp"
#include "actlab/message_text.hpp"

namespace actlab::cli {

std::string span(double lo, double hi) {
  return number_text(lo) + ".." + number_text(hi);
}

std::string alpha_help() {
  std::string list;
  for (const ActivationInfo& entry : activation_catalog()) {
    if (!entry.alpha) continue;
    list += (list.empty() ? "" : ", ") + entry.id + " (" +
            span(entry.alpha->min, entry.alpha->max) + ", default " +
            number_text(entry.alpha->default_value) + ")";
  }
  return "parameter of " + list;
}

}  // namespace actlab::cli
