#pragma once
// One subcommand of `actlab`: its flags (which also make its --help) and what it prints.
#include <string>
#include <vector>

#include "actlab/expected.hpp"
#include "args.hpp"

namespace actlab::cli {

struct Command {
  std::string name;
  std::string summary;          // one line for `actlab --help`
  std::vector<FlagSpec> flags;  // in the order of the usage line (help_text.hpp's synopsis)
  // The whole output, produced before anything is printed: bad input prints nothing else.
  Expected<std::string> (*run)(const Args& args);
  std::string details = "";  // more lines for `actlab NAME --help`, when the summary is not enough
};

const std::vector<Command>& commands();

Command list_command();
Command curve_command();
Command inits_command();
Command propagate_command();
Command bound_command();
Command train_command();
Command theory_command();
Command critical_command();
Command jacobian_command();
Command selu_field_command();
Command limits_command();
Command measure_command();

}  // namespace actlab::cli
