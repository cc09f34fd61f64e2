#pragma once
// Reference activations in long double, written the textbook way: x86's 64-bit mantissa and
// 15-bit exponent make these exact to far below 1e-9 wherever the double result is
// representable, so the double implementations are checked against them.
#include <cmath>
#include <vector>

#include "actlab/activation.hpp"

namespace actlab::test {

using Long = long double;

constexpr Long kLambda = 1.0507009873554804934193349852946L;
constexpr Long kAlpha = 1.6732632423543772848170429916717L;

inline Long ref_sigmoid(Long z) {
  return 1.0L / (1.0L + std::exp(-z));
}

inline Long ref_value(ActivationKind kind, Long z, Long alpha) {
  switch (kind) {
    case ActivationKind::identity:
      return z;
    case ActivationKind::sigmoid:
      return ref_sigmoid(z);
    case ActivationKind::tanh:
      return std::tanh(z);
    case ActivationKind::relu:
      return z > 0 ? z : 0;
    case ActivationKind::leaky_relu:
      return z > 0 ? z : alpha * z;
    case ActivationKind::elu:
      return z > 0 ? z : alpha * std::expm1(z);
    case ActivationKind::selu:
      return kLambda * (z > 0 ? z : kAlpha * std::expm1(z));
    case ActivationKind::gelu:
      return 0.5L * z * std::erfc(-z / std::sqrt(2.0L));
    case ActivationKind::silu:
      return z * ref_sigmoid(z);
    case ActivationKind::softplus:
      return std::log1p(std::exp(z));
    case ActivationKind::mish:
      return z * std::tanh(std::log1p(std::exp(z)));
    case ActivationKind::softsign:
      return z / (1 + std::fabs(z));
  }
  return 0;
}

inline Long ref_derivative(ActivationKind kind, Long z, Long alpha) {
  const Long pi = 3.14159265358979323846264338327950288L;
  switch (kind) {
    case ActivationKind::identity:
      return 1;
    case ActivationKind::sigmoid:
      return std::exp(-z) / ((1 + std::exp(-z)) * (1 + std::exp(-z)));
    case ActivationKind::tanh:
      return 1 / (std::cosh(z) * std::cosh(z));
    case ActivationKind::relu:
      return z >= 0 ? 1 : 0;
    case ActivationKind::leaky_relu:
      return z >= 0 ? 1 : alpha;
    case ActivationKind::elu:
      return z >= 0 ? 1 : alpha * std::exp(z);
    case ActivationKind::selu:
      return z >= 0 ? kLambda : kLambda * kAlpha * std::exp(z);
    case ActivationKind::gelu:
      return 0.5L * std::erfc(-z / std::sqrt(2.0L)) + z * std::exp(-z * z / 2) / std::sqrt(2 * pi);
    case ActivationKind::silu:
      return ref_sigmoid(z) + z * std::exp(-z) * ref_sigmoid(z) * ref_sigmoid(z);
    case ActivationKind::softplus:
      return ref_sigmoid(z);
    case ActivationKind::mish: {
      const Long sp = std::log1p(std::exp(z));
      return std::tanh(sp) + z * ref_sigmoid(z) / (std::cosh(sp) * std::cosh(sp));
    }
    case ActivationKind::softsign:
      return 1 / ((1 + std::fabs(z)) * (1 + std::fabs(z)));
  }
  return 0;
}

// Every activation with its default alpha, plus the parametrised ones at other alphas.
inline std::vector<Activation> all_activations() {
  std::vector<Activation> acts;
  for (ActivationKind kind :
       {ActivationKind::identity, ActivationKind::sigmoid, ActivationKind::tanh,
        ActivationKind::relu, ActivationKind::leaky_relu, ActivationKind::elu, ActivationKind::selu,
        ActivationKind::gelu, ActivationKind::silu, ActivationKind::softplus, ActivationKind::mish,
        ActivationKind::softsign}) {
    acts.push_back({kind, kind == ActivationKind::leaky_relu ? 0.01 : 1.0});
  }
  acts.push_back({ActivationKind::leaky_relu, 0.2});
  acts.push_back({ActivationKind::elu, 0.5});
  acts.push_back({ActivationKind::elu, 3.0});
  return acts;
}

// z from -700 to 700, dense near 0 where most of the shape is, plus special points.
inline std::vector<double> test_points(double limit) {
  std::vector<double> z = {0.0, 1e-300, -1e-300, 1e-10, -1e-10, limit, -limit};
  for (double x = -limit; x <= limit; x += limit / 350) z.push_back(x);
  for (double x = -20; x <= 20; x += 0.0173) z.push_back(x);
  return z;
}

}  // namespace actlab::test
