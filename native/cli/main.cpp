// actlab: activation functions, their derivatives and the vanishing gradient, from the
// command line. Bad input prints one line naming the flag and the valid values, exit 2.
#include <cstdio>
#include <string>

#include "command.hpp"

namespace {

using actlab::cli::Command;
using actlab::cli::commands;

constexpr int kBadInput = 2;

void print_overview() {
  std::printf("usage: actlab COMMAND [FLAGS]\n\ncommands:\n");
  for (const Command& command : commands()) {
    std::printf("  %-10s %s\n", command.name.c_str(), command.summary.c_str());
  }
  std::printf("\n`actlab COMMAND --help` describes a command's flags.\n");
}

void print_command_help(const Command& command) {
  std::printf("usage: actlab %s %s\n\n%s\n", command.name.c_str(), command.usage.c_str(),
              command.summary.c_str());
  if (!command.details.empty()) std::printf("\n%s\n", command.details.c_str());
  std::printf("\nflags:\n");
  for (const auto& flag : command.flags) {
    const std::string name = "--" + flag.name + " " + flag.placeholder;
    std::printf("  %-22s %s\n", name.c_str(), flag.help.c_str());
  }
  std::printf("  %-22s %s\n", "--help", "this text");
}

bool wants_help(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) {
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") return true;
  }
  return false;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "actlab: %s\n", message.c_str());
  return kBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    print_overview();
    return argc < 2 ? kBadInput : 0;
  }
  const std::string name = argv[1];
  for (const Command& command : commands()) {
    if (command.name != name) continue;
    if (wants_help(argc, argv, 2)) {
      print_command_help(command);
      return 0;
    }
    const auto args = actlab::cli::Args::parse(argc, argv, 2, name, command.flags);
    if (!args.ok()) return fail(args.error());
    const auto output = command.run(args.value());
    if (!output.ok()) return fail(output.error());
    std::fputs(output.value().c_str(), stdout);
    return 0;
  }
  std::string names;
  for (const Command& command : commands()) names += (names.empty() ? "" : ", ") + command.name;
  return fail("unknown command '" + name + "'; valid: " + names);
}
