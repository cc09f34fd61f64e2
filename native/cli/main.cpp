// actlab: activation functions, their derivatives and the vanishing gradient, from the
// command line. Bad input prints one line naming the flag and the valid values, exit 2; a
// failure to allocate or to write the output prints one line, exit 1.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "actlab/message_text.hpp"
#include "command.hpp"
#include "help_text.hpp"

namespace {

using actlab::cli::Command;
using actlab::cli::commands;

constexpr int kFailure = 1;
constexpr int kBadInput = 2;

void print_overview(std::FILE* out) {
  std::fprintf(out, "usage: actlab COMMAND [FLAGS]\n\ncommands:\n");
  for (const Command& command : commands()) {
    std::fprintf(out, "  %-10s %s\n", command.name.c_str(), command.summary.c_str());
  }
  std::fprintf(out, "\n`actlab COMMAND --help` describes a command's flags.\n");
}

void print_command_help(const Command& command) {
  std::printf("usage: actlab %s %s\n\n%s\n", command.name.c_str(),
              actlab::cli::synopsis(command.flags).c_str(), command.summary.c_str());
  if (!command.details.empty()) std::printf("\n%s\n", command.details.c_str());
  std::printf("\nflags:\n");
  for (const auto& flag : command.flags) {
    const std::string name = "--" + flag.name + " " + flag.placeholder;
    std::printf("  %-22s %s\n", name.c_str(), actlab::cli::flag_help(flag).c_str());
  }
  std::printf("  %-22s %s\n", "--help", "this text");
}

int fail(const std::string& message, int status = kBadInput) {
  std::fprintf(stderr, "actlab: %s\n", message.c_str());
  return status;
}

// Everything written to stdout reached it: a full disk or a closed pipe is a failure.
int finish_output() {
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return 0;
  return fail(std::string("cannot write the output: ") + std::strerror(errno), kFailure);
}

int run(int argc, char** argv) {
  if (argc < 2) {
    print_overview(stderr);
    return kBadInput;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h") {
    print_overview(stdout);
    return finish_output();
  }
  for (const Command& command : commands()) {
    if (command.name != name) continue;
    const auto args = actlab::cli::Args::parse(argc, argv, 2, name, command.flags);
    if (args.ok() && args.value().help()) {
      print_command_help(command);
      return finish_output();
    }
    if (!args.ok()) return fail(args.error());
    const auto output = command.run(args.value());
    if (!output.ok()) return fail(output.error());
    std::fputs(output.value().c_str(), stdout);
    return finish_output();
  }
  std::string names;
  for (const Command& command : commands()) names += (names.empty() ? "" : ", ") + command.name;
  return fail("unknown command " + actlab::quoted_text(name) + "; valid: " + names);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    return fail(
        "out of memory: this machine could not allocate the buffers; lower --max-memory, "
        "--batch, --width or --depth",
        kFailure);
  }
}
