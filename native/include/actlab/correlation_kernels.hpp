#pragma once
// The correlation map's expectations at one variance q (mean_field.hpp), for any c:
// E[phi(u1) phi(u2)] and E[phi'(u1) phi'(u2)], u1, u2 of variance q and correlation c. The
// arc-cosine kernels for identity, relu and leaky relu (arc_cosine_kernel.hpp); else Mehler's
// series (mehler_series.hpp), whose coefficients are computed once for every c asked, to
// 1e-13 relative; else, where the series converges too slowly (c near +-1 with a kink, or a
// large q), the direct bivariate rule (gaussian_quadrature.hpp), whose inner expectation is
// elu's and selu's closed form (elu_gaussian.hpp).
#include <optional>

#include "actlab/activation.hpp"
#include "actlab/elu_gaussian.hpp"
#include "actlab/mehler_series.hpp"

namespace actlab {

inline constexpr double kSeriesTolerance = 1e-13;

class CorrelationKernels {
 public:
  CorrelationKernels(const Activation& act, double q);
  double phi_phi(double c);
  double dphi_dphi(double c);

 private:
  Activation act_;
  double q_;
  std::optional<HermiteProjection> phi_, dphi_;  // made on first use
  std::optional<EluGaussian> elu_;               // elu, selu: the direct rule's inner closed form
};

}  // namespace actlab
