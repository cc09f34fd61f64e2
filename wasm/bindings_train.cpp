// Embind bindings of the training lab (native/include/actlab/training.hpp): the whole run of
// `actlab train`, and a Trainer the page steps incrementally, its weights staying in the
// module. Types in, types out, no math; a failed check returns {error: message}, which
// wasm/train_api.mjs throws as an ActlabError.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/train_presets.hpp"
#include "actlab/training.hpp"
#include "binding_options.hpp"

using binding::copy_to_js;
using binding::failure;
using binding::option_integer;
using binding::option_number;
using emscripten::val;

namespace {

actlab::TrainRequest train_request(const val& o) {
  actlab::TrainRequest r;
  r.data = o["data"].as<std::string>();
  r.samples = option_integer(o, "samples");
  r.noise = option_number(o, "noise");
  r.act = o["act"].as<std::string>();
  r.alpha = option_number(o, "alpha");
  r.init = o["init"].as<std::string>();
  r.init_std = option_number(o, "initStd");
  r.gain = option_number(o, "gain");
  r.depth = option_integer(o, "depth");
  r.width = option_integer(o, "width");
  r.optimizer = o["optimizer"].as<std::string>();
  r.lr = option_number(o, "lr");
  r.weight_decay = option_number(o, "weightDecay");
  r.batch = option_integer(o, "batch");
  r.steps = option_integer(o, "steps");
  r.seed = option_number(o, "seed");
  r.log_every = option_integer(o, "logEvery");
  return r;
}

// The request as the JS options it came from (for the presets).
val request_options(const actlab::TrainRequest& r) {
  val o = val::object();
  o.set("data", r.data);
  if (r.samples) o.set("samples", *r.samples);
  if (r.noise) o.set("noise", *r.noise);
  o.set("act", r.act);
  if (r.alpha) o.set("alpha", *r.alpha);
  o.set("init", r.init);
  if (r.init_std) o.set("initStd", *r.init_std);
  if (r.gain) o.set("gain", *r.gain);
  if (r.depth) o.set("depth", *r.depth);
  if (r.width) o.set("width", *r.width);
  o.set("optimizer", r.optimizer);
  if (r.lr) o.set("lr", *r.lr);
  if (r.weight_decay) o.set("weightDecay", *r.weight_decay);
  if (r.batch) o.set("batch", *r.batch);
  if (r.steps) o.set("steps", *r.steps);
  if (r.seed) o.set("seed", *r.seed);
  if (r.log_every) o.set("logEvery", *r.log_every);
  return o;
}

// {step, loss, accuracy, layers: {index, weight_grad_rms, ...}: typed arrays of length L+1}.
val entry_object(const actlab::TrainEntry& e) {
  using actlab::TrainLayer;
  const auto column = [&](double TrainLayer::*field) {
    std::vector<double> values;
    for (const TrainLayer& t : e.layers) values.push_back(t.*field);
    return copy_to_js("Float64Array", values);
  };
  std::vector<int> index;
  for (const TrainLayer& t : e.layers) index.push_back(t.index);
  val layers = val::object();
  layers.set("index", copy_to_js("Int32Array", index));
  layers.set("weight_grad_rms", column(&TrainLayer::weight_grad_rms));
  layers.set("update_ratio", column(&TrainLayer::update_ratio));
  layers.set("act_mean", column(&TrainLayer::act_mean));
  layers.set("act_std", column(&TrainLayer::act_std));
  layers.set("saturated", column(&TrainLayer::saturated));
  layers.set("dead", column(&TrainLayer::dead));
  val object = val::object();
  object.set("step", static_cast<double>(e.step));
  object.set("loss", e.loss);
  object.set("accuracy", e.accuracy);
  object.set("layers", layers);
  return object;
}

void set_divergence(val& object, actlab::Divergence d, std::int64_t at) {
  const bool diverged = d != actlab::Divergence::none;
  object.set("diverged_at", diverged ? val(static_cast<double>(at)) : val::null());
  object.set("divergence", diverged ? val(actlab::divergence_id(d)) : val::null());
}

val config_object(const actlab::TrainConfig& c) {
  val o = val::object();
  o.set("data", actlab::dataset_id(c.data));
  o.set("samples", c.samples);
  o.set("noise", c.noise);
  o.set("classes", actlab::dataset_classes(c.data));
  o.set("activation", actlab::info(c.act.kind).id);
  o.set("alpha", c.act.alpha);
  o.set("init", actlab::info(c.init.kind).id);
  o.set("depth", c.depth);
  o.set("width", c.width);
  o.set("optimizer", actlab::optimizer_id(c.optimizer.kind));
  o.set("lr", c.optimizer.lr);
  o.set("weight_decay", c.optimizer.weight_decay);
  o.set("batch", c.batch);
  o.set("steps_requested", c.steps);
  o.set("seed", static_cast<double>(c.seed));
  o.set("log_every", c.log_every);
  return o;
}

// The whole run, as `actlab train --format json` (its layers as typed arrays), and its CSV.
val train(const val& options) {
  const auto config = actlab::check_training(train_request(options));
  if (!config.ok()) return failure(config.error());
  const actlab::TrainResult r = actlab::run_training(config.value());
  val result = config_object(config.value());
  val steps = val::array();
  std::string csv = actlab::training_csv_header();
  for (const actlab::TrainEntry& e : r.steps) {
    steps.call<void>("push", entry_object(e));
    csv += actlab::training_csv_rows(e);
  }
  result.set("steps", steps);
  set_divergence(result, r.divergence, r.diverged_at);
  result.set("csv", csv);
  return result;
}

// The page's trainer: configure() once, then step(k) as often as wanted; only the latest
// logged entry is kept here (the page keeps the history it draws).
class TrainSession {
 public:
  val configure(const val& options) {
    const auto config = actlab::check_training(train_request(options));
    if (!config.ok()) return failure(config.error());
    trainer_ = std::make_unique<actlab::Trainer>(config.value());
    return config_object(config.value());
  }

