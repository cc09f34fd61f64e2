#include "actlab/dataset.hpp"

#include <cmath>

#include "actlab/message_text.hpp"
#include "actlab/rng.hpp"

namespace actlab {

namespace {

constexpr double kPi = 3.14159265358979323846264338327950288;
constexpr std::uint64_t kDataStream = 11;  // propagate's streams are 1..5

// numpy.linspace(0, end, m, endpoint)'s point i: i (end / intervals).
double spaced(int i, int m, double end, bool endpoint) {
  const int intervals = endpoint ? m - 1 : m;
  return intervals > 0 ? i * (end / intervals) : 0.0;
}

// The clean points in double, before noise; std::cos and std::sin may differ in the last bit
// between glibc and musl, which the float rounding of the point hides (tests/wasm checks the
// data bit for bit).
struct Points {
  std::vector<double> x;
  std::vector<int> y;
  void add(double a, double b, int label) {
    x.push_back(a);
    x.push_back(b);
    y.push_back(label);
  }
};

void moons(int n, Points& p) {
  const int outer = n / 2, inner = n - outer;
  for (int i = 0; i < outer; ++i) {
    const double t = spaced(i, outer, kPi, true);
    p.add(std::cos(t), std::sin(t), 0);
  }
  for (int i = 0; i < inner; ++i) {
    const double t = spaced(i, inner, kPi, true);
    p.add(1 - std::cos(t), 1 - std::sin(t) - 0.5, 1);
  }
}

void circles(int n, Points& p) {
  const int outer = n / 2, inner = n - outer;
  for (int i = 0; i < outer; ++i) {
    const double t = spaced(i, outer, 2 * kPi, false);
    p.add(std::cos(t), std::sin(t), 0);
  }
  for (int i = 0; i < inner; ++i) {
    const double t = spaced(i, inner, 2 * kPi, false);
    p.add(kCirclesFactor * std::cos(t), kCirclesFactor * std::sin(t), 1);
  }
}

void xor_points(int n, Rng& rng, Points& p) {
  for (int i = 0; i < n; ++i) {
    const double a = rng.symmetric_uniform(), b = rng.symmetric_uniform();
    p.add(a, b, a * b > 0 ? 1 : 0);
  }
}

void spiral(int n, Points& p) {
  const int first = n / 2;
  for (int k = 0; k < 2; ++k) {
    const int m = k == 0 ? first : n - first;
    for (int i = 0; i < m; ++i) {
      const double r = double(i) / m;
      const double t = kSpiralTurns * 2 * kPi * r + k * kPi;
      p.add(r * std::cos(t), r * std::sin(t), k);
    }
  }
}

void blobs(int n, Rng& rng, Points& p) {
  for (int k = 0; k < 3; ++k) {
    const int m = n / 3 + (k < n % 3 ? 1 : 0);
    const double angle = kPi / 2 + 2 * kPi * k / 3;
    const double cx = std::cos(angle), cy = std::sin(angle);
    for (int i = 0; i < m; ++i) {
      const double a = rng.normal(), b = rng.normal();
      p.add(cx + kBlobStd * a, cy + kBlobStd * b, k);
    }
  }
}

}  // namespace

const std::vector<std::string>& dataset_ids() {
  static const std::vector<std::string> ids = {"moons", "circles", "xor", "spiral", "blobs"};
  return ids;
}

const std::string& dataset_id(DatasetKind kind) {
  return dataset_ids()[static_cast<int>(kind)];
}

int dataset_classes(DatasetKind kind) {
  return kind == DatasetKind::blobs ? 3 : 2;
}

Expected<DatasetKind> make_dataset_kind(const std::string& id) {
  const std::vector<std::string>& ids = dataset_ids();
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (ids[k] == id) return static_cast<DatasetKind>(k);
  }
  const std::string valid = list_text(ids);
  if (id.empty()) return Expected<DatasetKind>::failure("--data: required; valid: " + valid);
  return Expected<DatasetKind>::failure("--data: unknown dataset " + quoted_text(id) +
                                        "; valid: " + valid);
}

Dataset make_dataset(DatasetKind kind, int samples, double noise, std::uint32_t seed) {
  Rng rng(seed, kDataStream);
  Points p;
  p.x.reserve(2 * static_cast<std::size_t>(samples));
  p.y.reserve(samples);
  switch (kind) {
    case DatasetKind::moons:
      moons(samples, p);
      break;
    case DatasetKind::circles:
      circles(samples, p);
      break;
    case DatasetKind::xor_:
      xor_points(samples, rng, p);
      break;
    case DatasetKind::spiral:
      spiral(samples, p);
      break;
    case DatasetKind::blobs:
      blobs(samples, rng, p);
      break;
  }
  Dataset d;
  d.samples = samples;
  d.classes = dataset_classes(kind);
  d.y = std::move(p.y);
  d.x.resize(p.x.size());
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    const double eps = noise > 0 ? noise * rng.normal() : 0.0;
    d.x[i] = static_cast<float>(p.x[i] + eps);
  }
  return d;
}

}  // namespace actlab
