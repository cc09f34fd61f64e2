#pragma once
// "--flag value" parsing for one subcommand. Every failure is one message that names the
// flag and says what it accepts.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actlab/expected.hpp"

namespace actlab::cli {

// Whether a command needs a flag, as its usage line and --help show it:
// - required: "--act ID", and "..., required" in --help; optional: "[--alpha A]";
// - with_previous: given together with the flag before it ("[--sigma-w2 S --sigma-b2 B]");
// - one_of, then alternative: one of two groups is required, the flags from one_of up to
//   the alternative, or the alternative with the flags given with it:
//   "(--init ID [--init-std S] | --sigma-w2 S --sigma-b2 B)".
enum class Need { optional, required, with_previous, one_of, alternative };

struct FlagSpec {
  std::string name;         // without the dashes, e.g. "act"
  std::string placeholder;  // e.g. "ID"; empty for a flag that takes no value
  std::string help;
  Need need = Need::optional;
};

class Args {
 public:
  // Reads argv[first..argc) against the flags the command accepts.
  static Expected<Args> parse(int argc, char** argv, int first, const std::string& command,
                              const std::vector<FlagSpec>& flags);

  // --help or -h in a flag's place.
  bool help() const { return help_; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string text(const std::string& name, const std::string& fallback) const;
  Expected<double> number(const std::string& name, double fallback) const;
  Expected<int> integer(const std::string& name, int fallback) const;
  // nullopt when the flag is absent.
  Expected<std::optional<double>> optional_number(const std::string& name) const;
  Expected<std::optional<int>> optional_integer(const std::string& name) const;
  // One of `choices`, or the fallback when absent.
  Expected<std::string> choice(const std::string& name, const std::vector<std::string>& choices,
                               const std::string& fallback) const;

 private:
  std::map<std::string, std::string> values_;
  bool help_ = false;
};

}  // namespace actlab::cli
