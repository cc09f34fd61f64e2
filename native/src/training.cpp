#include "actlab/training.hpp"

#include <algorithm>
#include <cmath>

#include "actlab/activation_info.hpp"
#include "actlab/message_text.hpp"
#include "actlab/rng.hpp"
#include "actlab/saturation.hpp"
#include "actlab/statistics.hpp"

namespace actlab {

namespace {

// The seed's streams (the data's is 11, propagate's 1..5).
enum Stream : std::uint64_t { kWeightStream = 12, kShuffleStream = 13 };

// --- checks, worded as propagate's ------------------------------------------------------

Expected<int> check_count(const std::string& flag, std::optional<int> value, int lo, int hi,
                          std::optional<int> fallback) {
  const std::string valid = "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (!value) {
    if (fallback) return *fallback;
    return Expected<int>::failure("--" + flag + ": required, " + valid);
  }
  if (*value < lo || *value > hi) {
    return Expected<int>::failure("--" + flag + ": must be " + valid + ", got " +
                                  std::to_string(*value));
  }
  return *value;
}

// A number in [lo, hi], or (lo, hi] when lo itself is excluded.
Expected<double> check_range(const std::string& flag, std::optional<double> value,
                             std::optional<double> fallback, double lo, double hi,
                             bool lo_allowed) {
  const std::string valid = lo_allowed
                                ? "a number from " + number_text(lo) + " to " + number_text(hi)
                                : "a number in (" + number_text(lo) + ", " + number_text(hi) + "]";
  if (!value && !fallback) return Expected<double>::failure("--" + flag + ": required, " + valid);
  const double x = value ? *value : *fallback;
  if ((lo_allowed ? x >= lo : x > lo) && x <= hi) return x;
  return Expected<double>::failure("--" + flag + ": must be " + valid + ", got " + number_text(x));
}

Expected<std::uint32_t> check_seed(std::optional<double> value) {
  const double x = value.value_or(1);
  constexpr double kMaxSeed = 4294967295.0;
  if (x >= 0 && x <= kMaxSeed && x == std::floor(x)) return static_cast<std::uint32_t>(x);
  return Expected<std::uint32_t>::failure("--seed: must be an integer from 0 to 4294967295, got " +
                                          number_text(x));
}

std::uint64_t mebibytes(std::uint64_t bytes) {
  return (bytes + (std::uint64_t{1} << 20) - 1) >> 20;
}

ClassifierShape classifier_shape(const TrainConfig& c) {
  return {c.depth, c.width, dataset_classes(c.data), c.samples};
}

std::size_t weight_scratch_doubles(const TrainConfig& c) {
  const ClassifierShape s = classifier_shape(c);
  std::size_t most = 0;
  for (int l = 1; l <= c.depth + 1; ++l) {
    most = std::max(most, weight_scratch_size(c.init, s.fan_in(l), s.fan_out(l)));
  }
  return most;
}

bool all_finite(const float* x, std::size_t n) {
  bool finite = true;
  for (std::size_t i = 0; i < n; ++i) finite &= std::isfinite(x[i]);
  return finite;
}

Divergence loss_divergence(double loss) {
  return std::isnan(loss) ? Divergence::loss_nan : Divergence::loss_infinite;
}

}  // namespace

