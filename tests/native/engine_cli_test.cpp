// `actlab propagate`, `bound` and `inits` as a user meets them: the JSON carries the library's
// numbers to the last bit, and every bad input exits 2 with one line naming the flag.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "actlab/bound.hpp"
#include "actlab/layer_fields.hpp"
#include "actlab/propagation.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

using test::BadInput;
using test::CliRun;
using test::expect_bad_input;
using test::lines;
using test::run_cli;

TEST(CliPropagate, JsonHasEveryFieldAndTheLibrarysNumbersToTheLastBit) {
  const CliRun run = run_cli(
      "propagate --act elu --alpha 0.5 --init glorot-uniform --depth 4 --width 16 --batch 8 "
      "--input-dim 12 --bias-std 0.1 --seed 77 --bins 10 --saturation-eps 0.2");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["activation"], "elu");
  EXPECT_EQ(doc["alpha"], 0.5);
  EXPECT_EQ(doc["init"], "glorot-uniform");
  EXPECT_EQ(doc["depth"], 4);
  EXPECT_EQ(doc["width"], 16);
  EXPECT_EQ(doc["batch"], 8);
  EXPECT_EQ(doc["input_dim"], 12);
  EXPECT_EQ(doc["seed"], 77);
  EXPECT_EQ(doc["act_hist_scale"], "linear");
  EXPECT_EQ(doc["grad_hist_scale"], "log10_abs");

  PropagationRequest r;
  r.act = "elu", r.alpha = 0.5, r.init = "glorot-uniform", r.depth = 4, r.width = 16;
  r.batch = 8, r.input_dim = 12, r.bias_std = 0.1, r.seed = 77, r.bins = 10;
  r.saturation_eps = 0.2;
  const Propagation p = Propagator().run(check_propagation(r).value());
  EXPECT_EQ(doc["draws_hash"], hash_text(p.draws_hash));
  EXPECT_EQ(hash_text(0xabcULL), "0000000000000abc");
  for (const LayerHistogram& h : kLayerHistograms) {
    EXPECT_EQ(doc[h.edges_name].get<std::vector<double>>(), p.*h.edges) << h.edges_name;
  }
  ASSERT_EQ(doc["layers"].size(), 4u);
  for (int l = 0; l < 4; ++l) {
    const auto& layer = doc["layers"][l];
    const LayerStatistics& s = p.layers[l];
    // The index, the table's statistics and histograms, and nothing else.
    EXPECT_EQ(layer.size(), 1 + kLayerFields.size() + 2 * kLayerHistograms.size());
    EXPECT_EQ(layer[kLayerIndexName], l + 1);
    for (const LayerField& field : kLayerFields) {
      EXPECT_EQ(layer[field.name].get<double>(), s.*field.value) << field.name;
    }
    for (const LayerHistogram& h : kLayerHistograms) {
      EXPECT_EQ(layer[h.counts_name].get<std::vector<std::uint32_t>>(), s.*h.counts);
      for (const TailField& tail : kTailFields) {
        EXPECT_EQ(layer[h.tails_name][tail.name], (s.*h.tails).*tail.count) << h.tails_name;
      }
    }
  }
}

TEST(CliPropagate, SameSeedSameOutput) {
  const std::string args =
      "propagate --act tanh --init orthogonal --gain 1.5 --depth 5 "
      "--width 32 --batch 16";
  const CliRun first = run_cli(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(run_cli(args).out, first.out);
  EXPECT_NE(run_cli(args + " --seed 2").out, first.out);
}

TEST(CliPropagate, TextIsATableWithOneRowPerLayer) {
  const CliRun run =
      run_cli("propagate --act relu --init he-normal --depth 6 --width 8 --batch 4 --format text");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0].substr(0, 15), "layer  pre_mean");
  EXPECT_EQ(rows[6].substr(0, 2), "6 ");
  // The columns are the table's statistics with a format, each row's cells that format's.
  std::string header = kLayerIndexColumn;
  for (const LayerField& field : kLayerFields) {
    if (field.format) header += std::string(" ") + field.name;
  }
  std::string squeezed;
  for (char c : rows[0]) {
    if (c != ' ' || squeezed.empty() || squeezed.back() != ' ') squeezed += c;
  }
  EXPECT_EQ(squeezed, header);
}

TEST(CliPropagate, HelpStatesTheModelTheLimitsAndTheBudget) {
  const CliRun run = run_cli("propagate --help");
  EXPECT_EQ(run.exit_code, 0);
  for (const char* text : {"z_l = h_{l-1} W_l^T + b_l", "1..200", "1..2048", "1..4096", "2..512",
                           "0..4294967295", "--max-memory", "256 MiB"}) {
    EXPECT_NE(run.out.find(text), std::string::npos) << text;
  }
}