  // {entries: [entry + csv rows], steps_done, diverged_at, divergence}.
  val step(int k) {
    logged_.clear();
    trainer_->step(k, logged_);
    val entries = val::array();
    for (const actlab::TrainEntry& e : logged_) {
      val object = entry_object(e);
      object.set("csv", actlab::training_csv_rows(e));
      entries.call<void>("push", object);
    }
    if (!logged_.empty()) latest_ = logged_.back();
    val result = val::object();
    result.set("entries", entries);
    result.set("steps_done", static_cast<double>(trainer_->steps_done()));
    set_divergence(result, trainer_->divergence(), trainer_->diverged_at());
    return result;
  }

  // The latest logged entry, or null before the first step().
  val latest() const {
    if (!latest_) return val::null();
    val object = entry_object(*latest_);
    object.set("csv", actlab::training_csv_rows(*latest_));
    return object;
  }

  // The current step's entry, logged or not (the last line of an export).
  val current() {
    const actlab::TrainEntry e = trainer_->entry();
    val object = entry_object(e);
    object.set("csv", actlab::training_csv_rows(e));
    return object;
  }

  val grid(double x0, double x1, double y0, double y1, int nx, int ny) {
    const int classes = trainer_->data().classes;
    grid_.resize(static_cast<std::size_t>(nx) * ny * classes);
    trainer_->evaluate_grid(x0, x1, y0, y1, nx, ny, grid_.data());
    return copy_to_js("Float32Array", grid_);
  }

  val data() const {
    const actlab::Dataset& d = trainer_->data();
    val object = val::object();
    object.set("x", copy_to_js("Float32Array", d.x));
    object.set("y", copy_to_js("Int32Array", d.y));
    object.set("classes", d.classes);
    return object;
  }

 private:
  std::unique_ptr<actlab::Trainer> trainer_;
  std::vector<actlab::TrainEntry> logged_;
  std::optional<actlab::TrainEntry> latest_;
  std::vector<float> grid_;
};

val list_train_presets() {
  val list = val::array();
  for (const actlab::TrainPreset& p : actlab::train_presets()) {
    val object = val::object();
    object.set("id", p.id);
    object.set("main", request_options(p.main));
    object.set("compare", p.compare ? request_options(*p.compare) : val::null());
    list.call<void>("push", object);
  }
  return list;
}

// The train defaults and limits the page's controls clamp to (one source: training.hpp).
val train_limits() {
  val o = val::object();
  o.set("minSamples", actlab::kMinSamples);
  o.set("maxSamples", actlab::kMaxSamples);
  o.set("defaultSamples", actlab::kDefaultSamples);
  o.set("maxNoise", actlab::kMaxNoise);
  o.set("defaultNoise", actlab::kDefaultNoise);
  o.set("maxDepth", actlab::kMaxTrainDepth);
  o.set("maxWidth", actlab::kMaxTrainWidth);
  o.set("maxSteps", actlab::kMaxTrainSteps);
  o.set("maxLearningRate", actlab::kMaxLearningRate);
  o.set("maxWeightDecay", actlab::kMaxWeightDecay);
  o.set("defaultLogEvery", actlab::kDefaultLogEvery);
  val datasets = val::array();
  for (const std::string& id : actlab::dataset_ids()) datasets.call<void>("push", id);
  o.set("datasets", datasets);
  val optimizers = val::array();
  for (const std::string& id : actlab::optimizer_ids()) optimizers.call<void>("push", id);
  o.set("optimizers", optimizers);
  return o;
}

std::string train_csv_header() {
  return actlab::training_csv_header();
}

// Bytes malloc has handed out and not taken back: what the memory tests watch.
double memory_in_use() {
  return static_cast<double>(mallinfo().uordblks);
}

}  // namespace

EMSCRIPTEN_BINDINGS(actlab_train) {
  emscripten::function("train", &train);
  emscripten::function("listTrainPresets", &list_train_presets);
  emscripten::function("trainLimits", &train_limits);
  emscripten::function("trainCsvHeader", &train_csv_header);
  emscripten::function("memoryInUse", &memory_in_use);
  emscripten::class_<TrainSession>("TrainSession")
      .constructor<>()
      .function("configure", &TrainSession::configure)
      .function("step", &TrainSession::step)
      .function("latest", &TrainSession::latest)
      .function("current", &TrainSession::current)
      .function("grid", &TrainSession::grid)
      .function("data", &TrainSession::data);
}
