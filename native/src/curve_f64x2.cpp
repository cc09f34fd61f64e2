// The double curves two points at a time: each activation's value and derivative as in
// activation_math.hpp's double forms, operation for operation, on f64x2 lanes with the
// two-lane portable math (portable_math_f64x2.hpp); a select per lane where the scalar form
// branches. The value and the derivative share their exponentials (one e^-|z| for sigma(z),
// sigma(-z) and softplus; one expm1 or exp for tanh, ELU and SELU; Mish from one e^-|z|): the
// same calls on the same arguments, so the same bits. Kinds
// without a two-lane form here, an odd last point, and targets without 128-bit SIMD take
// evaluate(), the scalar path.
#include "actlab/curve.hpp"
#include "portable_math_f64x2.hpp"

namespace actlab {

#if defined(ACTLAB_F64X2)

namespace {

using f64x2::D2;
using f64x2::select;
using f64x2::splat;
namespace math = portable::f64x2;

struct Point {
  D2 value, derivative;
};

// -|z|, as -std::fabs(z): the sign bit set.
D2 minus_abs(D2 z) {
  return -f64x2::abs(z);
}

// logistic(z) and logistic(-z) of activation_math.hpp from their shared e = e^-|z|.
struct Logistic {
  D2 of_z, of_minus_z;
};

Logistic logistic(D2 z, D2 e) {
  const D2 d = splat(1.0) + e;
  const D2 one_over_d = splat(1.0) / d;
  const D2 e_over_d = e / d;
  return {select(z >= splat(0.0), one_over_d, e_over_d),
          select(-z >= splat(0.0), one_over_d, e_over_d)};
}

// std::fmax(z, 0) where only a zero's sign differs, and softplus adds log1p(1) > 0 to it.
D2 softplus_of(D2 z, D2 e) {
  return select(z > splat(0.0), z, splat(0.0)) + math::log1p(e);
}

// exp_pair of activation_math.hpp for m <= 0: expm1(m) and e^m from one call per lane, each
// branch computed only where a lane takes it.
struct ExpPair {
  D2 t, e;
};

ExpPair exp_pair(D2 m) {
  const D2 near = m > splat(phi::kMinusLn2);
  ExpPair p{splat(0.0), splat(0.0)};
  if (f64x2::any(near)) {
    p.t = math::expm1(m);
    p.e = splat(1.0) + p.t;
  }
  if (!f64x2::all(near)) {
    const D2 e = math::exp(m);
    p.t = select(near, p.t, e - splat(1.0));
    p.e = select(near, p.e, e);
  }
  return p;
}

Point identity(D2 z, D2) {
  return {z, splat(1.0)};
}

Point sigmoid(D2 z, D2) {
  const Logistic s = logistic(z, math::exp(minus_abs(z)));
  return {s.of_z, s.of_z * s.of_minus_z};
}

Point tanh(D2 z, D2) {
  const ExpPair p = exp_pair(minus_abs(splat(2.0) * z));
  const D2 magnitude = -p.t / (splat(2.0) + p.t);
  const D2 e = p.e;
  const D2 d = splat(1.0) + e;
  return {select(z < splat(0.0), -magnitude, magnitude), splat(4.0) * ((splat(1.0) / d) * (e / d))};
}

Point relu(D2 z, D2) {
  const D2 positive = z >= splat(0.0);
  return {select(positive, z, splat(0.0)), select(positive, splat(1.0), splat(0.0))};
}

Point leaky_relu(D2 z, D2 alpha) {
  const D2 positive = z >= splat(0.0);
  return {select(positive, z, alpha * z), select(positive, splat(1.0), alpha)};
}

// The negative branch's exponentials only where a lane takes it.
Point elu(D2 z, D2 alpha) {
  const D2 positive = z >= splat(0.0);
  Point p{z, splat(1.0)};
  if (!f64x2::all(positive)) {
    const ExpPair x = exp_pair(z);
    p.value = select(positive, z, alpha * x.t);
    p.derivative = select(positive, splat(1.0), alpha * x.e);
  }
  return p;
}

Point selu(D2 z, D2) {
  const D2 positive = z >= splat(0.0);
  const D2 lambda = splat(phi::kSeluLambda);
  Point p{lambda * z, lambda};
  if (!f64x2::all(positive)) {
    const ExpPair x = exp_pair(z);
    p.value = lambda * select(positive, z, splat(phi::kSeluAlpha) * x.t);
    p.derivative = select(positive, lambda, lambda * splat(phi::kSeluAlpha) * x.e);
  }
  return p;
}

Point gelu(D2 z, D2) {
  const D2 q = math::erfc(-z * splat(phi::kInvSqrt2));
  const D2 density = splat(phi::kInvSqrt2Pi) * math::exp(splat(-0.5) * z * z);
  return {z * splat(0.5) * q, splat(0.5) * q + z * density};
}

Point silu(D2 z, D2) {
  const Logistic s = logistic(z, math::exp(minus_abs(z)));
  return {z * s.of_z, s.of_z * (splat(1.0) + z * s.of_minus_z)};
}

Point softplus(D2 z, D2) {
  const D2 e = math::exp(minus_abs(z));
  return {softplus_of(z, e), logistic(z, e).of_z};
}

// mish_terms of activation_math.hpp: tanh(sp) and sech^2(sp) sigma(z) from one e = e^-|z|,
// each sign's form only where a lane takes it.
Point mish(D2 z, D2) {
  const D2 e = math::exp(minus_abs(z));
  const D2 negative = z < splat(0.0);
  D2 tanh_sp = splat(0.0), slope = splat(0.0);
  if (f64x2::any(negative)) {
    const D2 n = e * (e + splat(2.0));
    const D2 d = n + splat(2.0);
    tanh_sp = n / d;
    slope = splat(4.0) * e * (splat(1.0) + e) / (d * d);
  }
  if (!f64x2::all(negative)) {
    const D2 p = splat(1.0) + splat(2.0) * e;
    const D2 d = p + splat(2.0) * e * e;
    tanh_sp = select(negative, tanh_sp, p / d);
    slope = select(negative, slope, splat(4.0) * (e * e) * (splat(1.0) + e) / (d * d));
  }
  return {z * tanh_sp, tanh_sp + z * slope};
}

Point softsign(D2 z, D2) {
  const D2 d = splat(1.0) + f64x2::abs(z);
  return {z / d, splat(1.0) / (d * d)};
}

using Form = Point (*)(D2, D2);

// flatten: the form and the two-lane math inlined into the loop.
template <Form form>
[[gnu::flatten]] void evaluate_pairs(D2 alpha, const double* z, double* h, double* dphi,
                                     std::size_t n) {
  for (std::size_t i = 0; i + 2 <= n; i += 2) {
    const Point p = form(f64x2::load(z + i), alpha);
    f64x2::store(h + i, p.value);
    f64x2::store(dphi + i, p.derivative);
  }
}

// The loop for the kind, or nullptr for a kind without a two-lane form.
using Loop = void (*)(D2, const double*, double*, double*, std::size_t);

Loop loop_of(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::identity:
      return evaluate_pairs<identity>;
    case ActivationKind::sigmoid:
      return evaluate_pairs<sigmoid>;
    case ActivationKind::tanh:
      return evaluate_pairs<tanh>;
    case ActivationKind::relu:
      return evaluate_pairs<relu>;
    case ActivationKind::leaky_relu:
      return evaluate_pairs<leaky_relu>;
    case ActivationKind::elu:
      return evaluate_pairs<elu>;
    case ActivationKind::selu:
      return evaluate_pairs<selu>;
    case ActivationKind::gelu:
      return evaluate_pairs<gelu>;
    case ActivationKind::silu:
      return evaluate_pairs<silu>;
    case ActivationKind::softplus:
      return evaluate_pairs<softplus>;
    case ActivationKind::mish:
      return evaluate_pairs<mish>;
    case ActivationKind::softsign:
      return evaluate_pairs<softsign>;
    default:
      return nullptr;
  }
}

}  // namespace

#endif

void evaluate_curve(const Activation& act, const double* z, double* h, double* dphi,
                    std::size_t n) {
  std::size_t done = 0;
#if defined(ACTLAB_F64X2)
  if (const Loop loop = loop_of(act.kind)) {
    done = n - n % 2;
    loop(splat(act.alpha), z, h, dphi, done);
  }
#endif
  evaluate(act, z + done, h + done, dphi + done, n - done);
}

}  // namespace actlab