Expected<TrainConfig> check_training(const TrainRequest& r) {
  using Result = Expected<TrainConfig>;
  TrainConfig c;
  const Expected<DatasetKind> data = make_dataset_kind(r.data);
  if (!data.ok()) return Result::failure(data.error());
  c.data = data.value();
  const Expected<int> samples =
      check_count("samples", r.samples, kMinSamples, kMaxSamples, kDefaultSamples);
  if (!samples.ok()) return Result::failure(samples.error());
  c.samples = samples.value();
  const Expected<double> noise = check_range("noise", r.noise, kDefaultNoise, 0, kMaxNoise, true);
  if (!noise.ok()) return Result::failure(noise.error());
  c.noise = noise.value();
  if (r.act.empty()) return Result::failure("--act: required; valid: " + activation_ids());
  const Expected<Activation> act = make_activation(r.act, r.alpha.value_or(std::nan("")));
  if (!act.ok()) return Result::failure(act.error());
  c.act = act.value();
  const Expected<Initializer> init =
      make_initializer(r.init, r.init_std.value_or(std::nan("")), r.gain.value_or(std::nan("")));
  if (!init.ok()) return Result::failure(init.error());
  c.init = init.value();
  const Expected<int> depth = check_count("depth", r.depth, 1, kMaxTrainDepth, std::nullopt);
  if (!depth.ok()) return Result::failure(depth.error());
  c.depth = depth.value();
  const Expected<int> width = check_count("width", r.width, 1, kMaxTrainWidth, std::nullopt);
  if (!width.ok()) return Result::failure(width.error());
  c.width = width.value();
  const Expected<OptimizerKind> optimizer = make_optimizer_kind(r.optimizer);
  if (!optimizer.ok()) return Result::failure(optimizer.error());
  c.optimizer.kind = optimizer.value();
  const Expected<double> lr = check_range("lr", r.lr, std::nullopt, 0, kMaxLearningRate, false);
  if (!lr.ok()) return Result::failure(lr.error());
  c.optimizer.lr = lr.value();
  const Expected<double> decay =
      check_range("weight-decay", r.weight_decay, 0.0, 0, kMaxWeightDecay, true);
  if (!decay.ok()) return Result::failure(decay.error());
  c.optimizer.weight_decay = decay.value();
  const Expected<int> batch = check_count("batch", r.batch, 1, kMaxSamples, std::nullopt);
  if (!batch.ok()) return Result::failure(batch.error());
  c.batch = batch.value();
  const Expected<int> steps = check_count("steps", r.steps, 0, kMaxTrainSteps, std::nullopt);
  if (!steps.ok()) return Result::failure(steps.error());
  c.steps = steps.value();
  const Expected<std::uint32_t> seed = check_seed(r.seed);
  if (!seed.ok()) return Result::failure(seed.error());
  c.seed = seed.value();
  const Expected<int> log_every =
      check_count("log-every", r.log_every, 1, kMaxTrainSteps, kDefaultLogEvery);
  if (!log_every.ok()) return Result::failure(log_every.error());
  c.log_every = log_every.value();
  const std::uint64_t bytes = training_bytes(c);
  if (bytes > kTrainMemoryBudgetBytes) {
    return Result::failure("--depth/--width/--samples: this configuration needs " +
                           std::to_string(mebibytes(bytes)) + " MiB, over the " +
                           std::to_string(kTrainMemoryBudgetBytes >> 20) + " MiB budget");
  }
  return c;
}

std::uint64_t training_bytes(const TrainConfig& c) {
  const ClassifierShape s = classifier_shape(c);
  const std::uint64_t R = s.capacity, N = s.width, L = s.depth, C = s.outputs();
  std::uint64_t params = 0;
  for (int l = 1; l <= c.depth + 1; ++l) {
    params += std::uint64_t(s.fan_out(l)) * (s.fan_in(l) + 1);
  }
  // w, dW, the update, up to two optimizer states; h_l and phi'(z_l) per layer, z, two
  // dL/dh, the logits and their delta; the data, the batch and the permutation.
  const std::uint64_t floats = 5 * params + R * N * (2 * L + 3) + 2 * R * C + 6 * R;
  return floats * sizeof(float) + 2 * R * sizeof(int) + sizeof(double) * weight_scratch_doubles(c);
}

std::string divergence_id(Divergence d) {
  switch (d) {
    case Divergence::none:
      return "";
    case Divergence::loss_infinite:
      return "loss-infinite";
    case Divergence::loss_nan:
      return "loss-nan";
    case Divergence::weight_not_finite:
      return "weight-not-finite";
  }
  return "";
}

struct Trainer::State {
  State(const TrainConfig& c, const ClassifierShape& shape)
      : net(shape, c.act), optimizer(c.optimizer, sizes(net)), shuffle(c.seed, kShuffleStream) {}
  static std::vector<std::size_t> sizes(const Classifier<float>& net) {
    std::vector<std::size_t> out;
    for (int l = 1; l <= net.layers(); ++l) {
      out.push_back(net.weight_size(l));
      out.push_back(net.bias_size(l));
    }
    return out;
  }
  Classifier<float> net;
  Optimizer<float> optimizer;
  Rng shuffle;
  std::vector<std::uint32_t> order;  // this epoch's shuffle
  std::size_t next = 0;              // its next position
  std::vector<float> batch_x;
  std::vector<int> batch_y;
  std::vector<std::vector<float>> weight_steps;  // u_l of the last update
  std::vector<float> bias_step;
  std::vector<std::uint32_t> alive;
};

