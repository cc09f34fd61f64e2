#pragma once
// The training lab's presets for the published cases: a configuration and the one it is
// compared with, on the same data and seed. What each shows is checked by
// tests/native/train_presets_test.cpp; the page states it (web/i18n/train.*.js).
//   glorot-bengio-2010  Glorot & Bengio 2010, Fig. 2: a 5-layer sigmoid network with the
//                       standard initialization; the top hidden layer is driven to 0 and
//                       saturates while the loss stays at ln 2, and leaves saturation late.
//   he-2015             He et al. 2015, Fig. 3: 30 ReLU layers, He's initialization learns,
//                       Xavier's (Glorot's) does not move: its signal shrinks by 2 per layer.
//   adam-hides          The same Xavier-initialized 30 ReLU layers trained by Adam learn:
//                       Adam's step is lr-sized whatever the gradient's scale, so gradients of
//                       1e-7 train, though they are as small as they were under SGD.
#include <optional>
#include <string>
#include <vector>

#include "actlab/training.hpp"

namespace actlab {

struct TrainPreset {
  std::string id;
  TrainRequest main;
  std::optional<TrainRequest> compare;
};

const std::vector<TrainPreset>& train_presets();

}  // namespace actlab
