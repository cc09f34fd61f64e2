#pragma once
// How deep a random network still trains, in units of the correlation depth scale xi_c:
// Schoenholz, Gilmer, Ganguli & Sohl-Dickstein 2017, "Deep information propagation" (ICLR),
// Sec. 5 and Figs. 5-6: on MNIST and CIFAR-10, over the (sigma_w2, sigma_b2) plane, the
// networks that trained were those with L below about 6 xi_c (their white dashed line).
// Beyond it two inputs' correlation has relaxed to c* and the input's information is lost.
// The one copy of the constant: the CLI's `theory` and the page read it from here.
#include <optional>

namespace actlab {

inline constexpr double kTrainableDepthScales = 6;

// 6 xi_c; nullopt where xi_c is (it diverges on the critical line: no depth limit from it;
// or q* is none).
inline std::optional<double> trainable_depth(std::optional<double> xi_c) {
  if (!xi_c) return std::nullopt;
  return kTrainableDepthScales * *xi_c;
}

}  // namespace actlab
