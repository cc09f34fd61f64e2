#include "help_text.hpp"

#include "actlab/activation_info.hpp"
#include "actlab/message_text.hpp"

namespace actlab::cli {

std::string span(double lo, double hi) {
  return number_text(lo) + ".." + number_text(hi);
}

std::string synopsis(const std::vector<FlagSpec>& flags) {
  std::string line;
  bool in_alternative = false;  // after an alternative, its with_previous flags are bare
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const FlagSpec& flag = flags[i];
    const bool joined = i + 1 < flags.size() && flags[i + 1].need == Need::with_previous;
    std::string word = "--" + flag.name;
    if (!flag.placeholder.empty()) word += " " + flag.placeholder;
    switch (flag.need) {
      case Need::required:
        break;
      case Need::optional:
        word = "[" + word + (joined ? "" : "]");
        break;
      case Need::with_previous:
        if (!joined) {
          word += in_alternative ? ")" : "]";
          in_alternative = false;
        }
        break;
      case Need::one_of:
        word = "(" + word;
        break;
      case Need::alternative:
        word = "| " + word + (joined ? "" : ")");
        in_alternative = joined;
        break;
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return line;
}

std::string flag_help(const FlagSpec& flag) {
  return flag.help + (flag.need == Need::required ? ", required" : "");
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
