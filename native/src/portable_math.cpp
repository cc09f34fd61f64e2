// Ports of fdlibm's double-precision exp, expm1, log1p, log, erfc and of musl's tanh, rewritten
// in C++ with the same operations in the same order, so that they round the same way on
// every IEEE-754 target. The hexadecimal comments give each constant's intended bits.
//
// exp, from fdlibm e_exp.c as kept in FreeBSD msun (src/e_exp.c in JuliaMath/openlibm):
// ====================================================
// Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
//
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// expm1, log1p, log, erfc, from musl src/math/expm1.c, log1p.c, log.c (its fdlibm-based
// version, before ARM's optimized-routines log replaced it), erf.c (origin: FreeBSD
// /usr/src/lib/msun/src/s_expm1.c, s_log1p.c, e_log.c, s_erf.c):
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
//
// tanh, and musl's changes to the three above, from musl src/math/tanh.c:
// Copyright © 2005-2020 Rich Felker, et al.
//
// Permission is hereby granted, free of charge, to any person obtaining
// a copy of this software and associated documentation files (the
// "Software"), to deal in the Software without restriction, including
// without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to
// permit persons to whom the Software is furnished to do so, subject to
// the following conditions:
//
// The above copyright notice and this permission notice shall be
// included in all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
// EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
// MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
// IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
// CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
// TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
// SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#include "actlab/portable_math.hpp"

#include <cstdint>
#include <cstring>
#include <limits>

#include "portable_math_constants.hpp"

