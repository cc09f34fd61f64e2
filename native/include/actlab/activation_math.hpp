#pragma once
// The activations phi(z) and their derivatives phi'(z), one struct per function, written
// for float and double. Each form is the numerically stable one: no overflow, NaN or Inf
// on the whole real line, and the exact tiny values kept where a naive form rounds to 0.
// At a kink the derivative takes the z >= 0 branch (relu'(0) = 1, as the lecture writes it).
// Each struct also states its facts (activation_facts.hpp): derivative_maximum(alpha), the
// supremum of |phi'|; range(alpha), the range of phi; and kinks, the points where phi' or phi''
// jumps (finite differences and the Gaussian quadrature must not straddle them).
#include <array>
#include <cmath>
#include <optional>

#include "actlab/activation_facts.hpp"
#include "actlab/float_math.hpp"
#include "actlab/portable_math.hpp"

namespace actlab::phi {

// The elementary functions the forms below call. double goes through actlab::portable, so that
// the CLI and the WebAssembly module agree bit for bit (glibc and musl round differently).
// float, the network's hot loop: exp and expm1 inline and branch-free (float_math.hpp), so
// that evaluate()'s loop vectorizes for the activations built on them; log1p, erfc and tanh
// (softplus, GELU, Mish) the portable double rounded to float, as libm's float forms are not
// the same bits in glibc and musl.
namespace fn {
inline double exp(double x) {
  return portable::exp(x);
}
inline double expm1(double x) {
  return portable::expm1(x);
}
inline double log1p(double x) {
  return portable::log1p(x);
}
inline double erfc(double x) {
  return portable::erfc(x);
}
inline double tanh(double x) {
  return portable::tanh(x);
}
inline float exp(float x) {
  return float_math::exp(x);
}
inline float expm1(float x) {
  return float_math::expm1(x);
}
inline float log1p(float x) {
  return static_cast<float>(portable::log1p(x));
}
inline float erfc(float x) {
  return static_cast<float>(portable::erfc(x));
}
inline float tanh(float x) {
  return static_cast<float>(portable::tanh(x));
}
}  // namespace fn

// Klambauer et al. 2017, "Self-Normalizing Neural Networks", eq. (14): the fixed point (0, 1).
inline constexpr double kSeluLambda = 1.0507009873554804934193349852946;
inline constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
inline constexpr double kInvSqrt2 = 0.70710678118654752440084436210485;
inline constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;

// sigma(z) = 1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) below, so that e^x never overflows;
// both from e = e^-|z|, one exp and a select, which vectorizes.
template <class T>
T logistic(T z) {
  const T e = fn::exp(-std::fabs(z));
  const T d = T(1) + e;
  return z >= T(0) ? T(1) / d : e / d;
}

// expm1(m) and e^m for m <= 0, which tanh, ELU and SELU take both. float: both calls,
// branch-free (the network's loop vectorizes). double: one call, the other from it without loss:
// e = 1 + t is within an ulp where e >= 1/2 (m > -ln 2), t = e - 1 where e < 1/2 (|t| > 1/2).
template <class T>
struct ExpPair {
  T t, e;
};

inline constexpr double kMinusLn2 = -0.69314718055994530942;

inline ExpPair<float> exp_pair(float m) {
  return {fn::expm1(m), fn::exp(m)};
}

inline ExpPair<double> exp_pair(double m) {
  if (m > kMinusLn2) {
    const double t = fn::expm1(m);
    return {t, 1.0 + t};
  }
  const double e = fn::exp(m);
  return {e - 1.0, e};
}

// tanh(z) = -expm1(-2|z|) / (2 + expm1(-2|z|)) with the sign of z: accurate near 0, no overflow.
// Written -|2z| as logistic(2z) writes it, so that tanh and tanh' share their e^(-|2z|) work.
template <class T>
T tanh_stable(T z) {
  const T t = exp_pair(-std::fabs(T(2) * z)).t;
  const T magnitude = -t / (T(2) + t);
  return z < T(0) ? -magnitude : magnitude;
}

// softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^-|z|).
template <class T>
T softplus_stable(T z) {
  return std::fmax(z, T(0)) + fn::log1p(fn::exp(-std::fabs(z)));
}

struct Identity {
  template <class T>
  static T value(T z, T) {
    return z;
  }
  template <class T>
  static T derivative(T, T) {
    return T(1);
  }
  static DerivativeMaximum derivative_maximum(double) { return {1.0, std::nullopt, true}; }
  static Range range(double) { return {std::nullopt, std::nullopt}; }
  static constexpr std::array<double, 0> kinks = {};
};

struct Sigmoid {
  template <class T>
  static T value(T z, T) {
    return logistic(z);
  }
  // sigma' = sigma(z) sigma(-z): keeps the true tiny value where sigma(1 - sigma) rounds to 0.
  template <class T>
  static T derivative(T z, T) {
    return logistic(z) * logistic(-z);
  }
  static DerivativeMaximum derivative_maximum(double) { return {0.25, 0.0, true}; }
  static Range range(double) { return {0.0, 1.0}; }
  static constexpr std::array<double, 0> kinks = {};
};

struct Tanh {
  template <class T>
  static T value(T z, T) {
    return tanh_stable(z);
  }
  // tanh'(z) = 4 sigma(2z) sigma(-2z), the lecture's identity; 1 - tanh^2 rounds to 0 early.
  // Of the two logistics one is 1/d and the other e/d (logistic()'s d = 1 + e at 2z), so this is
  // that product, with the e = e^(-|2z|) of the exp_pair that tanh_stable shares (in double,
  // 1 + expm1 for |2z| < ln 2: within an ulp of exp's).
  template <class T>
  static T derivative(T z, T) {
    const T e = exp_pair(-std::fabs(T(2) * z)).e;
    const T d = T(1) + e;
    return T(4) * ((T(1) / d) * (e / d));
  }
  static DerivativeMaximum derivative_maximum(double) { return {1.0, 0.0, true}; }
  static Range range(double) { return {-1.0, 1.0}; }
  static constexpr std::array<double, 0> kinks = {};
};

struct Relu {
  template <class T>
  static T value(T z, T) {
    return z >= T(0) ? z : T(0);
  }
  template <class T>
  static T derivative(T z, T) {
    return z >= T(0) ? T(1) : T(0);
  }
  static DerivativeMaximum derivative_maximum(double) { return {1.0, std::nullopt, true}; }
  static Range range(double) { return {0.0, std::nullopt}; }
  static constexpr std::array<double, 1> kinks = {0.0};
};

struct LeakyRelu {
  template <class T>
  static T value(T z, T alpha) {
    return z >= T(0) ? z : alpha * z;
  }
  template <class T>
  static T derivative(T z, T alpha) {
    return z >= T(0) ? T(1) : alpha;
  }
  // alpha <= 1.
  static DerivativeMaximum derivative_maximum(double) { return {1.0, std::nullopt, true}; }
  static Range range(double alpha) {
    if (alpha > 0) return {std::nullopt, std::nullopt};
    return {0.0, std::nullopt};
  }
  static constexpr std::array<double, 1> kinks = {0.0};
};

// ELU (Clevert et al. 2016): alpha (e^z - 1) for z < 0, with expm1 against cancellation.
struct Elu {
  template <class T>
  static T value(T z, T alpha) {
    return z >= T(0) ? z : alpha * exp_pair(z).t;
  }
  template <class T>
  static T derivative(T z, T alpha) {
    return z >= T(0) ? T(1) : alpha * exp_pair(z).e;
  }
  // alpha e^z as z -> 0- when alpha > 1.
  static DerivativeMaximum derivative_maximum(double alpha) {
    if (alpha > 1) return {alpha, 0.0, false};
    return {1.0, std::nullopt, true};
  }
  static Range range(double alpha) { return {-alpha, std::nullopt}; }
  static constexpr std::array<double, 1> kinks = {0.0};
};

struct Selu {
  template <class T>
  static T value(T z, T) {
    return T(kSeluLambda) * (z >= T(0) ? z : T(kSeluAlpha) * exp_pair(z).t);
  }
  template <class T>
  static T derivative(T z, T) {
    return z >= T(0) ? T(kSeluLambda) : T(kSeluLambda) * T(kSeluAlpha) * exp_pair(z).e;
  }
  // lambda alpha e^z as z -> 0-.
  static DerivativeMaximum derivative_maximum(double) {
    return {kSeluLambda * kSeluAlpha, 0.0, false};
  }
  static Range range(double) { return {-kSeluLambda * kSeluAlpha, std::nullopt}; }
  static constexpr std::array<double, 1> kinks = {0.0};
};

// GELU (Hendrycks & Gimpel 2016), exact: z Phi(z), Phi(z) = erfc(-z / sqrt 2) / 2.
struct Gelu {
  template <class T>
  static T value(T z, T) {
    return z * T(0.5) * fn::erfc(-z * T(kInvSqrt2));
  }
  // GELU'(z) = Phi(z) + z phi_N(z), phi_N the standard normal density.
  template <class T>
  static T derivative(T z, T) {
    const T density = T(kInvSqrt2Pi) * fn::exp(T(-0.5) * z * z);
    return T(0.5) * fn::erfc(-z * T(kInvSqrt2)) + z * density;
  }
  // One interior maximum, bracketed.
  static DerivativeMaximum derivative_maximum(double) {
    return detail::interior_maximum<Gelu>(0.0, 4.0);
  }
  static Range range(double) { return {detail::interior_minimum<Gelu>(), std::nullopt}; }
  static constexpr std::array<double, 0> kinks = {};
};

// SiLU / swish (Elfwing et al. 2018): z sigma(z).
struct Silu {
  template <class T>
  static T value(T z, T) {
    return z * logistic(z);
  }
  // SiLU'(z) = sigma(z) (1 + z sigma(-z)).
  template <class T>
  static T derivative(T z, T) {
    return logistic(z) * (T(1) + z * logistic(-z));
  }
  // One interior maximum, bracketed.
  static DerivativeMaximum derivative_maximum(double) {
    return detail::interior_maximum<Silu>(0.0, 5.0);
  }
  static Range range(double) { return {detail::interior_minimum<Silu>(), std::nullopt}; }
  static constexpr std::array<double, 0> kinks = {};
};

struct Softplus {
  template <class T>
  static T value(T z, T) {
    return softplus_stable(z);
  }
  template <class T>
  static T derivative(T z, T) {
    return logistic(z);
  }
  // sigma(z) as z -> inf.
  static DerivativeMaximum derivative_maximum(double) { return {1.0, std::nullopt, false}; }
  static Range range(double) { return {0.0, std::nullopt}; }
  static constexpr std::array<double, 0> kinks = {};
};

// Mish (Misra 2019): z tanh(sp) and its derivative tanh(sp) + z sech^2(sp) sigma(z), sp =
// softplus(z). float, the network's: with e^sp = 1 + e^z, sech^2(sp) = 4 / (u + 1/u)^2,
// u = 1 + e^z, which avoids the cancellation in 1 - tanh^2.
inline float mish_value(float z) {
  return z * fn::tanh(softplus_stable(z));
}

inline float mish_derivative(float z) {
  const float u = 1.0f + fn::exp(z);
  const float cosh2 = u + 1.0f / u;
  return fn::tanh(softplus_stable(z)) + z * (4.0f / (cosh2 * cosh2)) * logistic(z);
}

// double, the curves': tanh(sp) and sech^2(sp) sigma(z) from one e = e^-|z|. With w = e^z and
// n = w (w + 2) = e^(2 sp) - 1: tanh(sp) = n / (n + 2), sech^2(sp) sigma(z) = 4 w (1 + w) /
// (n + 2)^2. For z < 0, w = e; for z >= 0 both divided by w^2, so that nothing overflows:
// tanh(sp) = (1 + 2e) / (1 + 2e + 2e^2), sech^2(sp) sigma(z) = 4 e^2 (1 + e) / (1 + 2e + 2e^2)^2.
// Sums and products of positive terms: no cancellation.
struct MishTerms {
  double tanh_sp, slope;
};

inline MishTerms mish_terms(double z) {
  const double e = fn::exp(-std::fabs(z));
  if (z < 0) {
    const double n = e * (e + 2.0);
    const double d = n + 2.0;
    return {n / d, 4.0 * e * (1.0 + e) / (d * d)};
  }
  const double p = 1.0 + 2.0 * e;
  const double d = p + 2.0 * e * e;
  return {p / d, 4.0 * (e * e) * (1.0 + e) / (d * d)};
}

inline double mish_value(double z) {
  return z * mish_terms(z).tanh_sp;
}

inline double mish_derivative(double z) {
  const MishTerms m = mish_terms(z);
  return m.tanh_sp + z * m.slope;
}

struct Mish {
  template <class T>
  static T value(T z, T) {
    return mish_value(z);
  }
  template <class T>
  static T derivative(T z, T) {
    return mish_derivative(z);
  }
  // One interior maximum, bracketed.
  static DerivativeMaximum derivative_maximum(double) {
    return detail::interior_maximum<Mish>(0.0, 4.0);
  }
  static Range range(double) { return {detail::interior_minimum<Mish>(), std::nullopt}; }
  static constexpr std::array<double, 0> kinks = {};
};

struct Softsign {
  template <class T>
  static T value(T z, T) {
    return z / (T(1) + std::fabs(z));
  }
  template <class T>
  static T derivative(T z, T) {
    const T d = T(1) + std::fabs(z);
    return T(1) / (d * d);
  }
  static DerivativeMaximum derivative_maximum(double) { return {1.0, 0.0, true}; }
  static Range range(double) { return {-1.0, 1.0}; }
  static constexpr std::array<double, 1> kinks = {0.0};
};

}  // namespace actlab::phi
