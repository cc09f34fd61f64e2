#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/mean_field_point.hpp"
#include "actlab/message_text.hpp"
#include "actlab/propagation.hpp"
#include "command.hpp"
#include "help_text.hpp"
#include "machine_memory.hpp"

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
  read_integer("bottleneck-layer", r.bottleneck_layer);
  read_integer("bottleneck-width", r.bottleneck_width);
  read_number("input-std", r.input_std);
  read_number("bias-std", r.bias_std);
  read_number("seed", r.seed);
  read_integer("bins", r.bins);
  read_number("saturation-eps", r.saturation_eps);
  if (!error.empty()) return Expected<PropagationRequest>::failure(error);
  r.memory_budget = default_memory_budget();
  const auto mebibytes = args.optional_integer("max-memory");
  if (!mebibytes.ok()) return Expected<PropagationRequest>::failure(mebibytes.error());
  if (mebibytes.value()) {
    if (*mebibytes.value() < 1) {
      return Expected<PropagationRequest>::failure(
          "--max-memory: must be a positive integer (MiB), got " +
          std::to_string(*mebibytes.value()));
    }
    r.memory_budget = std::uint64_t(*mebibytes.value()) << 20;
  }
  return r;
}

nlohmann::json tails_json(const HistogramTails& t) {
  nlohmann::json tails = nlohmann::json::object();
  for (const TailField& field : kTailFields) tails[field.name] = t.*field.count;
  return tails;
}

