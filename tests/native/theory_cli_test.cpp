// `actlab theory`, `critical`, `jacobian` and `propagate --sigma-w2/--sigma-b2`: every JSON
// field, the library's numbers to the last bit (JSON prints doubles round-trip), null where
// the theory has no finite value, and one stderr line with exit 2 for bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "actlab/jacobian.hpp"
#include "actlab/mean_field.hpp"
#include "actlab/mean_field_point.hpp"
#include "cli_run.hpp"

namespace actlab {
namespace {

using test::BadInput;
using test::CliRun;
using test::expect_bad_input;
using test::run_cli;

nlohmann::json json_of(const std::string& args) {
  const CliRun run = run_cli(args);
  EXPECT_EQ(run.exit_code, 0) << args << ": " << run.err;
  return nlohmann::json::parse(run.out);
}

TEST(CliTheory, JsonHasTheIssuesFieldsAndTheLibrarysNumbers) {
  const auto doc = json_of(
      "theory --act tanh --sigma-w2 2 --sigma-b2 0.05 --depth 4 --q0 2 --c0 0.3 "
      "--format json");
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"activation", "c_star", "chi1", "layers", "q_star",
                                      "sigma_b2", "sigma_w2", "trainable_depth", "xi_c", "xi_q"}));
  const Theory t = theory({{{ActivationKind::tanh, 0}, 2, 0.05}, 4, 2, 0.3});
  EXPECT_EQ(doc["activation"], "tanh");
  EXPECT_EQ(doc["q_star"].get<double>(), *t.q_star);
  EXPECT_EQ(doc["chi1"].get<double>(), *t.chi1);
  EXPECT_EQ(doc["xi_q"].get<double>(), *t.xi_q);
  EXPECT_EQ(doc["xi_c"].get<double>(), *t.xi_c);
  EXPECT_EQ(doc["c_star"].get<double>(), *t.c_star);
  EXPECT_EQ(doc["trainable_depth"].get<double>(), 6 * *t.xi_c);  // Schoenholz et al. 2017
  ASSERT_EQ(doc["layers"].size(), 4u);
  for (int l = 0; l < 4; ++l) {
    EXPECT_EQ(doc["layers"][l]["index"], l + 1);
    EXPECT_EQ(doc["layers"][l]["q"].get<double>(), t.layers[l].q);
    EXPECT_EQ(doc["layers"][l]["c"].get<double>(), t.layers[l].c);
  }
  EXPECT_EQ(doc["layers"][0]["q"].get<double>(), 2 * 2 + 0.05);  // q_1 = sigma_w2 q0 + sigma_b2
}

TEST(CliTheory, NullWhereThereIsNoFiniteFixedPoint) {
  const auto doc = json_of("theory --act relu --sigma-w2 3 --sigma-b2 0 --format json");
  for (const char* key : {"q_star", "chi1", "xi_q", "xi_c", "c_star", "trainable_depth"}) {
    EXPECT_TRUE(doc[key].is_null()) << key;
  }
  EXPECT_EQ(doc["layers"].size(), 20u);  // the default depth
  // Beyond double range the layer's q is null too, never a number.
  const auto big = json_of(
      "theory --act relu --sigma-w2 100 --sigma-b2 0 --depth 200 "
      "--q0 10000 --format json");
  EXPECT_TRUE(big["layers"][199]["q"].is_null());
  EXPECT_TRUE(big["layers"][199]["c"].is_null());
}

TEST(CliCritical, GivesTheOrderChaosLinesPoint) {
  const auto doc = json_of("critical --act tanh --sigma-b2 0.05 --format json");
  const CriticalPoint p = critical_point({ActivationKind::tanh, 0}, 0.05);
  EXPECT_EQ(doc["activation"], "tanh");
  EXPECT_EQ(doc["sigma_b2"], 0.05);
  EXPECT_EQ(doc["sigma_w2"].get<double>(), *p.sigma_w2);
  EXPECT_EQ(doc["q_star"].get<double>(), *p.q_star);
  const auto relu = json_of("critical --act relu --sigma-b2 0 --format json");
  EXPECT_EQ(relu["sigma_w2"], 2);
  EXPECT_TRUE(relu["q_star"].is_null());
  EXPECT_TRUE(json_of("critical --act relu --sigma-b2 0.1 --format json")["sigma_w2"].is_null());
}

