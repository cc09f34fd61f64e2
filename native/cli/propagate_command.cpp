#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/layer_fields.hpp"
#include "actlab/mean_field_point.hpp"
#include "actlab/message_text.hpp"
#include "actlab/propagation.hpp"
#include "command.hpp"
#include "help_text.hpp"
#include "machine_memory.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"json", "text"}};

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
    nlohmann::json layer = {{kLayerIndexName, s.index}};
    for (const LayerField& field : kLayerFields) layer[field.name] = s.*field.value;
    for (const LayerHistogram& h : kLayerHistograms) {
      layer[h.counts_name] = s.*h.counts;
      layer[h.tails_name] = tails_json(s.*h.tails);
    }
    layers.push_back(layer);
  }
  nlohmann::json doc = {{"activation", info(c.act.kind).id},
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
                        {"overflow_layer", optional_json(p.overflow_layer)},
                        {"grad_overflow_layer", optional_json(p.grad_overflow_layer)},
                        {"layers", layers}};
  for (const LayerHistogram& h : kLayerHistograms) doc[h.edges_name] = p.*h.edges;
  return doc.dump() + "\n";
}

// A statistic in the table: "-" where the layer has none (past an overflow).
std::string cell(double x, const char* format) {
  if (std::isnan(x)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, format, x);
  return text;
}

// Text padded to a column's width; the last column is not padded.
std::string padded(const std::string& text, int width, bool last) {
  return last || int(text.size()) >= width ? text : text + std::string(width - text.size(), ' ');
}

// The columns: the layer, then the statistics of kLayerFields that have a format.
std::string table(const Propagation& p) {
  std::vector<const LayerField*> columns;
  for (const LayerField& field : kLayerFields) {
    if (field.format) columns.push_back(&field);
  }
  constexpr int kIndexWidth = 6;
  const auto row = [&](const std::string& index, const auto& text_of) {
    std::string line = padded(index, kIndexWidth, false);
    for (std::size_t j = 0; j < columns.size(); ++j) {
      line += " " + padded(text_of(*columns[j]), columns[j]->width, j + 1 == columns.size());
    }
    return line + "\n";
  };
  std::string out = row(kLayerIndexColumn, [](const LayerField& f) { return std::string(f.name); });
  for (const LayerStatistics& s : p.layers) {
    out += row(std::to_string(s.index),
               [&](const LayerField& f) { return cell(s.*f.value, f.format); });
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
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  const Propagation result = Propagator(0).run(config.value());  // one run: nothing to keep
  return format.value() == "json" ? json(config.value(), result) : table(result);
}

std::string n(double x) {
  return number_text(x);
}

}  // namespace

Command propagate_command() {
  return {"propagate",
          "one forward and backward pass of a deep float32 network: per-layer statistics",
          {act_flag(),
           alpha_flag(),
           init_or_sigma_flag(),
           init_std_flag(),
           gain_flag(),
           sigma_w2_flag(true),
           sigma_b2_flag(true),
           depth_flag("number of layers", kMaxDepth),
           width_flag("units per layer", kMaxWidth),
           {"batch", "B", "examples, " + span(1, kMaxBatch), Need::required},
           {"input-dim", "D", "input features, " + span(1, kMaxInputDim) + " (default N)"},
           {"bottleneck-layer", "K",
            "the layer of M units among layers of N, 1..L (default none): fan-out M at layer K, "
            "fan-in M at layer K + 1"},
           {"bottleneck-width", "M", "units of the bottleneck layer, " + span(1, kMaxWidth),
            Need::with_previous},
           input_std_flag("X"),
           bias_std_flag(),
           seed_flag(),
           {"bins", "M",
            "histogram bins, " + span(kMinBins, kMaxBins) + " (default " + n(kDefaultBins) + ")"},
           {"saturation-eps", "E",
            "a unit saturates where |phi'(z)| < E sup|phi'|, E in (0, 1) (default " +
                n(kDefaultSaturationEps) + ")"},
           {"max-memory", "MIB",
            "budget in MiB for all buffers of the run (default half the physical memory: " +
                n(default_memory_budget() >> 20) + ")"},
           kFormats.flag()},
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
