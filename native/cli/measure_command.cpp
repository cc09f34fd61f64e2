// `actlab measure`: a real network's q_l and c_l beside the theory's (mean_field_measure.hpp).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/mean_field_measure.hpp"
#include "actlab/message_text.hpp"
#include "actlab/network.hpp"
#include "actlab/trainable_depth.hpp"
#include "command.hpp"
#include "help_text.hpp"
#include "shared_flags.hpp"
#include "theory_json.hpp"
#include "theory_request.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json"}};

namespace {

Expected<MeasureRequest> read_request(const Args& args) {
  using Result = Expected<MeasureRequest>;
  MeasureRequest r;
  const Expected<TheoryRequest> theory = read_theory_request(args);
  if (!theory.ok()) return Result::failure(theory.error());
  r.theory = theory.value();
  const auto width = args.optional_integer("width");
  if (!width.ok()) return Result::failure(width.error());
  r.width = width.value();
  const auto pairs = args.optional_integer("pairs");
  if (!pairs.ok()) return Result::failure(pairs.error());
  r.pairs = pairs.value();
  const auto seed = args.optional_number("seed");
  if (!seed.ok()) return Result::failure(seed.error());
  r.seed = seed.value();
  return r;
}

std::string text(const Theory& t, const std::vector<MeasuredLayer>& measured) {
  std::string out = "q* " + number_or_none(t.q_star) + "  chi1 " + number_or_none(t.chi1) +
                    "  xi_c " + number_or_none(t.xi_c) + "  trainable depth " +
                    number_or_none(trainable_depth(t.xi_c)) +
                    "\nlayer  q            q theory     c            c theory\n";
  char line[128];
  for (std::size_t i = 0; i < measured.size(); ++i) {
    const MeasuredLayer& m = measured[i];
    const TheoryLayer& l = t.layers[i];
    std::snprintf(line, sizeof line, "%-6d %-12.6g %-12.6g %-12.6g %.6g\n", m.index, m.q, l.q, m.c,
                  l.c);
    out += line;
  }
  return out;
}

Expected<std::string> run_measure(const Args& args) {
  const Expected<MeasureRequest> request = read_request(args);
  if (!request.ok()) return Expected<std::string>::failure(request.error());
  const Expected<MeasureConfig> config = check_measure(request.value());
  if (!config.ok()) return Expected<std::string>::failure(config.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  const MeasureConfig& c = config.value();
  const Theory t = theory(c.theory);
  const std::vector<MeasuredLayer> measured = measure_mean_field(c);
  if (format.value() == "text") return text(t, measured);
  nlohmann::json layers = nlohmann::json::array();
  for (std::size_t i = 0; i < measured.size(); ++i) {
    layers.push_back({{"index", measured[i].index},
                      {"q", number_or_null(measured[i].q)},
                      {"c", number_or_null(measured[i].c)},
                      {"q_theory", number_or_null(t.layers[i].q)},
                      {"c_theory", number_or_null(t.layers[i].c)}});
  }
  const MeanField& mf = c.theory.mf;
  const nlohmann::json doc = {{"activation", info(mf.act.kind).id},
                              {"sigma_w2", mf.sigma_w2},
                              {"sigma_b2", mf.sigma_b2},
                              {"width", c.width},
                              {"pairs", c.pairs},
                              {"seed", c.seed},
                              {"q0", c.theory.q0},
                              {"c0", c.theory.c0},
                              {"q_star", number_or_null(t.q_star)},
                              {"chi1", number_or_null(t.chi1)},
                              {"xi_c", number_or_null(t.xi_c)},
                              {"c_star", number_or_null(t.c_star)},
                              {"trainable_depth", number_or_null(trainable_depth(t.xi_c))},
                              {"layers", layers}};
  return doc.dump() + "\n";
}

}  // namespace

Command measure_command() {
  return {
      "measure",
      "a network's measured q_l and c_l at (sigma_w2, sigma_b2) beside the theory's",
      {act_flag(),
       alpha_flag(),
       sigma_w2_flag(),
       sigma_b2_flag(),
       depth_flag("layers", kMaxDepth, kDefaultTheoryDepth),
       q0_flag(),
       c0_flag(),
       width_flag("units per layer and input dimension", kMaxMeasureWidth, kDefaultMeasureWidth),
       {"pairs", "P",
        "pairs of inputs averaged over, " + span(1, kMaxMeasurePairs) + " (default " +
            number_text(kDefaultMeasurePairs) + ")"},
       seed_flag(),
       kFormats.flag()},
      run_measure,
      "P pairs x, x' with x = sqrt(q0) u, x' = sqrt(q0) (c0 u + sqrt(1 - c0^2) v), u, v ~\n"
      "N(0, I_N), through L layers z_l = W_l h_{l-1} + b_l, W_l ~ N(0, sigma_w2 / N),\n"
      "b_l ~ N(0, sigma_b2) (propagate --sigma-w2 --sigma-b2's draws for the seed), in\n"
      "double. Per layer, over the P N entries: q = (mean z(x)^2 + mean z(x')^2) / 2 and\n"
      "c = mean z(x) z(x') / sqrt(mean z(x)^2 mean z(x')^2); q_theory and c_theory are\n"
      "`actlab theory`'s. At width N they differ from the theory by about (1 - c^2) /\n"
      "sqrt(N) per layer (c) and sqrt(2 / N) (q, relative). trainable_depth = 6 xi_c."};
}

}  // namespace actlab::cli
