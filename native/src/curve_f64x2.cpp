// The double curves two points at a time: each activation's value and derivative as in
// activation_math.hpp's double forms, operation for operation, on f64x2 lanes with the
// two-lane portable math (portable_math_f64x2.hpp); a select per lane where the scalar form
// branches. The value and the derivative share their exponentials (one e^-|z| for sigma(z),
// sigma(-z) and softplus): the same calls on the same arguments, so the same bits. Kinds
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

Point identity(D2 z, D2) {
  return {z, splat(1.0)};
}

Point sigmoid(D2 z, D2) {
  const Logistic s = logistic(z, math::exp(minus_abs(z)));
  return {s.of_z, s.of_z * s.of_minus_z};
}

Point tanh(D2 z, D2) {
  const D2 m = minus_abs(splat(2.0) * z);
  const D2 t = math::expm1(m);
  const D2 magnitude = -t / (splat(2.0) + t);
  const D2 e = math::exp(m);
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

// The negative branch's expm1 and exp only where a lane takes it.
Point elu(D2 z, D2 alpha) {
  const D2 positive = z >= splat(0.0);
  Point p{z, splat(1.0)};
  if (!f64x2::all(positive)) {
    p.value = select(positive, z, alpha * math::expm1(z));
    p.derivative = select(positive, splat(1.0), alpha * math::exp(z));
  }
  return p;
}

Point selu(D2 z, D2) {
  const D2 positive = z >= splat(0.0);
  const D2 lambda = splat(phi::kSeluLambda);
  Point p{lambda * z, lambda};
  if (!f64x2::all(positive)) {
    p.value = lambda * select(positive, z, splat(phi::kSeluAlpha) * math::expm1(z));
    p.derivative = select(positive, lambda, lambda * splat(phi::kSeluAlpha) * math::exp(z));
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

Point mish(D2 z, D2) {
  const D2 e = math::exp(minus_abs(z));
  const D2 tanh_sp = math::tanh(softplus_of(z, e));
  // e^z is e^-|z| where z carries a minus sign.
  const D2 negative = f64x2::sign_set(z);
  const D2 exp_z = f64x2::all(negative) ? e : select(negative, e, math::exp(z));
  const D2 u = splat(1.0) + exp_z;
  const D2 cosh2 = u + splat(1.0) / u;
  return {z * tanh_sp, tanh_sp + z * (splat(4.0) / (cosh2 * cosh2)) * logistic(z, e).of_z};
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
