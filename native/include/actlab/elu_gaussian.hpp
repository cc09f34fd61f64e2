#pragma once
// E[phi(m + s z)] and E[phi'(m + s z)], z ~ N(0, 1), in closed form for phi = scale * elu_alpha
// (elu: scale 1; selu: kSeluLambda and kSeluAlpha), from the Gaussian's truncated moments
// with r = m / s, Phi(x) = erfc(-x / sqrt 2) / 2 and phi_N the normal density:
//   E[x 1{x > 0}] = m Phi(r) + s phi_N(r),   E[1{x > 0}] = Phi(r),
//   E[e^x 1{x < 0}] = e^(m + s^2/2) Phi(-r - s)
// (Johnson, Kotz & Balakrishnan 1994, Sec. 10.1). The correlation map's bivariate rule
// (gaussian_quadrature.hpp) takes these as its inner expectation, where a quadrature would
// spend 150 or more nodes. Only + - * /, portable exp, expm1 and erfc: the same bits on every
// target.
#include <optional>

#include "actlab/activation.hpp"

namespace actlab {

struct EluGaussian {
  double scale;
  double alpha;
};

// elu and selu; nullopt for every other activation.
std::optional<EluGaussian> elu_gaussian(const Activation& act);

// E[phi(m + s z)] and E[phi'(m + s z)] for s >= 0 (phi(m), phi'(m) at s = 0).
double elu_gaussian_value(const EluGaussian& e, double m, double s);
double elu_gaussian_derivative(const EluGaussian& e, double m, double s);

}  // namespace actlab
