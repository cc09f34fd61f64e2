// The actlab CLI as a user meets it: output formats, and every bad input exits 2 with one
// line on stderr naming the flag.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "actlab/activation.hpp"
#include "actlab/activation_math.hpp"
#include "actlab/activation_record.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

using test::BadInput;
using test::CliRun;
using test::expect_bad_input;
using test::lines;
using test::run_cli;

TEST(CliCurve, CsvHasTheDefaultGridAndTheLibrarysNumbersToTheLastBit) {
  const CliRun run = run_cli("curve --act sigmoid");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 242u);
  EXPECT_EQ(rows[0], "z,value,derivative");
  const Activation sigmoid{ActivationKind::sigmoid, 0};
  for (std::size_t i = 1; i < rows.size(); ++i) {
    double z, value, slope;
    ASSERT_EQ(std::sscanf(rows[i].c_str(), "%lf,%lf,%lf", &z, &value, &slope), 3);
    EXPECT_EQ(z, -6 + 12.0 * (i - 1) / 240);
    EXPECT_EQ(value, sigmoid.value(z));
    EXPECT_EQ(slope, sigmoid.derivative(z));
  }
  EXPECT_EQ(rows[1].substr(0, 3), "-6,");
  EXPECT_EQ(rows.back().substr(0, 2), "6,");
}

TEST(CliCurve, JsonCarriesTheSameSeries) {
  const CliRun run = run_cli("curve --act elu --alpha 2 --from -1 --to 1 --points 5 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["activation"], "elu");
  EXPECT_EQ(doc["alpha"], 2.0);
  ASSERT_EQ(doc["z"].size(), 5u);
  EXPECT_EQ(doc["z"][1].get<double>(), -0.5);
  EXPECT_EQ(doc["value"][0].get<double>(), 2 * std::expm1(-1.0));
  EXPECT_EQ(doc["derivative"][0].get<double>(), 2 * std::exp(-1.0));
}

TEST(CliList, JsonDescribesEveryActivation) {
  const CliRun run = run_cli("list --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto list = nlohmann::json::parse(run.out);
  ASSERT_EQ(list.size(), 12u);
  // The record's fields (activation_record.hpp), and nothing else.
  const std::vector<std::string> fields = activation_record_fields();
  ASSERT_EQ(fields.front(), "id");
  for (const auto& entry : list) {
    EXPECT_EQ(entry.size(), fields.size()) << entry["id"];
    for (const std::string& key : fields) {
      EXPECT_TRUE(entry.contains(key)) << entry["id"] << " lacks " << key;
    }
  }
  EXPECT_EQ(list[1]["id"], "sigmoid");
  EXPECT_EQ(list[1]["max_derivative"], 0.25);
  EXPECT_EQ(list[1]["argmax_derivative"], 0.0);
  EXPECT_EQ(list[1]["range"], nlohmann::json::array({0.0, 1.0}));
  EXPECT_TRUE(list[3]["argmax_derivative"].is_null());  // relu
}

std::uint64_t bits(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

TEST(CliList, JsonCarriesSelusConstantsToTheLastBit) {
  const CliRun run = run_cli("list --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& entry : nlohmann::json::parse(run.out)) {
    ASSERT_TRUE(entry.contains("constants")) << entry["id"];
    ASSERT_TRUE(entry["constants"].is_object()) << entry["id"];
    if (entry["id"] != "selu") {
      EXPECT_TRUE(entry["constants"].empty()) << entry["id"];
      continue;
    }
    const auto& constants = entry["constants"];
    ASSERT_EQ(constants.size(), 2u);
    // The printed text must read back as the very doubles the engine computes with.
    EXPECT_EQ(bits(constants["lambda"].get<double>()), bits(phi::kSeluLambda));
    EXPECT_EQ(bits(constants["alpha"].get<double>()), bits(phi::kSeluAlpha));
  }
}

TEST(CliHelp, ListsCommandsAndFlags) {
  const CliRun overview = run_cli("--help");
  EXPECT_EQ(overview.exit_code, 0);
  EXPECT_NE(overview.out.find("curve"), std::string::npos);
  const CliRun curve = run_cli("curve --help");
  EXPECT_EQ(curve.exit_code, 0);
  EXPECT_NE(curve.out.find("--points"), std::string::npos);
}

TEST(CliErrors, BadInputExitsTwoWithOneLineNamingTheFlag) {
  const std::vector<BadInput> cases = {
      {"curve --act sigmod", "--act", "sigmoid"},
      {"curve", "--act", "tanh"},
      {"curve --act tanh --bogus 1", "--bogus", "--points"},
      {"curve --act tanh --from abc", "--from", "abc"},
      {"curve --act tanh --from nan", "--from", "nan"},
      {"curve --act tanh --to 1e400", "--to", "1e400"},
      {"curve --act tanh --points 1", "--points", "2 to 1000000"},
      {"curve --act tanh --points 1000001", "--points", "2 to 1000000"},
      {"curve --act tanh --points 2.5", "--points", "2.5"},
      {"curve --act tanh --from 1 --to 1", "--to", "greater than --from"},
      {"curve --act tanh --from 3 --to -3", "--to", "greater than --from"},
      {"curve --act tanh --from -1e5", "--from", "-10000 to 10000"},
      {"curve --act leaky-relu --alpha 5", "--alpha", "0 to 1"},
      {"curve --act elu --alpha -1", "--alpha", "0.01 to 10"},
      {"curve --act tanh --alpha 0.5", "--alpha", "leaky-relu"},
      {"curve --act tanh --format xml", "--format", "csv, json"},
      {"curve --act", "--act", "value"},
      {"list --format yaml", "--format", "json"},
      {"frobnicate", "frobnicate", "curve"},
  };
  expect_bad_input(cases);
}

}  // namespace
}  // namespace actlab