namespace actlab::portable {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

std::uint64_t to_bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

double from_bits(std::uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

// Sign, exponent and the top 20 mantissa bits: fdlibm's GET_HIGH_WORD, which its range
// tests compare against.
std::uint32_t high_word(double x) {
  return static_cast<std::uint32_t>(to_bits(x) >> 32);
}

bool is_negative(double x) {
  return (to_bits(x) & kSignBit) != 0;
}

double magnitude(double x) {
  return from_bits(to_bits(x) & ~kSignBit);
}

// 2^k for -1022 <= k <= 1023, written straight into the exponent field.
double pow2(int k) {
  return from_bits(static_cast<std::uint64_t>(0x3ff + k) << 52);
}

// x = k ln2 + r with |r| <= ln2 / 2, r returned as hi - lo (fdlibm's reduction in exp and
// expm1); k is 1 or -1 without a multiply when 0.5 ln2 < |x| < 1.5 ln2 (high word 0x3ff0a2b2).
struct Reduced {
  int k;
  double hi, lo;
};

Reduced reduce_ln2(double x, std::uint32_t hx) {
  const bool negative = is_negative(x);
  if (hx < 0x3ff0a2b2) {
    return negative ? Reduced{-1, x + kLn2Hi, -kLn2Lo} : Reduced{1, x - kLn2Hi, kLn2Lo};
  }
  const int k = static_cast<int>(kInvLn2 * x + (negative ? -0.5 : 0.5));
  const double t = k;
  return {k, x - t * kLn2Hi, t * kLn2Lo};
}

}  // namespace

// fdlibm e_exp.c. Reduce x = k ln2 + r, |r| <= ln2/2; R(r^2) = r (e^r + 1) / (e^r - 1) is a
// degree-5 Remez polynomial 2 + P1 z + ... + P5 z^5 (error < 2^-59), so with
// c = r - (P1 r^2 + ... + P5 r^10), e^r = 1 + r + r c / (2 - c); then e^x = 2^k e^r, scaled
// in two steps when 2^k is subnormal.
double exp(double x) {
  const std::uint32_t hx = high_word(x) & 0x7fffffff;
  if (hx >= 0x40862e42) {  // |x| >= 709.78, inf or NaN
    if (x != x) return x;
    if (x > kOverflowThreshold) return kInf;
    if (x < kUnderflowThreshold) return 0.0;
  }
  Reduced r{0, x, 0.0};
  if (hx > 0x3fd62e42) {  // |x| > 0.5 ln2
    r = reduce_ln2(x, hx);
    x = r.hi - r.lo;
  } else if (hx < 0x3e300000) {  // |x| < 2^-28: e^x = 1 + x to the last bit
    return 1.0 + x;
  }
  const double t = x * x;
  const double c = x - t * (kP1 + t * (kP2 + t * (kP3 + t * (kP4 + t * kP5))));
  if (r.k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const double y = 1.0 - ((r.lo - (x * c) / (2.0 - c)) - r.hi);
  if (r.k == 1024) return y * 2.0 * 0x1p1023;
  if (r.k >= -1021) return y * pow2(r.k);
  return y * pow2(r.k + 1000) * 0x1p-1000;
}

// musl expm1.c (FreeBSD s_expm1.c). Reduce x = k ln2 + r as in exp, with c the rounding
// error of r = hi - lo; R1(r^2) = 6/r ((e^r + 1)/(e^r - 1) - 2/r) is a degree-5 Remez
// polynomial in r^2 (error < 2^-61; Q_n scaled by 2^n), from which
// expm1(r) = r + r^2/2 + r^3/2 (3 - (R1 + R1 r/2)) / (6 - r (3 - R1 r/2)), corrected for c;
// then expm1(x) = 2^k (expm1(r) + 1) - 1, arranged per k so that nothing cancels.
double expm1(double x) {
  const std::uint32_t hx = high_word(x) & 0x7fffffff;
  if (hx >= 0x4043687a) {  // |x| >= 56 ln2, inf or NaN
    if (x != x) return x;
    if (is_negative(x)) return -1.0;  // e^x < 2^-56: -1 to the last bit
    if (x > kOverflowThreshold) return kInf;
  }
  int k = 0;
  double c = 0.0;
  if (hx > 0x3fd62e42) {  // |x| > 0.5 ln2
    const Reduced r = reduce_ln2(x, hx);
    k = r.k;
    x = r.hi - r.lo;
    c = (r.hi - x) - r.lo;
  } else if (hx < 0x3c900000) {  // |x| < 2^-54: e^x - 1 = x to the last bit
    return x;
  }
  const double hfx = 0.5 * x;
  const double hxs = x * hfx;
  const double r1 = 1.0 + hxs * (kQ1 + hxs * (kQ2 + hxs * (kQ3 + hxs * (kQ4 + hxs * kQ5))));
  const double t = 3.0 - r1 * hfx;
  double e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k == 0) return x - (x * e - hxs);  // c is 0
  e = x * (e - c) - c;
  e -= hxs;
  // e^x = 2^k (x - e + 1), with x now the reduced argument.
  if (k == -1) return 0.5 * (x - e) - 0.5;
  if (k == 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1.0 + 2.0 * (x - e);
  }
  if (k < 0 || k > 56) {  // the final - 1 loses nothing that matters
    const double y = x - e + 1.0;
    if (k == 1024) return y * 2.0 * 0x1p1023 - 1.0;
    return y * pow2(k) - 1.0;
  }
  if (k < 20) return (x - e + (1.0 - pow2(-k))) * pow2(k);
  return (x - (e + pow2(-k)) + 1.0) * pow2(k);
}

namespace {

// R = Lg1 s^2 + ... + Lg7 s^14, a Remez fit (fdlibm e_log.c, error < 2^-58.45) such that
// log(1 + f) = f - f^2/2 + s (f^2/2 + R) with s = f / (2 + f), for sqrt(2)/2 < 1 + f < sqrt(2).
double log_remainder(double s) {
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  return t2 + t1;
}

}  // namespace

// musl log1p.c (FreeBSD s_log1p.c). 1 + x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2),
// the rounding error of u = 1 + x added back as c / u; with log_remainder's R,
// log1p(x) = k ln2 + f - f^2/2 + s (f^2/2 + R) + c / u.
double log1p(double x) {
  const std::uint32_t hx = high_word(x);
  bool reduce = true;
  double f = 0.0, c = 0.0;
  if (hx < 0x3fda827a || (hx >> 31) != 0) {  // 1 + x < sqrt(2)+, or x < 0
    if (hx >= 0xbff00000) {                  // x <= -1, or a negative NaN
      if (x == -1.0) return -kInf;
      return x != x ? x : kNaN;
    }
    if ((hx << 1) < (0x3ca00000u << 1)) return x;  // |x| < 2^-53: log1p(x) = x to the last bit
    if (hx <= 0xbfd2bec4) {                        // sqrt(2)/2- <= 1 + x < sqrt(2)+: f = x
      reduce = false;
      f = x;
    }
  } else if (hx >= 0x7ff00000) {  // +inf or NaN
    return x;
  }
  int k = 0;
  if (reduce) {
    const double u = 1.0 + x;
    // Shift the high word so that [sqrt(2)/2, sqrt(2)) maps onto one binade.
    std::uint32_t hu = high_word(u) + (0x3ff00000 - 0x3fe6a09e);
    k = static_cast<int>(hu >> 20) - 0x3ff;
    if (k < 54) c = (k >= 2 ? 1.0 - (u - x) : x - (u - 1.0)) / u;  // else c / u underflows
    hu = (hu & 0x000fffff) + 0x3fe6a09e;
    f = from_bits(std::uint64_t{hu} << 32 | (to_bits(u) & 0xffffffff)) - 1.0;
  }
  const double hfsq = 0.5 * f * f;
  const double s = f / (2.0 + f);
  const double r = log_remainder(s);
  const double dk = k;
  return s * (hfsq + r) + (dk * kLn2Lo + c) - hfsq + f + dk * kLn2Hi;
}

// musl log.c as of 1.1.x (FreeBSD e_log.c): x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2),
// subnormal x scaled up by 2^54 first; log(x) = k ln2 + f - f^2/2 + s (f^2/2 + R).
double log(double x) {
  std::uint32_t hx = high_word(x);
  int k = 0;
  if (hx < 0x00100000 || (hx >> 31) != 0) {    // subnormal, zero or negative
    if ((to_bits(x) << 1) == 0) return -kInf;  // log(+-0)
    if ((hx >> 31) != 0) return kNaN;          // log(x < 0), or a negative NaN
    k -= 54;
    x *= 0x1p54;
    hx = high_word(x);
  } else if (hx >= 0x7ff00000) {  // +inf or NaN
    return x;
  } else if (x == 1.0) {
    return 0.0;
  }
  // Shift the high word so that [sqrt(2)/2, sqrt(2)) maps onto one binade.
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += static_cast<int>(hx >> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  const double f = from_bits(std::uint64_t{hx} << 32 | (to_bits(x) & 0xffffffff)) - 1.0;
  const double hfsq = 0.5 * f * f;
  const double s = f / (2.0 + f);
  const double r = log_remainder(s);
  const double dk = k;
  return s * (hfsq + r) + dk * kLn2Lo - hfsq + f + dk * kLn2Hi;
}

namespace {

// erfc(x) for 0.84375 <= |x| < 1.25, about erf(1): with s = |x| - 1 and erx = erf(1) cut to
// 24 bits, erf(|x|) = erx + P(s)/Q(s) (degree-6 rational, error < 2^-59.06).
double erfc_near_one(double x) {
  const double s = magnitude(x) - 1.0;
  const double p = kPa0 + s * (kPa1 + s * (kPa2 + s * (kPa3 + s * (kPa4 + s * (kPa5 + s * kPa6)))));
  const double q = 1.0 + s * (kQa1 + s * (kQa2 + s * (kQa3 + s * (kQa4 + s * (kQa5 + s * kQa6)))));
  return 1.0 - kErx - p / q;
}

// erfc(|x|) for 0.84375 <= |x| < 28 (ix = the high word of |x|). From 1.25 on,
// erfc(x) = exp(-x^2 - 0.5625 + R(1/x^2)/S(1/x^2)) / x, one rational fit up to 1/0.35 and
// another beyond (errors < 2^-62.57, 2^-61.52); -x^2 is split as -z^2 + (z - x)(z + x) with
// z = x cut to 21 significant bits, so that z^2 is exact.
double erfc_tail(std::uint32_t ix, double x) {
  if (ix < 0x3ff40000) return erfc_near_one(x);  // |x| < 1.25
  x = magnitude(x);
  const double s = 1.0 / (x * x);
  double r, q;
  if (ix < 0x4006db6d) {  // |x| < 1/0.35
    r = kRa0 +
        s * (kRa1 + s * (kRa2 + s * (kRa3 + s * (kRa4 + s * (kRa5 + s * (kRa6 + s * kRa7))))));
    q = 1.0 + s * (kSa1 +
                   s * (kSa2 +
                        s * (kSa3 + s * (kSa4 + s * (kSa5 + s * (kSa6 + s * (kSa7 + s * kSa8)))))));
  } else {
    r = kRb0 + s * (kRb1 + s * (kRb2 + s * (kRb3 + s * (kRb4 + s * (kRb5 + s * kRb6)))));
    q = 1.0 +
        s * (kSb1 + s * (kSb2 + s * (kSb3 + s * (kSb4 + s * (kSb5 + s * (kSb6 + s * kSb7))))));
  }
  const double z = from_bits(to_bits(x) & 0xffffffff00000000);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / q) / x;
}

}  // namespace

// musl erf.c (FreeBSD s_erf.c), the erfc half. |x| < 0.84375: erf(x) = x + x R(x^2), R a
// degree-4/5 rational fit (error < 2^-57.90), and erfc = 1 - erf arranged against
// cancellation; 0.84375 <= |x| < 28: erfc_tail, with erfc(-x) = 2 - erfc(x); beyond, erfc(x)
// is below the smallest subnormal (or 2 - it rounds to 2).
double erfc(double x) {
  const bool negative = is_negative(x);
  const std::uint32_t ix = high_word(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) {  // inf or NaN
    if (x != x) return x;
    return negative ? 2.0 : 0.0;
  }
  if (ix < 0x3feb0000) {                  // |x| < 0.84375
    if (ix < 0x3c700000) return 1.0 - x;  // |x| < 2^-56
    const double z = x * x;
    const double r = kPp0 + z * (kPp1 + z * (kPp2 + z * (kPp3 + z * kPp4)));
    const double s = 1.0 + z * (kQq1 + z * (kQq2 + z * (kQq3 + z * (kQq4 + z * kQq5))));
    const double y = r / s;
    if (negative || ix < 0x3fd00000) return 1.0 - (x + x * y);  // x < 1/4
    return 0.5 - (x - 0.5 + x * y);
  }
  if (ix < 0x403c0000) return negative ? 2.0 - erfc_tail(ix, x) : erfc_tail(ix, x);  // |x| < 28
  return negative ? 2.0 : 0.0;
}

// musl tanh.c. tanh|x| = 1 - 2 / (expm1(2|x|) + 2) for |x| > log(3)/2,
// t / (t + 2) with t = expm1(2|x|) down to log(5/3)/2, and -t / (t + 2) with t = expm1(-2|x|)
// below (about 2 ulp at worst); 1 beyond |x| = 20 and x itself for subnormal x.
double tanh(double x) {
  const double a = magnitude(x);
  const std::uint32_t w = high_word(a);
  double t;
  if (w > 0x3fe193ea) {    // |x| > log(3)/2 ~= 0.5493, or NaN
    if (w > 0x40340000) {  // |x| > 20, or NaN
      if (x != x) return x;
      t = 1.0;
    } else {
      t = expm1(2.0 * a);
      t = 1.0 - 2.0 / (t + 2.0);
    }
  } else if (w > 0x3fd058ae) {  // |x| > log(5/3)/2 ~= 0.2554
    t = expm1(2.0 * a);
    t = t / (t + 2.0);
  } else if (w >= 0x00100000) {  // |x| >= 2^-1022
    t = expm1(-2.0 * a);
    t = -t / (t + 2.0);
  } else {
    t = a;
  }
  return is_negative(x) ? -t : t;
}

}  // namespace actlab::portable