nlohmann::json optional_json(std::optional<int> x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// K or M of the bottleneck, null when there is none.
nlohmann::json bottleneck_json(const Shape& s, int value) {
  return s.bottleneck_layer > 0 ? nlohmann::json(value) : nlohmann::json(nullptr);
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
  const nlohmann::json doc = {
      {"activation", info(c.act.kind).id},
      {"alpha", c.act.alpha},
      {"init", info(c.init.kind).id},
      {"depth", c.shape.depth},
      {"width", c.shape.width},
      {"batch", c.shape.batch},
      {"input_dim", c.shape.input_dim},
      {"bottleneck_layer", bottleneck_json(c.shape, c.shape.bottleneck_layer)},
      {"bottleneck_width", bottleneck_json(c.shape, c.shape.bottleneck_width)},
      {"seed", c.seed},
      {"draws_hash", hash_text(p.draws_hash)},
      {"act_hist_scale", kActHistScale},
      {"grad_hist_scale", kGradHistScale},
      {"act_hist_edges", p.act_hist_edges},
      {"log_act_hist_edges", p.log_act_hist_edges},
      {"grad_hist_edges", p.grad_hist_edges},
      {"overflow_layer", optional_json(p.overflow_layer)},
      {"grad_overflow_layer", optional_json(p.grad_overflow_layer)},
      {"layers", layers}};
  return doc.dump() + "\n";
}

// A statistic in the table: "-" where the layer has none (past an overflow).
std::string cell(double x, const char* format) {
  if (std::isnan(x)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, format, x);
  return text;
}

std::string table(const Propagation& p) {
  std::string out =
      "layer  pre_mean    pre_std     act_mean    act_std     saturated  dead    "
      "grad_pre_std  grad_act_std  weight_grad_rms\n";
  char line[256];
  for (const LayerStatistics& s : p.layers) {
    std::snprintf(line, sizeof line, "%-6d %-11s %-11s %-11s %-11s %-10s %-7s %-13s %-13s %s\n",
                  s.index, cell(s.pre_mean, "%.4g").c_str(), cell(s.pre_std, "%.4g").c_str(),
                  cell(s.act_mean, "%.4g").c_str(), cell(s.act_std, "%.4g").c_str(),
                  cell(s.saturated, "%.4f").c_str(), cell(s.dead, "%.4f").c_str(),
                  cell(s.grad_pre_std, "%.4g").c_str(), cell(s.grad_act_std, "%.4g").c_str(),
                  cell(s.weight_grad_rms, "%.4g").c_str());
    out += line;
  }
  if (p.overflow_layer) {
    out += "the signal overflows float32 from layer " + std::to_string(*p.overflow_layer) +
           ": exploding activations\n";
  }
  if (p.grad_overflow_layer) {
    out += "the gradient overflows float32 from layer " + std::to_string(*p.grad_overflow_layer) +
           " down: exploding gradients\n";
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

std::string n(double x) {
  return number_text(x);
}

}  // namespace

Command propagate_command() {
  return {
      "propagate",
      "--act ID [--alpha A] --init ID [--init-std S] [--gain G] --depth L --width N --batch B "
      "[--input-dim D] [--bottleneck-layer K --bottleneck-width M] [--input-std S] [--bias-std S] "
      "[--sigma-w2 S --sigma-b2 B] [--seed K] "
      "[--bins M] "
      "[--saturation-eps E] [--max-memory MIB] [--format json|text]",
      "one forward and backward pass of a deep float32 network: per-layer statistics",
      {{"act", "ID", "activation id (see `actlab list`), required"},
       {"alpha", "A", alpha_help()},
       {"init", "ID", "initializer id (see `actlab inits`), required"},
       {"init-std", "S",
        "standard deviation of --init normal, in (0, " + n(kMaxInitScale) + "], required by it"},
       {"gain", "G", "gain of --init orthogonal, in (0, " + n(kMaxInitScale) + "] (default 1)"},
       {"depth", "L", "number of layers, " + span(1, kMaxDepth) + ", required"},
       {"width", "N", "units per layer, " + span(1, kMaxWidth) + ", required"},
       {"batch", "B", "examples, " + span(1, kMaxBatch) + ", required"},
       {"input-dim", "D", "input features, " + span(1, kMaxInputDim) + " (default N)"},
       {"bottleneck-layer", "K",
        "the layer of M units among layers of N, 1..L (default none): fan-out M at layer K, "
        "fan-in M at layer K + 1"},
       {"bottleneck-width", "M", "units of the bottleneck layer, " + span(1, kMaxWidth)},
       {"input-std", "S",
        "standard deviation of the input X, in (0, " + n(kMaxInputScale) + "] (default " +
            n(kDefaultInputStd) + ")"},
       {"bias-std", "S",
        "standard deviation of the biases, " + span(0, kMaxInputScale) + " (default " +
            n(kDefaultBiasStd) + ": zero biases)"},
       {"sigma-w2", "S", "instead of --init: W ~ N(0, S/N), S in (0, 100]; with --sigma-b2"},
       {"sigma-b2", "B", "instead of --bias-std: b ~ N(0, B), B in [0, 100]; with --sigma-w2"},
       {"seed", "K",
        "random seed, an integer " + span(0, kMaxSeed) + " (default " + n(kDefaultSeed) + ")"},
       {"bins", "M",
        "histogram bins, " + span(kMinBins, kMaxBins) + " (default " + n(kDefaultBins) + ")"},
       {"saturation-eps", "E",
        "a unit saturates where |phi'(z)| < E sup|phi'|, E in (0, 1) (default " +
            n(kDefaultSaturationEps) + ")"},
       {"max-memory", "MIB",
        "budget in MiB for all buffers of the run (default half the physical memory: " +
            n(default_memory_budget() >> 20) + ")"},
       {"format", "json|text", "output format (default json)"}},
      run_propagate,
      "The network (every layer with the activation; float32):\n"
      "  h_0 = X ~ N(0, S^2) [B x D]     z_l = h_{l-1} W_l^T + b_l,  h_l = phi(z_l),  "
      "l = 1..L\n"
      "  W_l [N_l x N_{l-1}], N_0 = D, N_l = N but N_K = M at a bottleneck layer K\n"
      "  dL/dh_L = G ~ N(0, 1) [B x N_L] delta_l = dL/dh_l * phi'(z_l),  "
      "dL/dh_{l-1} = delta_l W_l,\n"
      "                                 dW_l = (1/B) delta_l^T h_{l-1}\n"
      "Per layer: mean and std of z_l, h_l; std of delta_l, dL/dh_l; rms of dW_l and of the\n"
      "per-example dL_b/dW_l; max|w| and sqrt(N mean w^2) of W_l; the fraction of values with\n"
      "|phi'| < E sup|phi'| (saturated) and of units with phi' = 0 for all B examples (dead);\n"
      "histograms of h_l (linear), log10|h_l| and log10|delta_l| on edges shared by all\n"
      "layers, with their tails: exact zeros, values below the first edge, above the last.\n"
      "Layers past a float32 overflow have no statistics. X, W, b and G come from --seed, the\n"
      "same on every machine.\n"
      "All buffers of one run must fit in --max-memory (the page's module: " +
          n(kMemoryBudgetBytes >> 20) + " MiB)."};
}

}  // namespace actlab::cli
