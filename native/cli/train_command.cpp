#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/dataset.hpp"
#include "actlab/message_text.hpp"
#include "actlab/optimizer.hpp"
#include "actlab/training.hpp"
#include "command.hpp"
#include "help_text.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"json", "csv"}};

namespace {

// "sgd, momentum (0.9) or adam (0.9, 0.999, 1e-8)": each optimizer with its constants.
std::string optimizer_help() {
  return optimizer_id(OptimizerKind::sgd) + ", " + optimizer_id(OptimizerKind::momentum) + " (" +
         number_text(kMomentum) + ") or " + optimizer_id(OptimizerKind::adam) + " (" +
         number_text(kAdamBeta1) + ", " + number_text(kAdamBeta2) + ", " +
         number_text(kAdamEpsilon) + ")";
}

// The flags' values into the request, the first unparsable one failing (in --help order).
Expected<TrainRequest> read_request(const Args& args) {
  TrainRequest r;
  r.data = args.text("data", "");
  r.act = args.text("act", "");
  r.init = args.text("init", "");
  r.optimizer = args.text("optimizer", "");
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
  read_integer("samples", r.samples);
  read_number("noise", r.noise);
  read_number("alpha", r.alpha);
  read_number("init-std", r.init_std);
  read_number("gain", r.gain);
  read_integer("depth", r.depth);
  read_integer("width", r.width);
  read_number("lr", r.lr);
  read_number("weight-decay", r.weight_decay);
  read_integer("batch", r.batch);
  read_integer("steps", r.steps);
  read_number("seed", r.seed);
  read_integer("log-every", r.log_every);
  if (!error.empty()) return Expected<TrainRequest>::failure(error);
  return r;
}

std::string json(const TrainConfig& c, const TrainResult& result) {
  nlohmann::json steps = nlohmann::json::array();
  for (const TrainEntry& e : result.steps) {
    nlohmann::json layers = nlohmann::json::array();
    for (const TrainLayer& t : e.layers) {
      layers.push_back({{"index", t.index},
                        {"weight_grad_rms", t.weight_grad_rms},
                        {"update_ratio", t.update_ratio},
                        {"act_mean", t.act_mean},
                        {"act_std", t.act_std},
                        {"saturated", t.saturated},
                        {"dead", t.dead}});
    }
    steps.push_back(
        {{"step", e.step}, {"loss", e.loss}, {"accuracy", e.accuracy}, {"layers", layers}});
  }
  const bool diverged = result.divergence != Divergence::none;
  const nlohmann::json doc = {
      {"data", dataset_id(c.data)},
      {"samples", c.samples},
      {"noise", c.noise},
      {"classes", dataset_classes(c.data)},
      {"activation", info(c.act.kind).id},
      {"alpha", c.act.alpha},
      {"init", info(c.init.kind).id},
      {"depth", c.depth},
      {"width", c.width},
      {"optimizer", optimizer_id(c.optimizer.kind)},
      {"lr", c.optimizer.lr},
      {"weight_decay", c.optimizer.weight_decay},
      {"batch", c.batch},
      {"steps_requested", c.steps},
      {"seed", c.seed},
      {"log_every", c.log_every},
      {"steps", steps},
      {"diverged_at", diverged ? nlohmann::json(result.diverged_at) : nlohmann::json(nullptr)},
      {"divergence",
       diverged ? nlohmann::json(divergence_id(result.divergence)) : nlohmann::json(nullptr)}};
  return doc.dump() + "\n";
}

std::string csv(const TrainResult& result) {
  std::string out = training_csv_header();
  for (const TrainEntry& e : result.steps) out += training_csv_rows(e);
  return out;
}

Expected<std::string> run_train(const Args& args) {
  const Expected<TrainRequest> request = read_request(args);
  if (!request.ok()) return Expected<std::string>::failure(request.error());
  const Expected<TrainConfig> config = check_training(request.value());
  if (!config.ok()) return Expected<std::string>::failure(config.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  const TrainResult result = run_training(config.value());
  return format.value() == "json" ? json(config.value(), result) : csv(result);
}

}  // namespace

Command train_command() {
  return {
      "train",
      "train a small float32 classifier on 2-D data: per-step loss, accuracy, per-layer "
      "gradients",
      {{"data", "ID", "dataset: " + list_text(dataset_ids()), Need::required},
       {"samples", "N",
        "number of points, " + span(kMinSamples, kMaxSamples) + " (default " +
            number_text(kDefaultSamples) + ")"},
       {"noise", "S",
        "standard deviation of the noise added to each coordinate, " + span(0, kMaxNoise) +
            " (default " + number_text(kDefaultNoise) + ")"},
       {"act", "ID", "activation of the hidden layers (see `actlab list`)", Need::required},
       alpha_flag(),
       {"init", "ID", "initializer of every weight matrix (see `actlab inits`)", Need::required},
       init_std_flag(),
       gain_flag(),
       depth_flag("hidden layers", kMaxTrainDepth),
       width_flag("units per hidden layer", kMaxTrainWidth),
       {"optimizer", "ID", optimizer_help(), Need::required},
       {"lr", "R", "learning rate, in (0, " + number_text(kMaxLearningRate) + "]", Need::required},
       {"weight-decay", "D",
        "L2 weight decay of the weight matrices, " + span(0, kMaxWeightDecay) + " (default 0)"},
       {"batch", "B",
        "examples per update, " + span(1, kMaxSamples) + " (at least --samples: full batch)",
        Need::required},
       {"steps", "S", "updates, " + span(0, kMaxTrainSteps), Need::required},
       seed_flag("random seed of data, weights and shuffles"),
       {"log-every", "E",
        "log every E steps, " + span(1, kMaxTrainSteps) + " (default " +
            number_text(kDefaultLogEvery) + "; step 0 and the last always)"},
       kFormats.flag()},
      run_train,
      "The model: h_0 = x (2-D), h_l = phi(h_{l-1} W_l^T + b_l) for l = 1..L (width N), then\n"
      "logits h_L W_{L+1}^T + b_{L+1}: one unit and binary cross-entropy from the logit for\n"
      "two classes, K units and softmax cross-entropy for K. Every W_l by --init, biases 0.\n"
      "Mini-batches from a shuffle per epoch; the loss is averaged over the batch.\n"
      "Each logged step is a pass over all the points: loss, accuracy, and per layer 1..L+1\n"
      "the rms of dL/dW_l, rms(update) / rms(W_l) of the last update, the mean and std of\n"
      "h_l, the saturated fraction (|phi'| < 0.1 sup|phi'|) and dead units.\n"
      "A loss or weight that is not finite stops the run: diverged_at is its step."};
}

}  // namespace actlab::cli
