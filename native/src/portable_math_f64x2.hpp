#pragma once
// portable_math.cpp's exp, expm1, log1p, erfc and tanh on two lanes at once (f64x2.hpp), for
// the double curves. Each function computes every branch of its scalar form, with the same
// operations in the same order, and selects per lane the branch the scalar code would take, so
// that every lane is bitwise the scalar result (tests/native/curve_f64x2_test.cpp checks it at
// every branch's edge). The scalar range tests on a high word compare here as doubles: with
// the low word cleared, |x| orders as its high word does.
#include "f64x2.hpp"

#if defined(ACTLAB_F64X2)

#include <cstdint>
#include <limits>

#include "portable_math_constants.hpp"

namespace actlab::portable::f64x2 {

using actlab::f64x2::D2;
using actlab::f64x2::select;
using actlab::f64x2::splat;
using actlab::f64x2::splat_bits;

// The double whose high word is h and low word 0, to compare with clear_low_word(|x|).
inline D2 high(std::uint32_t h) {
  return splat_bits(std::uint64_t{h} << 32);
}

inline D2 infinity() {
  return splat(std::numeric_limits<double>::infinity());
}

// reduce_ln2 of portable_math.cpp: x = k ln2 + hi - lo. Its k = +-1 shortcut below 1.5 ln2 gives
// the bits of the general form (t kLn2Hi is exactly +-kLn2Hi, and truncation gives +-1 there).
struct Reduced {
  D2 k, hi, lo;
};

inline Reduced reduce_ln2(D2 x) {
  const D2 half = select(actlab::f64x2::sign_set(x), splat(-0.5), splat(0.5));
  const D2 k = actlab::f64x2::truncate(splat(kInvLn2) * x + half);
  return {k, x - k * splat(kLn2Hi), k * splat(kLn2Lo)};
}

inline D2 exp(D2 x) {
  using actlab::f64x2::any;
  const D2 hx = actlab::f64x2::clear_low_word(actlab::f64x2::abs(x));
  const D2 reduce = hx > high(0x3fd62e42);  // |x| > 0.5 ln2
  const Reduced r = reduce_ln2(x);
  const D2 xr = select(reduce, r.hi - r.lo, x);
  const D2 t = xr * xr;
  const D2 c = xr - t * (splat(kP1) +
                         t * (splat(kP2) + t * (splat(kP3) + t * (splat(kP4) + t * splat(kP5)))));
  D2 result = splat(0.0);
  if (any(reduce)) {
    const D2 y = splat(1.0) - ((r.lo - (xr * c) / (splat(2.0) - c)) - r.hi);
    result = y * actlab::f64x2::pow2(r.k);
    const D2 subnormal = r.k < splat(-1021.0);
    const D2 top = r.k == splat(1024.0);
    if (any(subnormal | top)) {
      result = select(subnormal, y * actlab::f64x2::pow2(r.k + splat(1000.0)) * splat(0x1p-1000),
                      result);
      result = select(top, y * splat(2.0) * splat(0x1p1023), result);
    }
  }
  if (!actlab::f64x2::all(reduce)) {
    result = select(reduce, result, splat(1.0) - ((xr * c) / (c - splat(2.0)) - xr));
    result = select(hx < high(0x3e300000), splat(1.0) + x, result);  // |x| < 2^-28
  }
  if (!actlab::f64x2::all(hx < high(0x40862e42))) {  // |x| >= 709.78, inf or NaN
    result = select(x > splat(kOverflowThreshold), infinity(), result);
    result = select(x < splat(kUnderflowThreshold), splat(0.0), result);
    result = select(x != x, x, result);
  }
  return result;
}

inline D2 expm1(D2 x) {
  using actlab::f64x2::any;
  const D2 hx = actlab::f64x2::clear_low_word(actlab::f64x2::abs(x));
  const D2 reduce = hx > high(0x3fd62e42);  // |x| > 0.5 ln2
  const Reduced r = reduce_ln2(x);
  const D2 k = select(reduce, r.k, splat(0.0));
  const D2 xr = select(reduce, r.hi - r.lo, x);
  const D2 c = select(reduce, (r.hi - xr) - r.lo, splat(0.0));
  const D2 hfx = splat(0.5) * xr;
  const D2 hxs = xr * hfx;
  const D2 r1 =
      splat(1.0) +
      hxs * (splat(kQ1) +
             hxs * (splat(kQ2) + hxs * (splat(kQ3) + hxs * (splat(kQ4) + hxs * splat(kQ5)))));
  const D2 t = splat(3.0) - r1 * hfx;
  D2 e = hxs * ((r1 - t) / (splat(6.0) - xr * t));
  D2 result = xr - (xr * e - hxs);  // k = 0
  if (any(reduce)) {
    e = xr * (e - c) - c;
    e -= hxs;
    // e^x = 2^k (xr - e + 1), arranged per k as in the scalar form.
    const D2 p = actlab::f64x2::pow2(k);
    const D2 q = actlab::f64x2::pow2(-k);
    D2 reduced =
        select(k < splat(20.0), (xr - e + (splat(1.0) - q)) * p, (xr - (e + q) + splat(1.0)) * p);
    const D2 far = (k < splat(0.0)) | (k > splat(56.0));
    if (any(far)) {
      const D2 y = xr - e + splat(1.0);
      reduced = select(far,
                       select(k == splat(1024.0), y * splat(2.0) * splat(0x1p1023) - splat(1.0),
                              y * p - splat(1.0)),
                       reduced);
    }
    const D2 one = k == splat(1.0);
    const D2 minus_one = k == splat(-1.0);
    if (any(one | minus_one)) {
      reduced = select(one,
                       select(xr < splat(-0.25), splat(-2.0) * (e - (xr + splat(0.5))),
                              splat(1.0) + splat(2.0) * (xr - e)),
                       reduced);
      reduced = select(minus_one, splat(0.5) * (xr - e) - splat(0.5), reduced);
    }
    result = select(reduce, reduced, result);
  }
  result = select(hx < high(0x3c900000), x, result);  // |x| < 2^-54
  if (!actlab::f64x2::all(hx < high(0x4043687a))) {   // |x| >= 56 ln2, inf or NaN
    // e^x < 2^-56 below: -1 to the last bit
    result = select(actlab::f64x2::sign_set(x) & (hx >= high(0x4043687a)), splat(-1.0), result);
    result = select(x > splat(kOverflowThreshold), infinity(), result);
    result = select(x != x, x, result);
  }
  return result;
}

// log_remainder of portable_math.cpp.
inline D2 log_remainder(D2 s) {
  const D2 z = s * s;
  const D2 w = z * z;
  const D2 t1 = w * (splat(kLg2) + w * (splat(kLg4) + w * splat(kLg6)));
  const D2 t2 = z * (splat(kLg1) + w * (splat(kLg3) + w * (splat(kLg5) + w * splat(kLg7))));
  return t2 + t1;
}

inline D2 log1p(D2 x) {
  const D2 negative = actlab::f64x2::sign_set(x);
  const D2 ha = actlab::f64x2::clear_low_word(actlab::f64x2::abs(x));
  // The scalar form's first branch: 1 + x < sqrt(2)+, or x < 0; there f = x without reduction
  // unless x <= -0.2929 (sqrt(2)/2- <= 1 + x).
  const D2 below = negative | (ha < high(0x3fda827a));
  const D2 unreduced = actlab::f64x2::and_not(below, negative & (ha > high(0x3fd2bec4)));
  D2 f = x, dk = splat(0.0), c = splat(0.0);
  if (!actlab::f64x2::all(unreduced)) {
    const D2 u = splat(1.0) + x;
    // Shift the high word so that [sqrt(2)/2, sqrt(2)) maps onto one binade.
    const D2 hu =
        actlab::f64x2::add_bits(u, splat_bits(std::uint64_t{0x3ff00000 - 0x3fe6a09e} << 32));
    const D2 k =
        actlab::f64x2::low_bits_value(actlab::f64x2::shift_right_bits(hu, 52)) - splat(1023.0);
    const D2 ck =
        select(k < splat(54.0),
               select(k >= splat(2.0), splat(1.0) - (u - x), x - (u - splat(1.0))) / u, splat(0.0));
    const D2 fk = actlab::f64x2::add_bits(hu & splat_bits(0x000fffffffffffff),
                                          splat_bits(std::uint64_t{0x3fe6a09e} << 32)) -
                  splat(1.0);
    f = select(unreduced, x, fk);
    dk = select(unreduced, splat(0.0), k);
    c = select(unreduced, splat(0.0), ck);
  }
  const D2 hfsq = splat(0.5) * f * f;
  const D2 s = f / (splat(2.0) + f);
  const D2 r = log_remainder(s);
  D2 result = s * (hfsq + r) + (dk * splat(kLn2Lo) + c) - hfsq + f + dk * splat(kLn2Hi);
  result = select(below & (ha < high(0x3ca00000)), x, result);  // |x| < 2^-53
  const D2 minus_one_or_below = negative & (ha >= high(0x3ff00000));
  if (actlab::f64x2::any(minus_one_or_below)) {  // -inf at -1, NaN below
    result = select(
        minus_one_or_below,
        select(x == splat(-1.0), -infinity(), splat(std::numeric_limits<double>::quiet_NaN())),
        result);
  }
  if (!actlab::f64x2::all(x < infinity())) {  // +inf or NaN: x
    result = select((x == infinity()) | (x != x), x, result);
  }
  return result;
}

// erfc_near_one of portable_math.cpp, for a = |x|.
inline D2 erfc_near_one(D2 a) {
  const D2 s = a - splat(1.0);
  const D2 p =
      splat(kPa0) +
      s * (splat(kPa1) +
           s * (splat(kPa2) +
                s * (splat(kPa3) + s * (splat(kPa4) + s * (splat(kPa5) + s * splat(kPa6))))));
  const D2 q =
      splat(1.0) +
      s * (splat(kQa1) +
           s * (splat(kQa2) +
                s * (splat(kQa3) + s * (splat(kQa4) + s * (splat(kQa5) + s * splat(kQa6))))));
  return splat(1.0) - splat(kErx) - p / q;
}

// erfc_tail of portable_math.cpp for 1.25 <= |x| < 28, for a = |x| and ix its high word as a
// double.
inline D2 erfc_far(D2 ix, D2 a) {
  const D2 s = splat(1.0) / (a * a);
  const D2 near_a = ix < high(0x4006db6d);  // |x| < 1/0.35
  D2 r = splat(0.0), q = splat(1.0);
  if (actlab::f64x2::any(near_a)) {
    r = splat(kRa0) +
        s * (splat(kRa1) +
             s * (splat(kRa2) +
                  s * (splat(kRa3) +
                       s * (splat(kRa4) +
                            s * (splat(kRa5) + s * (splat(kRa6) + s * splat(kRa7)))))));
    q = splat(1.0) +
        s * (splat(kSa1) +
             s * (splat(kSa2) +
                  s * (splat(kSa3) +
                       s * (splat(kSa4) +
                            s * (splat(kSa5) +
                                 s * (splat(kSa6) + s * (splat(kSa7) + s * splat(kSa8))))))));
  }
  if (!actlab::f64x2::all(near_a)) {
    const D2 rb =
        splat(kRb0) +
        s * (splat(kRb1) +
             s * (splat(kRb2) +
                  s * (splat(kRb3) + s * (splat(kRb4) + s * (splat(kRb5) + s * splat(kRb6))))));
    const D2 qb = splat(1.0) +
                  s * (splat(kSb1) +
                       s * (splat(kSb2) +
                            s * (splat(kSb3) +
                                 s * (splat(kSb4) +
                                      s * (splat(kSb5) + s * (splat(kSb6) + s * splat(kSb7)))))));
    r = select(near_a, r, rb);
    q = select(near_a, q, qb);
  }
  const D2 z = actlab::f64x2::clear_low_word(a);
  return exp(-z * z - splat(0.5625)) * exp((z - a) * (z + a) + r / q) / a;
}

inline D2 erfc(D2 x) {
  const D2 negative = actlab::f64x2::sign_set(x);
  const D2 a = actlab::f64x2::abs(x);
  const D2 ix = actlab::f64x2::clear_low_word(a);
  const D2 small = ix < high(0x3feb0000);  // |x| < 0.84375
  D2 result = splat(0.0);
  if (actlab::f64x2::any(small)) {
    const D2 z = x * x;
    const D2 r =
        splat(kPp0) + z * (splat(kPp1) + z * (splat(kPp2) + z * (splat(kPp3) + z * splat(kPp4))));
    const D2 s = splat(1.0) +
                 z * (splat(kQq1) +
                      z * (splat(kQq2) + z * (splat(kQq3) + z * (splat(kQq4) + z * splat(kQq5)))));
    const D2 y = r / s;
    result = select(negative | (ix < high(0x3fd00000)), splat(1.0) - (x + x * y),
                    splat(0.5) - (x - splat(0.5) + x * y));
    result = select(ix < high(0x3c700000), splat(1.0) - x, result);  // |x| < 2^-56
  }
  if (!actlab::f64x2::all(small)) {
    const D2 near_one = ix < high(0x3ff40000);  // |x| < 1.25
    D2 tail = splat(0.0);
    if (actlab::f64x2::any(near_one)) tail = erfc_near_one(a);
    if (!actlab::f64x2::all(near_one)) tail = select(near_one, tail, erfc_far(ix, a));
    result = select(small, result, select(negative, splat(2.0) - tail, tail));
    if (!actlab::f64x2::all(ix < high(0x403c0000))) {  // |x| >= 28, inf or NaN
      result = select(ix >= high(0x403c0000), select(negative, splat(2.0), splat(0.0)), result);
      result = select(x != x, x, result);
    }
  }
  return result;
}

// (-t) / d is -(t / d) to the bit: one division for both of the scalar form's ratios.
inline D2 tanh(D2 x) {
  const D2 a = actlab::f64x2::abs(x);
  const D2 w = actlab::f64x2::clear_low_word(a);
  const D2 above = w > high(0x3fe193ea);   // |x| > log(3)/2
  const D2 middle = w > high(0x3fd058ae);  // |x| > log(5/3)/2
  const D2 t = expm1(select(middle, splat(2.0) * a, splat(-2.0) * a));
  const D2 d = t + splat(2.0);
  const D2 ratio = t / d;
  D2 result = select(middle, ratio, -ratio);
  if (actlab::f64x2::any(above)) result = select(above, splat(1.0) - splat(2.0) / d, result);
  if (!actlab::f64x2::all(w <= high(0x40340000))) {  // |x| > 20, or NaN
    result = select(w > high(0x40340000), splat(1.0), result);
  }
  result = select(w < high(0x00100000), a, result);  // |x| < 2^-1022
  result = select(actlab::f64x2::sign_set(x), -result, result);
  return select(x != x, x, result);
}

}  // namespace actlab::portable::f64x2

#endif
