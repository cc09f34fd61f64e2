#include "actlab/limits.hpp"

#include <cmath>

#include "actlab/curve.hpp"
#include "actlab/initializer.hpp"
#include "actlab/network.hpp"
#include "actlab/propagation.hpp"

namespace actlab {

std::vector<FlagLimit> flag_limits() {
  const double none = std::nan("");
  const CurveGrid grid;
  return {
      {"from", -kMaxCurveAbsZ, kMaxCurveAbsZ, false, false, false, grid.from},
      {"to", -kMaxCurveAbsZ, kMaxCurveAbsZ, false, false, false, grid.to},
      {"points", kMinCurvePoints, kMaxCurvePoints, false, false, true, double(grid.points)},
      {"init-std", 0, kMaxInitScale, true, false, false, none},
      {"gain", 0, kMaxInitScale, true, false, false, kDefaultGain},
      {"depth", 1, kMaxDepth, false, false, true, none},
      {"width", 1, kMaxWidth, false, false, true, none},
      {"batch", 1, kMaxBatch, false, false, true, none},
      {"input-dim", 1, kMaxInputDim, false, false, true, none},      // default: the width
      {"bottleneck-layer", 1, kMaxDepth, false, false, true, none},  // at most the depth
      {"bottleneck-width", 1, kMaxWidth, false, false, true, none},
      {"input-std", 0, kMaxInputScale, true, false, false, kDefaultInputStd},
      {"bias-std", 0, kMaxInputScale, false, false, false, kDefaultBiasStd},
      {"seed", 0, kMaxSeed, false, false, true, kDefaultSeed},
      {"bins", kMinBins, kMaxBins, false, false, true, kDefaultBins},
      {"saturation-eps", 0, 1, true, true, false, kDefaultSaturationEps},
  };
}

}  // namespace actlab
