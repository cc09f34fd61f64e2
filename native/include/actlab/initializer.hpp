#pragma once
// Weight initializers: how W_l [fan_out x fan_in] is drawn, with the formula the page shows
// and the paper it comes from. Biases are not the initializer's business (zero, or
// N(0, bias_std^2) when the experiment asks for it).
#include <cstddef>
#include <string>
#include <vector>

#include "actlab/expected.hpp"
#include "actlab/rng.hpp"

namespace actlab {

enum class InitKind {
  standard,
  glorot_uniform,
  glorot_normal,
  he_uniform,
  he_normal,
  lecun_uniform,
  lecun_normal,
  normal,
  orthogonal
};

struct InitializerInfo {
  InitKind kind;
  std::string id;         // CLI and URL id, e.g. "glorot-uniform"
  std::string name;       // display name
  std::string formula;    // LaTeX of the distribution of W_ij (or of W)
  std::string reference;  // the paper the scale comes from
  bool needs_std;         // "normal": --init-std
  bool needs_gain;        // "orthogonal": --gain (default 1)
};

struct Initializer {
  InitKind kind = InitKind::glorot_uniform;
  double std = 0;   // "normal" only
  double gain = 1;  // "orthogonal" only
};

inline constexpr double kMaxInitScale = 100;  // the largest --init-std and --gain
inline constexpr double kDefaultGain = 1;

const std::vector<InitializerInfo>& initializer_catalog();
const InitializerInfo& info(InitKind kind);
std::string initializer_ids();  // "standard, glorot-uniform, ..." for error messages

// Builds the initializer named by a CLI id; init_std and gain NaN mean "not given". Errors
// name --init, --init-std or --gain and say what is valid.
Expected<Initializer> make_initializer(const std::string& id, double init_std, double gain);

// E[W_ij^2] by the formula (every initializer has mean 0). For orthogonal, whose rows (or
// columns) are unit vectors times the gain: gain^2 / max(fan_in, fan_out).
double weight_variance(const Initializer& init, int fan_in, int fan_out);

// The doubles of scratch that draw_weights needs: m n + 2 n for orthogonal (the QR of an
// m x n Gaussian matrix, m = max and n = min of the fans), 0 otherwise.
std::size_t weight_scratch_size(const Initializer& init, int fan_in, int fan_out);

// Draws W [fan_out x fan_in], row-major, from rng (in double, rounded to T once), using
// `scratch` (weight_scratch_size doubles) for orthogonal.
template <class T>
void draw_weights(const Initializer& init, int fan_in, int fan_out, Rng& rng, T* w,
                  double* scratch);

}  // namespace actlab
