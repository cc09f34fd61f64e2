#pragma once
// How deep a random network still trains, in units of the correlation depth scale xi_c.
// Schoenholz, Gilmer, Ganguli & Sohl-Dickstein 2017, "Deep information propagation" (ICLR,
// arXiv:1611.01232), abstract: "random networks may be trained precisely when information can
// travel through them", and the depth scales "provide bounds on how deep a network may be
// trained". The factor 6 is empirical, the edge of the trainable region in their MNIST and
// CIFAR-10 training experiments over depth and sigma_w2; later work draws the same boundary
// as 6 xi_c (Pretorius et al. 2018, "Critical initialisation for deep signal propagation in
// noisy rectifier neural networks": its figures' code plots 6 * depth_scale, labelled 6 xi_c).
// It is a rule of thumb, not a bound the paper derives. Beyond it two inputs' correlation has
// relaxed to c* and the input's information is lost.
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
