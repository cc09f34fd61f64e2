// Each command's usage line is built from its flag table (native/cli/help_text.hpp), and
// says what the engine's checks demand: leaving out a flag the line shows bare fails with a
// message naming it, leaving out a [bracketed] one does not, and of "(--init ... | --sigma-w2
// ...)" either side is enough and neither fails.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "cli_run.hpp"

namespace actlab {
namespace {

using test::CliRun;
using test::run_cli;

struct Usage {
  std::set<std::string> required;  // bare on the line
  std::set<std::string> optional;  // inside [...]
  std::set<std::string> choice;    // inside (... | ...), outside brackets
};

Usage usage_of(const std::string& command) {
  const CliRun help = run_cli(command + " --help");
  EXPECT_EQ(help.exit_code, 0) << help.err;
  const std::string prefix = "usage: actlab " + command + " ";
  EXPECT_EQ(help.out.rfind(prefix, 0), 0u) << help.out;
  std::istringstream line(help.out.substr(prefix.size(), help.out.find('\n') - prefix.size()));
  Usage usage;
  int brackets = 0, parens = 0;
  for (std::string word; line >> word;) {
    for (const char ch : word) brackets += ch == '[', parens += ch == '(';
    std::string name = word;
    name.erase(0, name.find_first_not_of("[("));
    if (name.rfind("--", 0) == 0) {
      name = name.substr(2, name.find_first_of("])") - 2);
      (brackets ? usage.optional : parens ? usage.choice : usage.required).insert(name);
    }
    for (const char ch : word) brackets -= ch == ']', parens -= ch == ')';
  }
  EXPECT_EQ(brackets, 0);
  EXPECT_EQ(parens, 0);
  return usage;
}

// "--a 1 --b 2" without the flags named.
std::string without(const std::map<std::string, std::string>& flags,
                    const std::set<std::string>& left_out) {
  std::string args;
  for (const auto& [name, value] : flags) {
    if (!left_out.count(name)) args += " --" + name + " " + value;
  }
  return args;
}

// A small valid run of each command with every required flag and some optional ones.
const std::map<std::string, std::map<std::string, std::string>> kRuns = {
    {"curve", {{"act", "elu"}, {"alpha", "0.5"}, {"points", "5"}}},
    {"bound", {{"act", "sigmoid"}, {"depth", "3"}}},
    {"theory", {{"act", "tanh"}, {"sigma-w2", "1.5"}, {"sigma-b2", "0.05"}, {"depth", "3"}}},
    {"critical", {{"act", "tanh"}, {"sigma-b2", "0.05"}}},
    {"measure",
     {{"act", "tanh"},
      {"sigma-w2", "1.5"},
      {"sigma-b2", "0.05"},
      {"depth", "2"},
      {"width", "16"},
      {"pairs", "2"}}},
    {"propagate",
     {{"act", "tanh"},
      {"init", "glorot-uniform"},
      {"depth", "3"},
      {"width", "8"},
      {"batch", "4"},
      {"bins", "8"},
      {"seed", "2"}}},
    {"jacobian",
     {{"act", "tanh"}, {"init", "orthogonal"}, {"gain", "1.2"}, {"depth", "3"}, {"width", "8"}}},
    {"train",
     {{"data", "moons"},
      {"samples", "32"},
      {"act", "relu"},
      {"init", "he-normal"},
      {"depth", "2"},
      {"width", "8"},
      {"optimizer", "sgd"},
      {"lr", "0.1"},
      {"batch", "16"},
      {"steps", "2"}}},
};

TEST(CliSynopsis, EveryRunIsValid) {
  for (const auto& [command, flags] : kRuns) {
    const CliRun run = run_cli(command + without(flags, {}));
    EXPECT_EQ(run.exit_code, 0) << command << ": " << run.err;
  }
}

TEST(CliSynopsis, AFlagShownBareIsRequiredAndABracketedOneIsNot) {
  for (const auto& [command, flags] : kRuns) {
    const Usage usage = usage_of(command);
    EXPECT_FALSE(usage.required.empty()) << command;
    for (const auto& [name, value] : flags) {
      const bool required = usage.required.count(name) > 0;
      EXPECT_TRUE(required || usage.optional.count(name) || usage.choice.count(name))
          << command << " --" << name << " is not on the usage line";
      if (usage.choice.count(name)) continue;
      const CliRun run = run_cli(command + without(flags, {name}));
      EXPECT_EQ(run.exit_code, required ? 2 : 0) << command << " without --" << name;
      if (required) {
        EXPECT_EQ(run.err.rfind("actlab: --" + name + ":", 0), 0u) << run.err;
      }
    }
    for (const std::string& name : usage.required) {
      EXPECT_TRUE(flags.count(name)) << command << " --" << name << " is shown required";
    }
  }
}

TEST(CliSynopsis, EitherSideOfAChoiceIsEnoughAndNeitherFails) {
  for (const std::string command : {"propagate", "jacobian"}) {
    const Usage usage = usage_of(command);
    EXPECT_EQ(usage.choice, (std::set<std::string>{"init", "sigma-w2", "sigma-b2"})) << command;
    std::map<std::string, std::string> flags = kRuns.at(command);
    flags.erase("gain");
    const CliRun by_init = run_cli(command + without(flags, {}));
    EXPECT_EQ(by_init.exit_code, 0) << by_init.err;
    flags.erase("init");
    const CliRun neither = run_cli(command + without(flags, {}));
    EXPECT_EQ(neither.exit_code, 2);
    EXPECT_NE(neither.err.find("--init"), std::string::npos) << neither.err;
    flags["sigma-w2"] = "1.5", flags["sigma-b2"] = "0.05";
    const CliRun by_sigma = run_cli(command + without(flags, {}));
    EXPECT_EQ(by_sigma.exit_code, 0) << by_sigma.err;
  }
}

}  // namespace
}  // namespace actlab
