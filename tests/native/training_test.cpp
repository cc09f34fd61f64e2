// The training loop and `actlab train`: the loss falls for every optimizer, the log's schedule
// and fields, divergence as an outcome, byte-identical output for a seed, and bad input.
#include "actlab/training.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace actlab {
namespace {

using test::BadInput;
using test::CliRun;
using test::expect_bad_input;
using test::lines;
using test::run_cli;

TrainRequest separable(const std::string& optimizer, double lr) {
  TrainRequest r;
  r.data = "blobs", r.samples = 150, r.noise = 0.05, r.act = "tanh", r.init = "glorot-uniform";
  r.depth = 2, r.width = 8, r.optimizer = optimizer, r.lr = lr, r.batch = 16, r.steps = 300;
  r.log_every = 50;
  return r;
}

TrainResult run(const TrainRequest& r) {
  const Expected<TrainConfig> c = check_training(r);
  EXPECT_TRUE(c.ok()) << c.error();
  return run_training(c.value());
}

TEST(Training, LossFallsOnSeparableDataForEveryOptimizer) {
  for (const auto& [optimizer, lr] : std::vector<std::pair<std::string, double>>{
           {"sgd", 0.3}, {"momentum", 0.03}, {"adam", 0.01}}) {
    for (const std::string data : {"blobs", "moons"}) {
      TrainRequest r = separable(optimizer, lr);
      r.data = data;
      const TrainResult result = run(r);
      ASSERT_EQ(result.divergence, Divergence::none) << optimizer;
      EXPECT_LT(result.steps.back().loss, 0.5 * result.steps.front().loss) << optimizer << data;
      EXPECT_GT(result.steps.back().accuracy, 0.85) << optimizer << data;
    }
  }
}

TEST(Training, LogHoldsStepZeroEveryEAndTheLast) {
  TrainRequest r = separable("sgd", 0.1);
  r.steps = 25, r.log_every = 10, r.depth = 3;
  const TrainResult result = run(r);
  std::vector<std::int64_t> steps;
  for (const TrainEntry& e : result.steps) steps.push_back(e.step);
  EXPECT_EQ(steps, (std::vector<std::int64_t>{0, 10, 20, 25}));
  for (const TrainEntry& e : result.steps) {
    ASSERT_EQ(e.layers.size(), 4u);
    for (int l = 0; l < 4; ++l) EXPECT_EQ(e.layers[l].index, l + 1);
    // The linear output layer is never saturated or dead.
    EXPECT_EQ(e.layers[3].saturated, 0);
    EXPECT_EQ(e.layers[3].dead, 0);
    for (const TrainLayer& t : e.layers) EXPECT_EQ(t.update_ratio == 0, e.step == 0);
  }
  r.steps = 0;
  EXPECT_EQ(run(r).steps.size(), 1u);
}

// Full batch SGD, one update: u_l = lr dL/dW_l exactly as logged at step 0, so
// update_ratio(1) rms(W_l after) = lr weight_grad_rms(0). With a depth-1 identity net the
// step-0 statistics are also checkable by hand: the logits' mean is 0 at zero weights.
TEST(Training, UpdateRatioIsTheLoggedGradientTimesTheRate) {
  TrainRequest r = separable("sgd", 0.5);
  r.samples = 40, r.batch = 40, r.steps = 1, r.log_every = 1;
  const TrainResult a = run(r);
  r.lr = 0.25;
  const TrainResult b = run(r);
  // Same gradient at step 0; the update halves, the weights after it hardly change.
  for (std::size_t l = 0; l < 3; ++l) {
    EXPECT_EQ(a.steps[0].layers[l].weight_grad_rms, b.steps[0].layers[l].weight_grad_rms);
    EXPECT_NEAR(a.steps[1].layers[l].update_ratio / b.steps[1].layers[l].update_ratio, 2, 0.1);
  }
}

TEST(Training, DivergenceStopsTheRunAndSaysWhen) {
  TrainRequest r = separable("sgd", 100);
  r.act = "relu", r.init = "he-normal", r.depth = 6, r.width = 32, r.steps = 2000;
  const TrainResult result = run(r);
  ASSERT_NE(result.divergence, Divergence::none);
  EXPECT_GT(result.diverged_at, 0);
  EXPECT_LT(result.diverged_at, 2000);
  for (const TrainEntry& e : result.steps) {
    EXPECT_TRUE(std::isfinite(e.loss));
    EXPECT_LE(e.step, result.diverged_at);
  }
  const CliRun cli = run_cli(
      "train --data blobs --samples 150 --noise 0.05 --act relu --init he-normal --depth 6 "
      "--width 32 --optimizer sgd --lr 100 --batch 16 --steps 2000 --log-every 50");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const auto doc = nlohmann::json::parse(cli.out);
  EXPECT_EQ(doc["diverged_at"], result.diverged_at);
  EXPECT_EQ(doc["divergence"], divergence_id(result.divergence));
}

constexpr const char* kRun =
    "train --data moons --samples 120 --noise 0.2 --act elu --alpha 0.5 --init he-uniform "
    "--depth 3 --width 12 --optimizer momentum --lr 0.05 --weight-decay 0.001 --batch 50 "
    "--steps 40 --seed 9 --log-every 15";

TEST(CliTrain, JsonHasTheConfigurationAndTheLibrarysLog) {
  const CliRun run_ = run_cli(kRun);
  ASSERT_EQ(run_.exit_code, 0) << run_.err;
  const auto doc = nlohmann::json::parse(run_.out);
  EXPECT_EQ(doc["data"], "moons");
  EXPECT_EQ(doc["activation"], "elu");
  EXPECT_EQ(doc["alpha"], 0.5);
  EXPECT_EQ(doc["init"], "he-uniform");
  EXPECT_EQ(doc["optimizer"], "momentum");
  EXPECT_EQ(doc["weight_decay"], 0.001);
  EXPECT_TRUE(doc["diverged_at"].is_null());
  TrainRequest r;
  r.data = "moons", r.samples = 120, r.noise = 0.2, r.act = "elu", r.alpha = 0.5;
  r.init = "he-uniform", r.depth = 3, r.width = 12, r.optimizer = "momentum", r.lr = 0.05;
  r.weight_decay = 0.001, r.batch = 50, r.steps = 40, r.seed = 9, r.log_every = 15;
  const TrainResult lib = run(r);
  ASSERT_EQ(doc["steps"].size(), lib.steps.size());
  for (std::size_t i = 0; i < lib.steps.size(); ++i) {
    const auto& e = doc["steps"][i];
    EXPECT_EQ(e["step"], lib.steps[i].step);
    EXPECT_EQ(e["loss"].get<double>(), lib.steps[i].loss);
    EXPECT_EQ(e["accuracy"].get<double>(), lib.steps[i].accuracy);
    for (std::size_t l = 0; l < 4; ++l) {
      const TrainLayer& t = lib.steps[i].layers[l];
      EXPECT_EQ(e["layers"][l]["index"], t.index);
      EXPECT_EQ(e["layers"][l]["weight_grad_rms"].get<double>(), t.weight_grad_rms);
      EXPECT_EQ(e["layers"][l]["update_ratio"].get<double>(), t.update_ratio);
      EXPECT_EQ(e["layers"][l]["act_mean"].get<double>(), t.act_mean);
      EXPECT_EQ(e["layers"][l]["act_std"].get<double>(), t.act_std);
      EXPECT_EQ(e["layers"][l]["saturated"].get<double>(), t.saturated);
      EXPECT_EQ(e["layers"][l]["dead"].get<double>(), t.dead);
    }
  }
}

TEST(CliTrain, SameSeedSameBytesAndCsvIsTheLog) {
  const CliRun a = run_cli(kRun), b = run_cli(kRun);
  EXPECT_EQ(a.out, b.out);
  const CliRun other = run_cli(std::string(kRun) + " --format csv");
  const CliRun again = run_cli(std::string(kRun) + " --format csv");
  EXPECT_EQ(other.out, again.out);
  const std::vector<std::string> rows = lines(other.out);
  EXPECT_EQ(rows[0] + "\n", training_csv_header());
  EXPECT_EQ(rows.size(), 1 + 4 * 4u);  // steps 0, 15, 30, 40, 4 layers each
  const auto doc = nlohmann::json::parse(a.out);
  EXPECT_EQ(rows[1].substr(0, 2), "0,");
  EXPECT_EQ(doc["steps"].size() * 4 + 1, rows.size());
  const CliRun seed2 =
      run_cli(std::string(kRun).replace(std::string(kRun).find("--seed 9"), 8, "--seed 2"));
  EXPECT_NE(seed2.out, a.out);
}

TEST(CliTrain, BadInputIsOneLineNamingTheFlag) {
  const std::string ok =
      " --act tanh --init glorot-uniform --depth 2 --width 4 --batch 8 --steps 5";
  expect_bad_input({
      {"train --data iris --optimizer sgd --lr 0.1" + ok, "--data", "moons, circles, xor"},
      {"train --optimizer sgd --lr 0.1" + ok, "--data", "required"},
      {"train --data moons --optimizer rmsprop --lr 0.1" + ok, "--optimizer",
       "sgd, momentum, adam"},
      {"train --data moons --lr 0.1" + ok, "--optimizer", "required"},
      {"train --data moons --optimizer sgd --lr -1" + ok, "--lr", "(0, 100]"},
      {"train --data moons --optimizer sgd --lr abc" + ok, "--lr", "finite decimal number"},
      {"train --data moons --optimizer sgd" + ok, "--lr", "required"},
      {"train --data moons --optimizer sgd --lr 0.1 --act tanh --init glorot-uniform --depth 2 "
       "--width 4 --batch 8 --steps -5",
       "--steps", "0 to 1000000"},
      {"train --data moons --optimizer sgd --lr 0.1 --samples 2" + ok, "--samples", "4 to 5000"},
      {"train --data moons --optimizer sgd --lr 0.1 --noise -0.1" + ok, "--noise", "0 to 2"},
      {"train --data moons --optimizer sgd --lr 0.1 --weight-decay 2" + ok, "--weight-decay",
       "0 to 1"},
      {"train --data moons --optimizer sgd --lr 0.1 --log-every 0" + ok, "--log-every", "1 to"},
      {"train --data moons --optimizer sgd --lr 0.1 --seed 1.5" + ok, "--seed", "0 to 4294967295"},
      {"train --data moons --optimizer sgd --lr 0.1 --format text" + ok, "--format", "json, csv"},
      {"train --data moons --optimizer sgd --lr 0.1 --act tanh --init glorot-uniform --depth 65 "
       "--width 4 --batch 8 --steps 5",
       "--depth", "1 to 64"},
      {"train --data moons --optimizer sgd --lr 0.1 --act tanh --init glorot-uniform --depth 2 "
       "--width 4 --batch 8 --steps 5 --bins 3",
       "--bins", "unknown flag"},
      {"train --data moons --optimizer sgd --lr 0.1 --act nope --init glorot-uniform --depth 2 "
       "--width 4 --batch 8 --steps 5",
       "--act", "sigmoid"},
      {"train --data moons --optimizer sgd --lr 0.1 --samples 5000 --act tanh --init "
       "glorot-uniform --depth 64 --width 256 --batch 8 --steps 5",
       "--depth/--width/--samples", "256 MiB"},
  });
}

}  // namespace
}  // namespace actlab
