#include "actlab/train_presets.hpp"

namespace actlab {

namespace {

TrainRequest request(const std::string& act, const std::string& init, int depth,
                     const std::string& optimizer, double lr, int steps) {
  TrainRequest r;
  r.data = "moons";
  r.samples = kDefaultSamples;
  r.noise = kDefaultNoise;
  r.act = act;
  r.init = init;
  r.depth = depth;
  r.width = 32;
  r.optimizer = optimizer;
  r.lr = lr;
  r.batch = 32;
  r.steps = steps;
  r.seed = 1;
  return r;
}

}  // namespace

const std::vector<TrainPreset>& train_presets() {
  static const std::vector<TrainPreset> presets = {
      {"glorot-bengio-2010", request("sigmoid", "standard", 5, "sgd", 2, 6000), std::nullopt},
      {"he-2015", request("relu", "he-normal", 30, "sgd", 0.05, 1000),
       request("relu", "glorot-uniform", 30, "sgd", 0.05, 1000)},
      {"adam-hides", request("relu", "glorot-uniform", 30, "adam", 0.001, 1000),
       request("relu", "glorot-uniform", 30, "sgd", 0.05, 1000)}};
  return presets;
}

}  // namespace actlab
