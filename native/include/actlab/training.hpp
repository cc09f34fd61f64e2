#pragma once
// The training lab behind `actlab train` and the page's training figure: a Classifier
// (classifier.hpp) in float32 trained on a Dataset (dataset.hpp) by an Optimizer
// (optimizer.hpp) on mini-batches, with a log of what every layer does.
//   Weights: W_1..W_{L+1} by the initializer from the seed's weight stream; biases 0.
//   Batches: a shuffle of the samples per epoch (Fisher-Yates from the seed's shuffle stream),
//   cut into batches of B in order, the last one of an epoch smaller when B does not divide
//   the samples; B >= samples is full batch.
//   Step s: the weights after s updates. The log holds step 0 (before any update), every
//   multiple of --log-every, and the last step. An entry is one pass over all the samples with
//   the step's weights (statistics in double): the mean cross-entropy and accuracy, and per
//   layer l = 1..L+1 (L+1: the output layer)
//     weight_grad_rms  rms of dL/dW_l over all samples (the loss's gradient, without decay)
//     update_ratio     rms(u_l) / rms(W_l) of the update u_l that made step s (0 at step 0)
//     act_mean, act_std  of h_l over all samples (the logits for L+1)
//     saturated, dead  as propagate defines them (saturation.hpp), eps 0.1 (0 for the linear
//                      output layer)
//   Divergence: a mini-batch loss that is not finite, an update that leaves a weight or bias
//   not finite, or a logged loss that is not finite stops the run; diverged_at is its step.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation.hpp"
#include "actlab/classifier.hpp"
#include "actlab/dataset.hpp"
#include "actlab/expected.hpp"
#include "actlab/initializer.hpp"
#include "actlab/optimizer.hpp"

namespace actlab {

// The limits of the flags and of the page's controls (the memory budget narrows them).
inline constexpr int kMaxTrainDepth = 64;
inline constexpr int kMaxTrainWidth = 256;
inline constexpr int kMaxTrainSteps = 1000000;
inline constexpr double kMaxLearningRate = 100;
inline constexpr double kMaxWeightDecay = 1;
inline constexpr int kDefaultSamples = 200;
inline constexpr double kDefaultNoise = 0.1;
inline constexpr int kDefaultLogEvery = 10;
inline constexpr std::uint64_t kTrainMemoryBudgetBytes = std::uint64_t{256} << 20;

// What the user asked for, as CLI flags or JS options; nullopt or empty: not given.
struct TrainRequest {
  std::string data;                    // --data, required
  std::optional<int> samples;          // 4..5000, default 200
  std::optional<double> noise;         // 0..2, default 0.1
  std::string act;                     // --act, required
  std::optional<double> alpha;         // --alpha
  std::string init;                    // --init, required
  std::optional<double> init_std;      // --init-std
  std::optional<double> gain;          // --gain
  std::optional<int> depth;            // L, 1..64, required
  std::optional<int> width;            // N, 1..256, required
  std::string optimizer;               // sgd | momentum | adam, required
  std::optional<double> lr;            // (0, 100], required
  std::optional<double> weight_decay;  // [0, 1], default 0
  std::optional<int> batch;            // 1..5000, required
  std::optional<int> steps;            // 0..1000000, required
  std::optional<double> seed;          // an integer 0..4294967295, default 1
  std::optional<int> log_every;        // 1..1000000, default 10
};

struct TrainConfig {
  DatasetKind data = DatasetKind::moons;
  int samples = kDefaultSamples;
  double noise = kDefaultNoise;
  Activation act;
  Initializer init;
  int depth = 1;
  int width = 1;
  OptimizerConfig optimizer;
  int batch = 1;  // as given; min(batch, samples) examples per update
  int steps = 0;
  std::uint32_t seed = 1;
  int log_every = kDefaultLogEvery;
};

// Checks every flag in the order of `actlab train --help`, then the memory budget.
Expected<TrainConfig> check_training(const TrainRequest& request);
// The bytes a Trainer holds for the configuration.
std::uint64_t training_bytes(const TrainConfig& config);

struct TrainLayer {
  int index = 0;  // l, 1..L+1
  double weight_grad_rms = 0;
  double update_ratio = 0;
  double act_mean = 0;
  double act_std = 0;
  double saturated = 0;
  double dead = 0;
};

struct TrainEntry {
  std::int64_t step = 0;
  double loss = 0;
  double accuracy = 0;
  std::vector<TrainLayer> layers;  // L + 1
};

enum class Divergence { none, loss_infinite, loss_nan, weight_not_finite };
// "loss-infinite", "loss-nan", "weight-not-finite" ("" for none).
std::string divergence_id(Divergence d);

class Trainer {
 public:
  explicit Trainer(const TrainConfig& config);
  ~Trainer();

  // Up to k more updates, fewer when the run diverges; the entries logged on the way (step 0
  // first, at the first call) are appended to `logged`. Returns the updates made.
  int step(int k, std::vector<TrainEntry>& logged);
  // The entry of the current step (logged or not).
  TrainEntry entry();

  std::int64_t steps_done() const { return steps_; }
  Divergence divergence() const { return divergence_; }
  std::int64_t diverged_at() const { return diverged_at_; }  // -1 when it did not
  const Dataset& data() const { return data_; }
  const TrainConfig& config() const { return config_; }

  // The class probabilities at the centres of an nx x ny grid over [x0, x1] x [y0, y1], the top
  // row (y near y1) first: out [ny nx K], K the dataset's classes.
  void evaluate_grid(double x0, double x1, double y0, double y1, int nx, int ny, float* out);

 private:
  struct State;
  TrainConfig config_;
  Dataset data_;
  std::unique_ptr<State> state_;
  std::int64_t steps_ = 0;
  bool logged_start_ = false;
  Divergence divergence_ = Divergence::none;
  std::int64_t diverged_at_ = -1;
};

struct TrainResult {
  std::vector<TrainEntry> steps;
  Divergence divergence = Divergence::none;
  std::int64_t diverged_at = -1;
};

// The whole run of `actlab train`: config.steps updates, logged as the header says.
TrainResult run_training(const TrainConfig& config);

// The CSV of a log: the header line, then one line per entry and layer.
std::string training_csv_header();
std::string training_csv_rows(const TrainEntry& entry);

}  // namespace actlab
