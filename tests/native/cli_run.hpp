#pragma once
// Runs the actlab CLI built next to the tests (ACTLAB_CLI) and captures what a user sees.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::test {

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

inline CliRun run_cli(const std::string& args) {
  // One file per test process: ctest -j runs several at once.
  const std::string err_path =
      testing::TempDir() + "actlab_cli_stderr_" + std::to_string(getpid()) + ".txt";
  const std::string command = std::string(ACTLAB_CLI) + " " + args + " 2>" + err_path;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = pclose(pipe);
  std::string err;
  if (FILE* f = std::fopen(err_path.c_str(), "r")) {
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, f)) err.append(buffer, n);
    std::fclose(f);
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err};
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

// A bad invocation: exit 2, nothing on stdout, one line on stderr naming the flag.
struct BadInput {
  std::string args;
  const char* flag;      // the message must name it
  const char* mentions;  // and mention this (a valid value or the limit)
};

inline void expect_bad_input(const std::vector<BadInput>& cases) {
  for (const BadInput& c : cases) {
    const CliRun run = run_cli(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args;
    EXPECT_TRUE(run.out.empty()) << c.args << " printed " << run.out;
    ASSERT_EQ(lines(run.err).size(), 1u) << c.args << ": " << run.err;
    EXPECT_NE(run.err.find(c.flag), std::string::npos) << c.args << ": " << run.err;
    EXPECT_NE(run.err.find(c.mentions), std::string::npos) << c.args << ": " << run.err;
  }
}

}  // namespace actlab::test
