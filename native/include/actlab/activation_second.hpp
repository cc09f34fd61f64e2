#pragma once
// phi''(z) for every activation, in double: the depth scale xi_q needs E[phi'' phi] (the
// length map's slope by Stein's lemma, Schoenholz et al. 2017, eq. (5)). At a kink phi''
// is the z >= 0 branch; the delta there multiplies phi(0) = 0 in E[phi'' phi] for every
// activation with a kink, so the pointwise form gives the right expectation.
#include <cmath>

#include "actlab/activation.hpp"

namespace actlab {

namespace detail {

inline double sigma(double z) {
  return phi::logistic(z);
}

}  // namespace detail

inline double second_derivative(const Activation& act, double z) {
  using detail::sigma;
  using phi::kSeluAlpha;
  using phi::kSeluLambda;
  switch (act.kind) {
    case ActivationKind::identity:
    case ActivationKind::relu:
    case ActivationKind::leaky_relu:
      return 0;
    case ActivationKind::sigmoid:  // sigma' (1 - 2 sigma) = sigma sigma(-z) (sigma(-z) - sigma)
      return sigma(z) * sigma(-z) * (sigma(-z) - sigma(z));
    case ActivationKind::tanh:  // -2 tanh tanh'
      return -2 * phi::Tanh::value(z, 0.0) * phi::Tanh::derivative(z, 0.0);
    case ActivationKind::elu:
      return z >= 0 ? 0 : act.alpha * phi::fn::exp(z);
    case ActivationKind::selu:
      return z >= 0 ? 0 : kSeluLambda * kSeluAlpha * phi::fn::exp(z);
    case ActivationKind::gelu:  // d/dz (Phi + z phi_N) = phi_N (2 - z^2)
      return phi::kInvSqrt2Pi * phi::fn::exp(-0.5 * z * z) * (2 - z * z);
    case ActivationKind::silu:  // d/dz sigma (1 + z sigma(-z)) = sigma sigma(-z) (2 + z (sigma(-z)
                                // - sigma))
      return sigma(z) * sigma(-z) * (2 + z * (sigma(-z) - sigma(z)));
    case ActivationKind::softplus:
      return sigma(z) * sigma(-z);
    case ActivationKind::mish: {
      // f = z tanh(sp), sp = softplus: f'' = sech^2(sp) (2 sigma + z (sigma sigma(-z) -
      // 2 tanh(sp) sigma^2)), sech^2(sp) = 4 / (u + 1/u)^2 with u = 1 + e^z, as in phi'.
      const double u = 1 + phi::fn::exp(z);
      const double cosh2 = u + 1 / u;
      const double sech2 = 4 / (cosh2 * cosh2);
      const double s = sigma(z);
      const double t = phi::fn::tanh(phi::softplus_stable(z));
      return sech2 * (2 * s + z * (s * sigma(-z) - 2 * t * s * s));
    }
    case ActivationKind::softsign: {  // -2 sign(z) / (1 + |z|)^3
      const double d = 1 + std::fabs(z);
      return (z >= 0 ? -2 : 2) / (d * d * d);
    }
  }
  return 0;
}

}  // namespace actlab