TEST(CliBound, JsonAndTextCarryTheLecturesPowers) {
  const CliRun json = run_cli("bound --act sigmoid --depth 3 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["max_derivative"], 0.25);
  EXPECT_EQ(doc["bound"], nlohmann::json::array({0.25, 0.0625, 0.015625}));
  const CliRun text = run_cli("bound --act elu --alpha 2 --depth 2");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(lines(text.out),
            (std::vector<std::string>{"k    layer  bound", "0    2      2", "1    1      4"}));
}

TEST(CliInits, JsonListsEveryInitializerWithItsFormula) {
  const CliRun run = run_cli("inits --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto list = nlohmann::json::parse(run.out);
  ASSERT_EQ(list.size(), 9u);
  for (const auto& entry : list) {
    for (const char* key : {"id", "name", "formula", "reference", "needs_std", "needs_gain"}) {
      EXPECT_TRUE(entry.contains(key)) << entry["id"] << " lacks " << key;
    }
  }
  EXPECT_EQ(list[7]["id"], "normal");
  EXPECT_EQ(list[7]["needs_std"], true);
  EXPECT_EQ(list[8]["needs_gain"], true);
  EXPECT_EQ(lines(run_cli("inits").out).size(), 10u);
}

TEST(CliEngineErrors, BadInputExitsTwoWithOneLineNamingTheFlag) {
  const std::string net = "propagate --act tanh --init he-normal ";
  const std::string ok = net + "--depth 3 --width 8 --batch 4 ";
  const std::vector<BadInput> cases = {
      {"propagate --init he-normal --depth 3 --width 8 --batch 4", "--act", "required"},
      {"propagate --act tanh --depth 3 --width 8 --batch 4", "--init", "glorot-uniform"},
      {"propagate --act tanh --init xavier --depth 3 --width 8 --batch 4", "--init",
       "lecun-normal"},
      {"propagate --act tanh --init normal --depth 3 --width 8 --batch 4", "--init-std", "normal"},
      {"propagate --act tanh --init normal --init-std 0 --depth 3 --width 8 --batch 4",
       "--init-std", "(0, 100]"},
      {"propagate --act tanh --init orthogonal --gain 101 --depth 3 --width 8 --batch 4", "--gain",
       "(0, 100]"},
      {net + "--width 8 --batch 4", "--depth", "1 to 200"},
      {net + "--depth 0 --width 8 --batch 4", "--depth", "1 to 200"},
      {net + "--depth 201 --width 8 --batch 4", "--depth", "1 to 200"},
      {net + "--depth abc --width 8 --batch 4", "--depth", "abc"},
      {net + "--depth 3 --width 2049 --batch 4", "--width", "1 to 2048"},
      {net + "--depth 3 --width 0 --batch 4", "--width", "1 to 2048"},
      {net + "--depth 3 --width 8", "--batch", "1 to 4096"},
      {net + "--depth 3 --width 8 --batch 4097", "--batch", "1 to 4096"},
      {ok + "--input-dim 5000", "--input-dim", "1 to 4096"},
      {ok + "--input-std -1", "--input-std", "(0, 100]"},
      {ok + "--bias-std 101", "--bias-std", "0 to 100"},
      {ok + "--seed 4294967296", "--seed", "0 to 4294967295"},
      {ok + "--seed 0.5", "--seed", "0 to 4294967295"},
      {ok + "--bins 1", "--bins", "2 to 512"},
      {ok + "--bins 513", "--bins", "2 to 512"},
      {ok + "--saturation-eps 0", "--saturation-eps", "between 0 and 1"},
      {ok + "--format csv", "--format", "json, text"},
      {ok + "--bogus 1", "--bogus", "--depth"},
      {net + "--depth 200 --width 2048 --batch 4096 --max-memory 256", "--width", "256 MiB budget"},
      {net + "--depth 10 --width 1024 --batch 4096 --max-memory 256", "--batch", "256 MiB budget"},
      {"bound --act tanh", "--depth", "1 to 200"},
      {"bound --act tanh --depth 201", "--depth", "1 to 200"},
      {"bound --depth 3", "--act", "sigmoid"},
      {"bound --act sigmod --depth 3", "--act", "sigmoid"},
      {"bound --act tanh --depth 3 --format xml", "--format", "json"},
      {"inits --format yaml", "--format", "json"},
  };
  expect_bad_input(cases);
}

}  // namespace
}  // namespace actlab
