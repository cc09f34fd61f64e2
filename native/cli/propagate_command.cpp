#include <cstdio>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/mean_field_point.hpp"
#include "actlab/propagation.hpp"
#include "command.hpp"

namespace actlab::cli {

namespace {

// The flags' values into the request, the first unparsable one failing (in --help order).
Expected<PropagationRequest> read_request(const Args& args) {
  PropagationRequest r;
  r.act = args.text("act", "");
  r.init = args.text("init", "");
  std::string error;
  const auto read_number = [&](const char* name, std::optional<double>& target) {
    const auto x = args.optional_number(name);
    if (!x.ok() && error.empty()) error = x.error();
    if (x.ok()) target = x.value();
  };
  const auto read_integer = [&](const char* name, std::optional<int>& target) {
    const auto x = args.optional_integer(name);
    if (!x.ok() && error.empty()) error = x.error();
    if (x.ok()) target = x.value();
  };
  read_number("alpha", r.alpha);
  read_number("init-std", r.init_std);
  read_number("gain", r.gain);
  read_integer("depth", r.depth);
  read_integer("width", r.width);
  read_integer("batch", r.batch);
  read_integer("input-dim", r.input_dim);
  read_number("input-std", r.input_std);
  read_number("bias-std", r.bias_std);
  read_number("seed", r.seed);
  read_integer("bins", r.bins);
  read_number("saturation-eps", r.saturation_eps);
  if (!error.empty()) return Expected<PropagationRequest>::failure(error);
  return r;
}

nlohmann::json tails_json(const HistogramTails& t) {
  nlohmann::json tails = nlohmann::json::object();
  for (const TailField& field : kTailFields) tails[field.name] = t.*field.count;
  return tails;
}

std::string json(const PropagationConfig& c, const Propagation& p) {
  nlohmann::json layers = nlohmann::json::array();
  for (const LayerStatistics& s : p.layers) {
    layers.push_back({{"index", s.index},
                      {"pre_mean", s.pre_mean},
                      {"pre_std", s.pre_std},
                      {"act_mean", s.act_mean},
                      {"act_std", s.act_std},
                      {"saturated", s.saturated},
                      {"dead", s.dead},
                      {"grad_pre_std", s.grad_pre_std},
                      {"grad_act_std", s.grad_act_std},
                      {"weight_grad_rms", s.weight_grad_rms},
                      {"example_weight_grad_rms", s.example_weight_grad_rms},
                      {"weight_max_abs", s.weight_max_abs},
                      {"weight_gain", s.weight_gain},
                      {"act_hist", s.act_hist},
                      {"act_tails", tails_json(s.act_tails)},
                      {"log_act_hist", s.log_act_hist},
                      {"log_act_tails", tails_json(s.log_act_tails)},
                      {"grad_hist", s.grad_hist},
                      {"grad_tails", tails_json(s.grad_tails)}});
  }
  const nlohmann::json doc = {{"activation", info(c.act.kind).id},
                              {"alpha", c.act.alpha},
                              {"init", info(c.init.kind).id},
                              {"depth", c.shape.depth},
                              {"width", c.shape.width},
                              {"batch", c.shape.batch},
                              {"input_dim", c.shape.input_dim},
                              {"seed", c.seed},
                              {"draws_hash", hash_text(p.draws_hash)},
                              {"act_hist_scale", kActHistScale},
                              {"grad_hist_scale", kGradHistScale},
                              {"act_hist_edges", p.act_hist_edges},
                              {"log_act_hist_edges", p.log_act_hist_edges},
                              {"grad_hist_edges", p.grad_hist_edges},
                              {"layers", layers}};
  return doc.dump() + "\n";
}

std::string table(const Propagation& p) {
  std::string out =
      "layer  pre_mean    pre_std     act_mean    act_std     saturated  dead    "
      "grad_pre_std  grad_act_std  weight_grad_rms\n";
  char line[256];
  for (const LayerStatistics& s : p.layers) {
    std::snprintf(line, sizeof line,
                  "%-6d %-11.4g %-11.4g %-11.4g %-11.4g %-10.4f %-7.4f %-13.4g %-13.4g %.4g\n",
                  s.index, s.pre_mean, s.pre_std, s.act_mean, s.act_std, s.saturated, s.dead,
                  s.grad_pre_std, s.grad_act_std, s.weight_grad_rms);
    out += line;
  }
  return out;
}

Expected<std::string> run_propagate(const Args& args) {
  const Expected<PropagationRequest> request = read_request(args);
  if (!request.ok()) return Expected<std::string>::failure(request.error());
  const Expected<std::optional<double>> w2 = args.optional_number("sigma-w2");
  if (!w2.ok()) return Expected<std::string>::failure(w2.error());
  const Expected<std::optional<double>> b2 = args.optional_number("sigma-b2");
  if (!b2.ok()) return Expected<std::string>::failure(b2.error());
  const Expected<PropagationConfig> config =
      check_mean_field_point(request.value(), w2.value(), b2.value());
  if (!config.ok()) return Expected<std::string>::failure(config.error());
  const Expected<std::string> format = args.choice("format", {"json", "text"}, "json");
  if (!format.ok()) return format;
  const Propagation result = Propagator().run(config.value());
  return format.value() == "json" ? json(config.value(), result) : table(result);
}

}  // namespace

Command propagate_command() {
  return {"propagate",
          "--act ID [--alpha A] --init ID [--init-std S] [--gain G] --depth L --width N --batch B "
          "[--input-dim D] [--input-std S] [--bias-std S] [--sigma-w2 S --sigma-b2 B] [--seed K] "
          "[--bins M] "
          "[--saturation-eps E] [--format json|text]",
          "one forward and backward pass of a deep float32 network: per-layer statistics",
          {{"act", "ID", "activation id (see `actlab list`), required"},
           {"alpha", "A", "parameter of leaky-relu (default 0.01) and elu (default 1)"},
           {"init", "ID", "initializer id (see `actlab inits`), required"},
           {"init-std", "S", "standard deviation of --init normal, in (0, 100], required by it"},
           {"gain", "G", "gain of --init orthogonal, in (0, 100] (default 1)"},
           {"depth", "L", "number of layers, 1..200, required"},
           {"width", "N", "units per layer, 1..2048, required"},
           {"batch", "B", "examples, 1..4096, required"},
           {"input-dim", "D", "input features, 1..4096 (default N)"},
           {"input-std", "S", "standard deviation of the input X, in (0, 100] (default 1)"},
           {"bias-std", "S", "standard deviation of the biases, 0..100 (default 0: zero biases)"},
           {"sigma-w2", "S", "instead of --init: W ~ N(0, S/N), S in (0, 100]; with --sigma-b2"},
           {"sigma-b2", "B", "instead of --bias-std: b ~ N(0, B), B in [0, 100]; with --sigma-w2"},
           {"seed", "K", "random seed, an integer 0..4294967295 (default 1)"},
           {"bins", "M", "histogram bins, 2..512 (default 64)"},
           {"saturation-eps", "E",
            "a unit saturates where |phi'(z)| < E sup|phi'|, E in (0, 1) (default 0.1)"},
           {"format", "json|text", "output format (default json)"}},
          run_propagate,
          "The network (every layer with the activation; float32):\n"
          "  h_0 = X ~ N(0, S^2) [B x D]     z_l = h_{l-1} W_l^T + b_l,  h_l = phi(z_l),  "
          "l = 1..L\n"
          "  dL/dh_L = G ~ N(0, 1) [B x N]  delta_l = dL/dh_l * phi'(z_l),  "
          "dL/dh_{l-1} = delta_l W_l,\n"
          "                                 dW_l = (1/B) delta_l^T h_{l-1}\n"
          "Per layer: mean and std of z_l, h_l; std of delta_l, dL/dh_l; rms of dW_l and of the\n"
          "per-example dL_b/dW_l; max|w| and sqrt(N mean w^2) of W_l; the fraction of values with\n"
          "|phi'| < E sup|phi'| (saturated) and of units with phi' = 0 for all B examples (dead);\n"
          "histograms of h_l (linear), log10|h_l| and log10|delta_l| on edges shared by all\n"
          "layers, with their tails: exact zeros, values below the first edge, above the last\n"
          "(and NaN). X, W, b and G come from --seed, the same on every machine.\n"
          "All buffers of one run must fit in 256 MiB."};
}

}  // namespace actlab::cli
