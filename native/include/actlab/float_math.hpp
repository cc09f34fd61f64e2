#pragma once
// Float e^x and e^x - 1 for the network's hot loop (activation_math.hpp's float forms): inline
// and branch-free, so that a loop over them vectorizes (SSE/AVX natively, f32x4 in
// WebAssembly), where libm's expf and expm1f are one call per element; and plain IEEE
// arithmetic, so that they give the same bits on every target (with -ffp-contract=off).
//
// Cody & Waite (1980) reduction x = n ln2 + r, |r| <= ln2/2, then e^r - 1 = r + r^2 P(r) with
// Cephes' expf polynomial (Moshier 1989), and 2^n from the exponent bits. Measured over every
// float (bench/float_math_sweep.cpp, bench/README.md): exp within 0.99 ulp of the exact value
// everywhere, subnormal results included; expm1 within 1.57 ulp (at x just past ln2/2, where
// 2 p + 1 cancels); 99.6% and 99.7% of the results correctly rounded.
#include <cmath>
#include <cstdint>
#include <cstring>

namespace actlab::float_math {

namespace detail {

inline std::uint32_t bits(float x) {
  std::uint32_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

inline float from_bits(std::uint32_t u) {
  float x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

// Adding 1.5 2^23 rounds a float of magnitude below 2^22 to an integer (to nearest, ties to
// even) and leaves that integer in the low bits of the sum's encoding.
inline constexpr float kRoundingShift = 12582912.0f;
inline constexpr float kLog2e = 1.44269504088896341f;
// ln 2 = kLn2Hi + kLn2Lo, kLn2Hi with 9 significant bits so that n kLn2Hi is exact (|n| < 2^8).
inline constexpr float kLn2Hi = 0.693359375f;
inline constexpr float kLn2Lo = -2.12194440e-4f;

// x = n ln2 + r: returns r, with x + kRoundingShift's encoding (n in its low bits) in shifted.
inline float reduce(float x, std::uint32_t& shifted) {
  const float s = x * kLog2e + kRoundingShift;
  const float n = s - kRoundingShift;
  shifted = bits(s) - bits(kRoundingShift);  // n, as a two's-complement integer
  return (x - n * kLn2Hi) - n * kLn2Lo;      // the first product and difference are exact
}

// e^r - 1 for |r| <= ln2/2: Cephes expf's polynomial (its 1 + r + r^2 P(r) less the 1).
inline float expm1_reduced(float r) {
  const float p =
      ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) *
           r +
       1.6666665459e-1f) *
          r +
      5.0000001201e-1f;
  return r + r * r * p;
}

// n, the exponent of the reduction, kept within [lo, hi] (as a two's-complement integer):
// outside the range where it matters the result is replaced anyway (by 0, -1 or inf), and
// the reduction of a huge x gives a meaningless n.
inline std::uint32_t clamp_exponent(std::uint32_t n, std::int32_t lo, std::int32_t hi) {
  const auto m = static_cast<std::int32_t>(n);
  return static_cast<std::uint32_t>(m < lo ? lo : m > hi ? hi : m);
}

}  // namespace detail

// e^x; 0 below -103.97 (through the subnormals), inf above 88.72, NaN for NaN.
// The limits are selects on x after the fact rather than a clamp of x before: a clamp
// compiles to f32x4.min/max, which V8 expands to some eight instructions each (NaN rules).
inline float exp(float x) {
  using namespace detail;
  std::uint32_t n;
  const float r = reduce(x, n);
  // 2^n in two factors, each a normal float for n in [-150, 128]: the first product is exact,
  // the second rounds once, also into the subnormals.
  const std::uint32_t biased = clamp_exponent(n, -150, 128) + 256;  // in [106, 384]
  const std::uint32_t half = biased >> 1;
  const float scale_1 = from_bits((half - 1) << 23);           // 2^(floor(n/2))
  const float scale_2 = from_bits((biased - half - 1) << 23);  // 2^(n - floor(n/2))
  const float result = ((1.0f + expm1_reduced(r)) * scale_1) * scale_2;
  // e^-104 rounds to 0, e^89 overflows; NaN passes both comparisons.
  return x < -104.0f ? 0.0f : x > 89.0f ? INFINITY : result;
}

// e^x - 1; -1 below -17.3, inf above 88.72, x itself (sign of zero kept) for |x| < 2^-25.
inline float expm1(float x) {
  using namespace detail;
  std::uint32_t n;
  const float r = reduce(x, n);
  // 2^n (p + 1) - 1 = 2 (t p + (t - 1/2)) with t = 2^(n-1): no overflow of 2^n at n = 128,
  // t - 1/2 exact for n >= -23, and p itself at n = 0. Below n = -25 the result rounds to -1
  // whatever t is: t = 2^(max(n, -64) - 1) keeps it a normal float.
  const float t = from_bits((clamp_exponent(n, -64, 128) + 126) << 23);
  const float result = 2.0f * (t * expm1_reduced(r) + (t - 0.5f));
  const float limited = x < -64.0f ? -1.0f : x > 89.0f ? INFINITY : result;
  return x < 0x1p-25f && x > -0x1p-25f ? x : limited;
}

}  // namespace actlab::float_math