TEST(CliJacobian, JsonHasTheSpectrumAndItsMoments) {
  const auto doc = json_of(
      "jacobian --act identity --init orthogonal --gain 1.5 --depth 3 --width 6 --format json");
  EXPECT_EQ(doc["singular_values"].size(), 6u);
  for (const auto& sv : doc["singular_values"]) EXPECT_NEAR(sv.get<double>(), 3.375, 1e-12);
  EXPECT_NEAR(doc["moments"]["mean"].get<double>(), 3.375 * 3.375, 1e-11);
  EXPECT_NEAR(doc["predicted"]["orthogonal"]["mean"].get<double>(), 3.375 * 3.375, 1e-11);
  EXPECT_NEAR(doc["predicted"]["orthogonal"]["variance"].get<double>(), 0, 1e-12);
  EXPECT_TRUE(doc["predicted"]["gaussian"].contains("variance"));
  for (const char* key : {"activation", "init", "depth", "width", "seed", "sigma_w2", "sigma_b2"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
}

TEST(CliPropagate, RunsAtAMeanFieldPoint) {
  // --sigma-w2 S --sigma-b2 B is --init normal --init-std sqrt(S/N) --bias-std sqrt(B).
  const auto at =
      json_of("propagate --act tanh --sigma-w2 1.5 --sigma-b2 0.05 --depth 3 --width 64 --batch 8");
  PropagationRequest r;
  r.act = "tanh", r.depth = 3, r.width = 64, r.batch = 8;
  const Expected<PropagationConfig> c = check_mean_field_point(r, 1.5, 0.05);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().init.std, std::sqrt(1.5 / 64));
  EXPECT_EQ(c.value().bias_std, std::sqrt(0.05));
  const Propagation p = Propagator().run(c.value());
  EXPECT_EQ(at["draws_hash"], hash_text(p.draws_hash));
  EXPECT_EQ(at["layers"][2]["pre_std"].get<double>(), p.layers[2].pre_std);
}

TEST(CliTheoryErrors, BadInputExitsTwoWithOneLineNamingTheFlag) {
  const std::string theory = "theory --act tanh --sigma-w2 1 --sigma-b2 0 ";
  const std::string jac = "jacobian --act tanh --init he-normal --depth 2 ";
  const std::string prop = "propagate --act tanh --depth 2 --width 8 --batch 4 ";
  const std::vector<BadInput> cases = {
      {"theory --sigma-w2 1 --sigma-b2 0", "--act", "sigmoid"},
      {"theory --act tahn --sigma-w2 1 --sigma-b2 0", "--act", "sigmoid"},
      {"theory --act tanh --sigma-b2 0", "--sigma-w2", "(0, 100]"},
      {"theory --act tanh --sigma-w2 101 --sigma-b2 0", "--sigma-w2", "(0, 100]"},
      {"theory --act tanh --sigma-w2 x --sigma-b2 0", "--sigma-w2", "x"},
      {"theory --act tanh --sigma-w2 1", "--sigma-b2", "[0, 100]"},
      {theory + "--depth 201", "--depth", "1 to 200"},
      {theory + "--q0 0", "--q0", "(0, 10000]"},
      {theory + "--c0 -1.5", "--c0", "[-1, 1]"},
      {theory + "--format xml", "--format", "json"},
      {theory + "--alpha 1", "--alpha", "leaky-relu"},
      {"critical --act tanh", "--sigma-b2", "[0, 100]"},
      {"critical --act tanh --sigma-b2 -0.1", "--sigma-b2", "[0, 100]"},
      {"critical --sigma-b2 0", "--act", "sigmoid"},
      {jac + "--width 257", "--width", "1 to 256"},
      {jac, "--width", "1 to 2048"},
      {"jacobian --act tanh --init he-normal --width 8", "--depth", "1 to 200"},
      {"jacobian --act tanh --depth 2 --width 8", "--init", "glorot-uniform"},
      {jac + "--width 8 --batch 4", "--batch", "--depth"},
      {"jacobian --act tanh --sigma-w2 1 --depth 2 --width 8", "--sigma-b2", "[0, 100]"},
      {prop + "--sigma-w2 1", "--sigma-b2", "[0, 100]"},
      {prop + "--sigma-w2 0 --sigma-b2 0", "--sigma-w2", "(0, 100]"},
      {prop + "--init he-normal --sigma-w2 1 --sigma-b2 0", "--init", "--sigma-w2"},
      {prop + "--bias-std 1 --sigma-w2 1 --sigma-b2 0", "--bias-std", "--sigma-w2"},
  };
  expect_bad_input(cases);
}

}  // namespace
}  // namespace actlab
