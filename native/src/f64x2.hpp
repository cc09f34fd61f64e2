#pragma once
// Two doubles in one 128-bit register, for the vectorized double curves (curve_f64x2.cpp):
// WebAssembly SIMD's f64x2 or x86-64's SSE2, behind one small set of operations. Every
// arithmetic operation is one IEEE-754 operation per lane, rounded as its scalar form rounds
// (no fused multiply-add with -ffp-contract=off, no min/max, whose zeros and NaNs differ between
// the two instruction sets), so that the same code gives the same bits on both targets and as
// the scalar code it mirrors. Private to native/src: the public headers stay free of
// intrinsics, as gemm_wasm_simd.cpp keeps wasm_simd128.h to itself.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define ACTLAB_F64X2 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define ACTLAB_F64X2 1
#endif

#if defined(ACTLAB_F64X2)

#include <cstdint>

namespace actlab::f64x2 {

#if defined(__wasm_simd128__)
using Register = v128_t;
#else
using Register = __m128d;
#endif

// Two doubles; D2 also carries a lane mask (all ones or all zeros per lane) or two raw
// 64-bit patterns, as one register does in both instruction sets.
struct D2 {
  Register v;
};

// truncate(x): each lane rounded toward zero, as static_cast<int> does, for 1 <= |x| < 2^31
// (below 1 the sign of the zero differs between the two instruction sets).
// any(mask), all(mask): whether one lane, or both, of a mask are set.
#if defined(__wasm_simd128__)
inline D2 splat(double x) {
  return {wasm_f64x2_splat(x)};
}
inline D2 splat_bits(std::uint64_t u) {
  return {wasm_i64x2_splat(static_cast<std::int64_t>(u))};
}
inline D2 load(const double* p) {
  return {wasm_v128_load(p)};
}
inline void store(double* p, D2 x) {
  wasm_v128_store(p, x.v);
}
inline D2 operator+(D2 a, D2 b) {
  return {wasm_f64x2_add(a.v, b.v)};
}
inline D2 operator-(D2 a, D2 b) {
  return {wasm_f64x2_sub(a.v, b.v)};
}
inline D2 operator*(D2 a, D2 b) {
  return {wasm_f64x2_mul(a.v, b.v)};
}
inline D2 operator/(D2 a, D2 b) {
  return {wasm_f64x2_div(a.v, b.v)};
}
inline D2 operator<(D2 a, D2 b) {
  return {wasm_f64x2_lt(a.v, b.v)};
}
inline D2 operator<=(D2 a, D2 b) {
  return {wasm_f64x2_le(a.v, b.v)};
}
inline D2 operator==(D2 a, D2 b) {
  return {wasm_f64x2_eq(a.v, b.v)};
}
inline D2 operator!=(D2 a, D2 b) {
  return {wasm_f64x2_ne(a.v, b.v)};
}
inline D2 operator&(D2 a, D2 b) {
  return {wasm_v128_and(a.v, b.v)};
}
inline D2 operator|(D2 a, D2 b) {
  return {wasm_v128_or(a.v, b.v)};
}
inline D2 operator^(D2 a, D2 b) {
  return {wasm_v128_xor(a.v, b.v)};
}
// a & ~b
inline D2 and_not(D2 a, D2 b) {
  return {wasm_v128_andnot(a.v, b.v)};
}
// The 64-bit patterns added as integers, and shifted.
inline D2 add_bits(D2 a, D2 b) {
  return {wasm_i64x2_add(a.v, b.v)};
}
inline D2 shift_left_bits(D2 a, int n) {
  return {wasm_i64x2_shl(a.v, n)};
}
inline D2 shift_right_bits(D2 a, int n) {
  return {wasm_u64x2_shr(a.v, n)};
}
// All ones in the lanes whose sign bit is set (-0 and negative NaNs included): negative as
// a 64-bit integer, one compare in V8 where the arithmetic shift by 63 takes several.
inline D2 sign_set(D2 a) {
  return {wasm_i64x2_lt(a.v, wasm_i64x2_splat(0))};
}
inline D2 truncate(D2 x) {
  return {wasm_f64x2_trunc(x.v)};
}
inline bool any(D2 mask) {
  return wasm_v128_any_true(mask.v);
}
inline bool all(D2 mask) {
  return wasm_i64x2_all_true(mask.v);
}
#else
inline __m128i as_int(D2 a) {
  return _mm_castpd_si128(a.v);
}
inline D2 from_int(__m128i a) {
  return {_mm_castsi128_pd(a)};
}
inline D2 splat(double x) {
  return {_mm_set1_pd(x)};
}
inline D2 splat_bits(std::uint64_t u) {
  return from_int(_mm_set1_epi64x(static_cast<long long>(u)));
}
inline D2 load(const double* p) {
  return {_mm_loadu_pd(p)};
}
inline void store(double* p, D2 x) {
  _mm_storeu_pd(p, x.v);
}
inline D2 operator+(D2 a, D2 b) {
  return {_mm_add_pd(a.v, b.v)};
}
inline D2 operator-(D2 a, D2 b) {
  return {_mm_sub_pd(a.v, b.v)};
}
inline D2 operator*(D2 a, D2 b) {
  return {_mm_mul_pd(a.v, b.v)};
}
inline D2 operator/(D2 a, D2 b) {
  return {_mm_div_pd(a.v, b.v)};
}
inline D2 operator<(D2 a, D2 b) {
  return {_mm_cmplt_pd(a.v, b.v)};
}
inline D2 operator<=(D2 a, D2 b) {
  return {_mm_cmple_pd(a.v, b.v)};
}
inline D2 operator==(D2 a, D2 b) {
  return {_mm_cmpeq_pd(a.v, b.v)};
}
inline D2 operator!=(D2 a, D2 b) {
  return {_mm_cmpneq_pd(a.v, b.v)};
}
inline D2 operator&(D2 a, D2 b) {
  return {_mm_and_pd(a.v, b.v)};
}
inline D2 operator|(D2 a, D2 b) {
  return {_mm_or_pd(a.v, b.v)};
}
inline D2 operator^(D2 a, D2 b) {
  return {_mm_xor_pd(a.v, b.v)};
}
inline D2 and_not(D2 a, D2 b) {
  return {_mm_andnot_pd(b.v, a.v)};
}
inline D2 add_bits(D2 a, D2 b) {
  return from_int(_mm_add_epi64(as_int(a), as_int(b)));
}
inline D2 shift_left_bits(D2 a, int n) {
  return from_int(_mm_slli_epi64(as_int(a), n));
}
inline D2 shift_right_bits(D2 a, int n) {
  return from_int(_mm_srli_epi64(as_int(a), n));
}
// SSE2 shifts 32-bit lanes arithmetically: the high word's sign, copied to both halves.
inline D2 sign_set(D2 a) {
  return from_int(_mm_shuffle_epi32(_mm_srai_epi32(as_int(a), 31), _MM_SHUFFLE(3, 3, 1, 1)));
}
inline D2 truncate(D2 x) {
  return {_mm_cvtepi32_pd(_mm_cvttpd_epi32(x.v))};
}
inline bool any(D2 mask) {
  return _mm_movemask_pd(mask.v) != 0;
}
inline bool all(D2 mask) {
  return _mm_movemask_pd(mask.v) == 3;
}
#endif

inline D2 operator>(D2 a, D2 b) {
  return b < a;
}
inline D2 operator>=(D2 a, D2 b) {
  return b <= a;
}
inline D2 operator-(D2 a) {
  return a ^ splat_bits(std::uint64_t{1} << 63);
}
inline D2& operator-=(D2& a, D2 b) {
  return a = a - b;
}
// Per lane: mask ? if_true : if_false.
inline D2 select(D2 mask, D2 if_true, D2 if_false) {
  return (mask & if_true) | and_not(if_false, mask);
}
inline D2 abs(D2 x) {
  return and_not(x, splat_bits(std::uint64_t{1} << 63));
}
// The double whose bits are the lanes' high words, as fdlibm's range tests compare: x with
// its low 32 bits cleared.
inline D2 clear_low_word(D2 x) {
  return x & splat_bits(0xffffffff00000000);
}
// 2^k for integer-valued k with -1022 <= k <= 1023: k + 1023 is put into the low bits of
// k + 2^52 + 1023 and from there shifted into the exponent field.
inline D2 pow2(D2 k) {
  return shift_left_bits(k + splat(0x1p52 + 1023.0), 52);
}
// The integer in the low bits of each lane's pattern (below 2^52) as a double.
inline D2 low_bits_value(D2 bits) {
  return (bits | splat_bits(0x4330000000000000)) - splat(0x1p52);
}

}  // namespace actlab::f64x2

#endif
