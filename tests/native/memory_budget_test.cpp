// The memory budget: the browser's 256 MiB for the module, the machine's for the CLI
// (--max-memory, by default half the physical memory), and a refusal that says what fits.
#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>

#include "actlab/propagation.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

using test::CliRun;
using test::lines;
using test::run_cli;

PropagationRequest request(int depth, int width, int batch) {
  PropagationRequest r;
  r.act = "tanh", r.init = "he-normal", r.depth = depth, r.width = width, r.batch = batch;
  return r;
}

// The number after `before` in a message.
int number_after(const std::string& text, const std::string& before) {
  const std::smatch m = [&] {
    std::smatch found;
    std::regex_search(text, found, std::regex(before + " ([0-9]+)"));
    return found;
  }();
  return m.empty() ? -1 : std::stoi(m[1]);
}

TEST(MemoryBudget, TheRefusalNamesTheLargestBatchThatFits) {
  for (const auto& [depth, width, batch] :
       {std::tuple{10, 1024, 4096}, {100, 512, 1024}, {3, 2048, 4096}, {200, 64, 4096}}) {
    const Expected<PropagationConfig> refused = check_propagation(request(depth, width, batch));
    ASSERT_FALSE(refused.ok());
    const int fits = number_after(refused.error(), "--batch");
    ASSERT_GE(fits, 1) << refused.error();
    EXPECT_TRUE(check_propagation(request(depth, width, fits)).ok()) << refused.error();
    EXPECT_FALSE(check_propagation(request(depth, width, fits + 1)).ok()) << refused.error();
  }
}

TEST(MemoryBudget, WhenNoBatchFitsTheRefusalNamesTheLargestDepth) {
  const Expected<PropagationConfig> refused = check_propagation(request(200, 2048, 4096));
  ASSERT_FALSE(refused.ok());
  const int depth = number_after(refused.error(), "--depth");
  ASSERT_GE(depth, 1) << refused.error();
  EXPECT_NE(refused.error().find("--batch 1 with --depth"), std::string::npos);
  EXPECT_TRUE(check_propagation(request(depth, 2048, 1)).ok());
  EXPECT_FALSE(check_propagation(request(depth + 1, 2048, 1)).ok());
}

TEST(MemoryBudget, ARequestCarriesItsOwnBudget) {
  // The 513 MiB network: over the browser's budget, within a larger one.
  PropagationRequest r = request(100, 512, 1024);
  EXPECT_FALSE(check_propagation(r).ok());
  r.memory_budget = std::uint64_t{1024} << 20;
  EXPECT_TRUE(check_propagation(r).ok());
}

TEST(MemoryBudget, TheCliDefaultIsHalfThePhysicalMemory) {
  const std::uint64_t half =
      std::uint64_t(sysconf(_SC_PHYS_PAGES)) * std::uint64_t(sysconf(_SC_PAGE_SIZE)) / 2;
  // 200 x 2048 x 4096 needs 16180 MiB: refused here unless the machine has 32 GiB.
  const CliRun run =
      run_cli("propagate --act tanh --init he-normal --depth 200 --width 2048 --batch 4096");
  if (half < (std::uint64_t{16180} << 20)) {
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(number_after(run.err, "over the"), int(half >> 20)) << run.err;
  }
  const CliRun help = run_cli("propagate --help");
  EXPECT_NE(help.out.find("physical memory: " + std::to_string(half >> 20)), std::string::npos);
}

TEST(MemoryBudget, MaxMemoryRefusesAndTheNamedBatchRuns) {
  const std::string net = "propagate --act tanh --init he-normal --depth 4 --width 256 ";
  const CliRun refused = run_cli(net + "--batch 1024 --max-memory 2");
  EXPECT_EQ(refused.exit_code, 2);
  ASSERT_EQ(lines(refused.err).size(), 1u) << refused.err;
  EXPECT_NE(refused.err.find("over the 2 MiB budget"), std::string::npos) << refused.err;
  const int fits = number_after(refused.err, "--batch");
  ASSERT_GE(fits, 1) << refused.err;
  const CliRun runs =
      run_cli(net + "--batch " + std::to_string(fits) + " --max-memory 2 --format text");
  EXPECT_EQ(runs.exit_code, 0) << runs.err;
  for (const char* bad : {"0", "-1", "1.5", "abc"}) {
    const CliRun run = run_cli(net + "--batch 8 --max-memory " + bad);
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_NE(run.err.find("--max-memory"), std::string::npos) << run.err;
  }
}

#if !defined(__SANITIZE_ADDRESS__)  // ASan reserves far more address space than ulimit -v allows
TEST(MemoryBudget, AnAllocationFailureIsOneLineAndExitOne) {
  // A 1.2 GB address space (ulimit -v, in the shell that runs the CLI) cannot hold the 2 GiB
  // this configuration's network needs; --help first only to start the shell's command line.
  const CliRun run =
      run_cli("--help >/dev/null; ulimit -v 1200000; exec " ACTLAB_CLI
              " propagate --act relu --init he-normal --depth 100 --width 1024 --batch 1024 "
              "--max-memory 100000");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty());
  ASSERT_EQ(lines(run.err).size(), 1u) << run.err;
  EXPECT_NE(run.err.find("actlab: out of memory"), std::string::npos) << run.err;
}
#endif

}  // namespace
}  // namespace actlab
