// The CLI against what a careless or hostile user types: no arguments, control characters,
// numbers outside the one grammar, help in a value's place, an output that cannot be written.
#include <gtest/gtest.h>

#include <regex>

#include "actlab/message_text.hpp"
#include "actlab/number_grammar.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

using test::BadInput;
using test::CliRun;
using test::expect_bad_input;
using test::lines;
using test::run_cli;

TEST(CliHardening, NoArgumentsPrintUsageToStderrAndExitTwo) {
  const CliRun run = run_cli("");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_EQ(run.err.rfind("usage: actlab COMMAND", 0), 0u) << run.err;
}

TEST(CliHardening, ControlCharactersAreEscapedInTheOneLineMessage) {
  // "relu\nx" and "a\x01b" as single arguments (the shell's printf makes the bytes).
  const CliRun newline = run_cli("list --format \"relu$(printf '\\nx')\"");
  EXPECT_EQ(newline.exit_code, 2);
  ASSERT_EQ(lines(newline.err).size(), 1u) << newline.err;
  EXPECT_NE(newline.err.find("'relu\\nx'"), std::string::npos) << newline.err;
  const CliRun control = run_cli("curve --act \"a$(printf '\\001\\033')b\"");
  EXPECT_EQ(control.exit_code, 2);
  ASSERT_EQ(lines(control.err).size(), 1u) << control.err;
  EXPECT_NE(control.err.find("'a\\x01\\x1bb'"), std::string::npos) << control.err;
  const CliRun tab = run_cli("curve --act tanh --from \"1$(printf '\\t')\"");
  EXPECT_EQ(tab.exit_code, 2);
  EXPECT_NE(tab.err.find("'1\\t'"), std::string::npos) << tab.err;
}

TEST(CliHardening, QuotedTextEscapesEveryControlCharacter) {
  EXPECT_EQ(quoted_text("tanh"), "'tanh'");
  EXPECT_EQ(quoted_text("a\nb\r\t"), "'a\\nb\\r\\t'");
  EXPECT_EQ(quoted_text(std::string("\0\x1f\x7f", 3)), "'\\x00\\x1f\\x7f'");
  EXPECT_EQ(quoted_text("сигмоида"), "'сигмоида'");  // UTF-8 passes through
}

TEST(CliHardening, AWriteErrorExitsOneWithAMessage) {
  const CliRun run = run_cli("curve --act tanh >/dev/full");
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(lines(run.err).size(), 1u) << run.err;
  EXPECT_NE(run.err.find("cannot write the output"), std::string::npos) << run.err;
  const CliRun help = run_cli("--help >/dev/full");
  EXPECT_EQ(help.exit_code, 1);
}

TEST(CliHardening, HelpInAValuesPlaceIsAValue) {
  expect_bad_input({{"curve --act -h", "--act", "'-h'"},
                    {"curve --act --help", "--act", "'--help'"},
                    {"propagate --init -h", "--act", "required"}});
  const CliRun help = run_cli("curve --act tanh --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--points"), std::string::npos);
}

// One grammar: decimal only, an optional '-', no '+', no spaces, no hex, no inf or nan.
TEST(NumberGrammar, AcceptsPlainDecimalOnly) {
  for (const char* text : {"0", "-0", "1", "-1.5", ".5", "5.", "1e3", "1E-3", "-2.5e+2"}) {
    ASSERT_TRUE(parse_number(text)) << text;
    EXPECT_EQ(*parse_number(text), std::strtod(text, nullptr)) << text;
  }
  for (const char* text : {"", " 1", "1 ", "+1", "0x10", "1e", "e3", ".", "-", "inf", "nan",
                           "Infinity", "1,5", "1e400", "-1e400", "1_000", "٣"}) {
    EXPECT_FALSE(parse_number(text)) << text;
  }
  EXPECT_EQ(parse_integer("-42"), std::optional<int>(-42));
  for (const char* text : {"+1", " 1", "1.0", "1e2", "0x10", "2147483648", ""}) {
    EXPECT_FALSE(parse_integer(text)) << text;
  }
}

TEST(NumberGrammar, SubnormalsAreFiniteNumbers) {
  ASSERT_TRUE(parse_number("1e-310"));
  EXPECT_EQ(*parse_number("1e-310"), 1e-310);
  EXPECT_GT(*parse_number("1e-310"), 0);
  EXPECT_EQ(*parse_number("1e-400"), 0);  // rounds to zero, as JavaScript's Number reads it
  const CliRun run = run_cli("curve --act tanh --from -1 --to 1e-310 --points 2");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\n9.9999999999999694e-311,"), std::string::npos) << run.out;
}

TEST(NumberGrammar, TheCliRefusesWhatTheGrammarRefuses) {
  expect_bad_input({{"curve --act tanh --from 0x10", "--from", "'0x10'"},
                    {"curve --act tanh --from +1", "--from", "'+1'"},
                    {"curve --act tanh --from ' 1'", "--from", "decimal"},
                    {"curve --act tanh --points +5", "--points", "'+5'"},
                    {"curve --act tanh --points 0x10", "--points", "'0x10'"},
                    {"propagate --act relu --init he-normal --depth 1 --width 1 --batch 1 "
                     "--seed 0x1",
                     "--seed", "'0x1'"}});
}

TEST(NumberGrammar, ThePatternIsAnEcmaScriptRegularExpression) {
  // The page compiles kNumberPattern with RegExp; std::regex's default grammar is ECMAScript.
  const std::regex pattern(kNumberPattern, std::regex::ECMAScript);
  EXPECT_TRUE(std::regex_match("-1.5e-3", pattern));
  EXPECT_FALSE(std::regex_match("+1", pattern));
}

}  // namespace
}  // namespace actlab
