#pragma once
// SELU's moment map drawn as a vector field (Klambauer et al. 2017, "Self-Normalizing Neural
// Networks", Fig. 2 and Theorem 1): the map g(mu, nu) = (mu~, nu~) of selu_moments.hpp at
// every node of a fixed (mu, nu) grid, trajectories (mu, nu), g(mu, nu), g(g(mu, nu)), ...
// from fixed starts on the grid's edge, and the map's attracting fixed point with the
// spectral norm of its Jacobian there. omega = sum_i w_i and tau = sum_i w_i^2 of a unit's
// weights: zero-mean weights of variance sigma_w2 / n give omega = 0 and tau = sigma_w2.
#include <optional>
#include <vector>

#include "actlab/expected.hpp"
#include "actlab/selu_moments.hpp"

namespace actlab {

// The grid: mu in [-1, 1], nu in [0.25, 2.5] (the region of Klambauer et al.'s Fig. 2 and
// more), kFieldPoints nodes per axis.
inline constexpr double kFieldMu[] = {-1, 1};
inline constexpr double kFieldNu[] = {0.25, 2.5};
inline constexpr int kFieldPoints = 17;
inline constexpr int kFieldSteps = 40;  // layers per trajectory: 0.79^40 < 1e-4
// The trajectories' starts: on the grid's left and right edges, at distinct variances (with
// omega = 0 the next layer does not depend on mu, so starts at one nu would share a path).
inline constexpr Moments kFieldStarts[] = {{-1, 0.25}, {1, 0.7},   {-1, 1.15},
                                           {1, 1.6},   {-1, 2.05}, {1, 2.5}};
inline constexpr double kMaxFieldOmega = 1;      // |sum w|
inline constexpr double kFieldTau[] = {0.5, 2};  // sum w^2: LeCun's 1, He's 2
// A trajectory stops where its variance passes this (the grid's top is 2.5): it has escaped.
inline constexpr double kFieldEscapeNu = 1e3;

struct MomentFieldRequest {
  double omega = 0;
  double tau = 1;
};

struct MomentField {
  // The grid, mu fastest: node i = r kFieldPoints + c has mu_c, nu_r and g there.
  std::vector<double> mu, nu, mu_next, nu_next;
  // trajectories[k][0] is kFieldStarts[k]; then up to kFieldSteps more points, ending early
  // at the first that escapes (that one included).
  std::vector<std::vector<Moments>> trajectories;
  // g's fixed point, iterated from (0, 1) until it moves by less than 1e-14 (then refined by
  // Newton's method where the iteration is too slow), and g's Jacobian there; none when the
  // iteration escapes or no fixed point with a positive variance is found.
  std::optional<Moments> fixed_point;
  std::optional<MomentJacobian> jacobian;
};

// One message naming the bad flag and its valid values (the CLI's and the module's).
Expected<MomentFieldRequest> check_moment_field(const MomentFieldRequest& request);

MomentField selu_moment_field(const MomentFieldRequest& checked);

}  // namespace actlab
