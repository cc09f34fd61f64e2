// Embind: the records' field names from the engine's tables (layer_fields.hpp,
// activation_record.hpp), so that the page's CSV and the tests name the fields the outputs
// carry instead of copying the lists.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "actlab/activation_record.hpp"
#include "actlab/histogram_tails.hpp"
#include "actlab/layer_fields.hpp"

using emscripten::val;

namespace {

val fields() {
  val statistics = val::array();
  val columns = val::array();
  columns.call<void>("push", val(actlab::kLayerIndexColumn));
  for (const actlab::LayerField& field : actlab::kLayerFields) {
    statistics.call<void>("push", val(field.name));
    if (field.format) columns.call<void>("push", val(field.name));
  }
  val histograms = val::array();
  for (const actlab::LayerHistogram& h : actlab::kLayerHistograms) {
    val entry = val::object();
    entry.set("counts", val(h.counts_name));
    entry.set("tails", val(h.tails_name));
    entry.set("edges", val(h.edges_name));
    histograms.call<void>("push", entry);
  }
  val tails = val::array();
  for (const actlab::TailField& tail : actlab::kTailFields)
    tails.call<void>("push", val(tail.name));
  val profile = val::array();
  for (const actlab::ProfileField& field : actlab::kProfileFields) {
    profile.call<void>("push", val(field.name));
  }
  val activation = val::array();
  for (const std::string& name : actlab::activation_record_fields()) {
    activation.call<void>("push", name);
  }
  val result = val::object();
  result.set("index", val(actlab::kLayerIndexName));
  result.set("statistics", statistics);
  result.set("columns", columns);
  result.set("histograms", histograms);
  result.set("tails", tails);
  result.set("profile", profile);
  result.set("activation", activation);
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_fields) {
  emscripten::function("fields", &fields);
}
