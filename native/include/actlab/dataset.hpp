#pragma once
// The 2-D classification data of the training lab, generated from the seed (no downloads):
//   moons    as scikit-learn's make_moons: the outer arc (cos t, sin t), floor(n/2) points
//            labelled 0, and the inner arc (1 - cos t, 1 - sin t - 0.5), the rest labelled 1,
//            t evenly spaced on [0, pi] on each arc (both ends included);
//   circles  as make_circles with factor 0.5: floor(n/2) points on the unit circle labelled 0
//            and the rest on the circle of radius 0.5 labelled 1, the angles evenly spaced on
//            [0, 2 pi) (the end excluded);
//   xor      x uniform on [-1, 1]^2, labelled 1 where x_1 x_2 > 0 and 0 otherwise;
//   spiral   two arms, floor(n/2) points labelled 0 and the rest 1: point i of the m of arm k
//            at r = i / m, angle 1.75 (2 pi) r + k pi, (r cos, r sin);
//   blobs    3 classes, as make_blobs splits n (the first n mod 3 classes one point more):
//            N(c_k, 0.2^2 I) about the centres c_k = (cos, sin)(pi/2 + 2 pi k / 3).
// Then N(0, noise^2) is added to both coordinates of every point (after labelling). The points
// come in the order above (class by class); training shuffles them.
#include <cstdint>
#include <string>
#include <vector>

#include "actlab/expected.hpp"

namespace actlab {

enum class DatasetKind { moons, circles, xor_, spiral, blobs };

inline constexpr int kMinSamples = 4;
inline constexpr int kMaxSamples = 5000;
inline constexpr double kMaxNoise = 2;
inline constexpr double kBlobStd = 0.2;
inline constexpr double kCirclesFactor = 0.5;
inline constexpr double kSpiralTurns = 1.75;

struct Dataset {
  int samples = 0;
  int classes = 2;
  std::vector<float> x;  // [samples x 2], row-major
  std::vector<int> y;    // labels 0..classes - 1
};

const std::vector<std::string>& dataset_ids();  // "moons", "circles", "xor", "spiral", "blobs"
const std::string& dataset_id(DatasetKind kind);
int dataset_classes(DatasetKind kind);
// The kind named by --data; the error lists the valid ids.
Expected<DatasetKind> make_dataset_kind(const std::string& id);

// From the seed's own PCG32 stream for data (each coordinate's noise drawn in double, the point
// rounded to float once).
Dataset make_dataset(DatasetKind kind, int samples, double noise, std::uint32_t seed);

}  // namespace actlab