Trainer::Trainer(const TrainConfig& config)
    : config_(config), data_(make_dataset(config.data, config.samples, config.noise, config.seed)) {
  state_ = std::make_unique<State>(config, classifier_shape(config));
  State& s = *state_;
  Classifier<float>& net = s.net;
  Rng rng(config.seed, kWeightStream);
  std::vector<double> scratch(weight_scratch_doubles(config));
  for (int l = 1; l <= net.layers(); ++l) {
    const ClassifierShape& shape = net.shape();
    draw_weights(config.init, shape.fan_in(l), shape.fan_out(l), rng, net.weight(l),
                 scratch.data());
    std::fill(net.bias(l), net.bias(l) + net.bias_size(l), 0.0f);
    s.weight_steps.emplace_back(net.weight_size(l), 0.0f);
  }
  s.bias_step.resize(std::max(config.width, net.shape().outputs()));
  const int B = std::min(config.batch, config.samples);
  s.batch_x.resize(2 * static_cast<std::size_t>(B));
  s.batch_y.resize(B);
  s.order.resize(config.samples);
  s.next = config.samples;  // a shuffle at the first batch
  s.alive.resize(config.width);
}

Trainer::~Trainer() = default;

TrainEntry Trainer::entry() {
  State& s = *state_;
  Classifier<float>& net = s.net;
  const ClassifierShape& shape = net.shape();
  const int n = data_.samples;
  net.forward(data_.x.data(), n);
  const LossAccuracy la = net.loss(data_.y.data());
  TrainEntry e;
  e.step = steps_;
  e.loss = la.loss;
  e.accuracy = la.accuracy;
  const float threshold = saturation_threshold(config_.act, kDefaultSaturationEps);
  for (int l = 1; l <= net.layers(); ++l) {
    TrainLayer t;
    t.index = l;
    const std::size_t cols = shape.fan_out(l), entries = std::size_t(n) * cols;
    const MeanStd h = mean_std(net.h(l), entries);
    t.act_mean = h.mean;
    t.act_std = h.std;
    if (l <= shape.depth) {
      t.saturated =
          double(count_saturated(net.dphi(l), n, cols, threshold, s.alive.data())) / entries;
      t.dead = dead_fraction(s.alive.data(), cols);
    }
    if (steps_ > 0) {
      t.update_ratio = root_mean_square(s.weight_steps[l - 1].data(), net.weight_size(l)) /
                       root_mean_square(net.weight(l), net.weight_size(l));
    }
    e.layers.push_back(t);
  }
  net.backward(data_.y.data());
  for (TrainLayer& t : e.layers) {
    t.weight_grad_rms = root_mean_square(net.weight_gradient(t.index), net.weight_size(t.index));
  }
  return e;
}

