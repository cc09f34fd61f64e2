#pragma once
// The fields of the per-layer records, one table each, in the order the outputs write them:
// `actlab propagate`'s JSON and text table (native/cli/propagate_command.cpp), the module's
// objects (wasm/bindings.cpp, wasm/bindings_edge.cpp), the names the tests compare over and the
// page's CSV columns (the module's layerFields(), wasm/bindings_fields.cpp). A field added to a
// record and to its table reaches every one of them.
#include <array>
#include <cstdint>
#include <vector>

#include "actlab/histogram_tails.hpp"
#include "actlab/mean_field_profile.hpp"
#include "actlab/propagation.hpp"

namespace actlab {

// The layer's number l, 1..L: "index" in the JSON and the module, the "layer" column of the
// text table and the CSV.
inline constexpr const char* kLayerIndexName = "index";
inline constexpr const char* kLayerIndexColumn = "layer";

// Which pass computes a statistic: a layer past the signal's overflow has no signal and no
// gradient, one below the gradient's overflow no gradient; the weights' are always there.
enum class LayerPass { signal, gradient, weights };

// A statistic of LayerStatistics, one number per layer (NaN past an overflow).
struct LayerField {
  const char* name;
  double LayerStatistics::*value;
  LayerPass pass;
  // Its column in `propagate --format text` and the page's CSV, printed with this printf
  // format and padded to width (the last column is not padded); nullptr: not a column.
  const char* format;
  int width;
};

inline constexpr std::array<LayerField, 12> kLayerFields = {{
    {"pre_mean", &LayerStatistics::pre_mean, LayerPass::signal, "%.4g", 11},
    {"pre_std", &LayerStatistics::pre_std, LayerPass::signal, "%.4g", 11},
    {"act_mean", &LayerStatistics::act_mean, LayerPass::signal, "%.4g", 11},
    {"act_std", &LayerStatistics::act_std, LayerPass::signal, "%.4g", 11},
    {"saturated", &LayerStatistics::saturated, LayerPass::signal, "%.4f", 10},
    {"dead", &LayerStatistics::dead, LayerPass::signal, "%.4f", 7},
    {"grad_pre_std", &LayerStatistics::grad_pre_std, LayerPass::gradient, "%.4g", 13},
    {"grad_act_std", &LayerStatistics::grad_act_std, LayerPass::gradient, "%.4g", 13},
    {"weight_grad_rms", &LayerStatistics::weight_grad_rms, LayerPass::gradient, "%.4g", 15},
    {"example_weight_grad_rms", &LayerStatistics::example_weight_grad_rms, LayerPass::gradient,
     nullptr, 0},
    {"weight_max_abs", &LayerStatistics::weight_max_abs, LayerPass::weights, nullptr, 0},
    {"weight_gain", &LayerStatistics::weight_gain, LayerPass::weights, nullptr, 0},
}};

// A histogram of every layer: its M counts and three tails in LayerStatistics, its M + 1 edges
// (shared by the layers) in Propagation.
struct LayerHistogram {
  const char* counts_name;
  const char* tails_name;
  const char* edges_name;
  std::vector<std::uint32_t> LayerStatistics::*counts;
  HistogramTails LayerStatistics::*tails;
  std::vector<double> Propagation::*edges;
};

inline constexpr std::array<LayerHistogram, 3> kLayerHistograms = {{
    {"act_hist", "act_tails", "act_hist_edges", &LayerStatistics::act_hist,
     &LayerStatistics::act_tails, &Propagation::act_hist_edges},
    {"log_act_hist", "log_act_tails", "log_act_hist_edges", &LayerStatistics::log_act_hist,
     &LayerStatistics::log_act_tails, &Propagation::log_act_hist_edges},
    {"grad_hist", "grad_tails", "grad_hist_edges", &LayerStatistics::grad_hist,
     &LayerStatistics::grad_tails, &Propagation::grad_hist_edges},
}};

// A number of the mean-field prediction's ProfileLayer (mean_field_profile.hpp), as the
// module's propagationTheory() names its series.
struct ProfileField {
  const char* name;
  double ProfileLayer::*value;
};

inline constexpr std::array<ProfileField, 7> kProfileFields = {{
    {"q", &ProfileLayer::q},
    {"act_mean", &ProfileLayer::act_mean},
    {"act_std", &ProfileLayer::act_std},
    {"grad_pre_std", &ProfileLayer::grad_pre_std},
    {"example_weight_grad_rms", &ProfileLayer::example_weight_grad_rms},
    {"chi", &ProfileLayer::chi},
    {"sigma_w2", &ProfileLayer::sigma_w2},
}};

}  // namespace actlab