int Trainer::step(int k, std::vector<TrainEntry>& logged) {
  if (divergence_ != Divergence::none) return 0;
  State& s = *state_;
  Classifier<float>& net = s.net;
  if (!logged_start_) {
    logged_start_ = true;
    TrainEntry e = entry();
    if (!std::isfinite(e.loss)) {
      divergence_ = loss_divergence(e.loss), diverged_at_ = steps_;
      return 0;
    }
    logged.push_back(std::move(e));
  }
  const int n = data_.samples;
  const int B = std::min(config_.batch, n);
  for (int done = 0; done < k; ++done) {
    if (s.next >= static_cast<std::size_t>(n)) {
      // Fisher-Yates, j uniform on [0, i] as floor(r (i + 1) / 2^32) (bias under 2^-20).
      for (int i = 0; i < n; ++i) s.order[i] = i;
      for (int i = n - 1; i > 0; --i) {
        const std::uint64_t r = s.shuffle.next_u32();
        std::swap(s.order[i], s.order[(r * std::uint64_t(i + 1)) >> 32]);
      }
      s.next = 0;
    }
    const int rows = static_cast<int>(std::min<std::size_t>(B, n - s.next));
    for (int b = 0; b < rows; ++b) {
      const std::uint32_t i = s.order[s.next + b];
      s.batch_x[2 * b] = data_.x[2 * i];
      s.batch_x[2 * b + 1] = data_.x[2 * i + 1];
      s.batch_y[b] = data_.y[i];
    }
    s.next += rows;
    net.forward(s.batch_x.data(), rows);
    const double loss = net.loss(s.batch_y.data()).loss;
    if (!std::isfinite(loss)) {
      divergence_ = loss_divergence(loss), diverged_at_ = steps_;
      return done;
    }
    net.backward(s.batch_y.data());
    s.optimizer.begin_step();
    bool finite = true;
    for (int l = 1; l <= net.layers(); ++l) {
      const std::size_t k_w = 2 * (l - 1), k_b = k_w + 1;
      s.optimizer.update(k_w, net.weight(l), net.weight_gradient(l), true,
                         s.weight_steps[l - 1].data());
      s.optimizer.update(k_b, net.bias(l), net.bias_gradient(l), false, s.bias_step.data());
      finite &= all_finite(net.weight(l), net.weight_size(l)) &&
                all_finite(net.bias(l), net.bias_size(l));
    }
    ++steps_;
    if (!finite) {
      divergence_ = Divergence::weight_not_finite, diverged_at_ = steps_;
      return done + 1;
    }
    if (steps_ % config_.log_every == 0) {
      TrainEntry e = entry();
      if (!std::isfinite(e.loss)) {
        divergence_ = loss_divergence(e.loss), diverged_at_ = steps_;
        return done + 1;
      }
      logged.push_back(std::move(e));
    }
  }
  return k;
}

void Trainer::evaluate_grid(double x0, double x1, double y0, double y1, int nx, int ny,
                            float* out) {
  Classifier<float>& net = state_->net;
  const int capacity = net.shape().capacity, K = data_.classes;
  std::vector<float> x(2 * static_cast<std::size_t>(capacity));
  std::vector<float> p(static_cast<std::size_t>(capacity) * K);
  const std::size_t total = std::size_t(nx) * ny;
  for (std::size_t start = 0; start < total; start += capacity) {
    const int rows = static_cast<int>(std::min<std::size_t>(capacity, total - start));
    for (int b = 0; b < rows; ++b) {
      const std::size_t cell = start + b;
      const std::size_t i = cell % nx, j = cell / nx;
      x[2 * b] = static_cast<float>(x0 + (x1 - x0) * ((i + 0.5) / nx));
      x[2 * b + 1] = static_cast<float>(y1 - (y1 - y0) * ((j + 0.5) / ny));
    }
    net.forward(x.data(), rows);
    net.probabilities(p.data());
    std::copy(p.begin(), p.begin() + std::size_t(rows) * K, out + start * K);
  }
}

TrainResult run_training(const TrainConfig& config) {
  Trainer trainer(config);
  TrainResult result;
  trainer.step(config.steps, result.steps);
  if (trainer.divergence() == Divergence::none &&
      result.steps.back().step != trainer.steps_done()) {
    result.steps.push_back(trainer.entry());
  }
  result.divergence = trainer.divergence();
  result.diverged_at = trainer.diverged_at();
  return result;
}

std::string training_csv_header() {
  return "step,loss,accuracy,layer,weight_grad_rms,update_ratio,act_mean,act_std,saturated,dead\n";
}

std::string training_csv_rows(const TrainEntry& e) {
  std::string out;
  const std::string head =
      std::to_string(e.step) + "," + number_text(e.loss) + "," + number_text(e.accuracy) + ",";
  for (const TrainLayer& t : e.layers) {
    out += head + std::to_string(t.index) + "," + number_text(t.weight_grad_rms) + "," +
           number_text(t.update_ratio) + "," + number_text(t.act_mean) + "," +
           number_text(t.act_std) + "," + number_text(t.saturated) + "," + number_text(t.dead) +
           "\n";
  }
  return out;
}

}  // namespace actlab
