#pragma once
// Double-precision exp, expm1, log1p, log, erfc and tanh in plain IEEE-754 arithmetic: + - * /,
// comparisons and bit manipulation, no libm. glibc (native) and musl (WebAssembly) round the
// last bit of these functions differently; these give bitwise the same result on both, as
// long as they are compiled with -ffp-contract=off (no fused multiply-add).
// Ported from fdlibm (Sun Microsystems) through FreeBSD msun and musl; see portable_math.cpp.

namespace actlab::portable {

// e^x, under 1 ulp; overflows to inf above 709.78, underflows through subnormals to 0.
double exp(double x);

// e^x - 1, under 1 ulp; exact for tiny x, where e^x - 1 would cancel.
double expm1(double x);

// log(1 + x), under 1 ulp; -inf at -1, NaN below.
double log1p(double x);

// The natural logarithm, under 1 ulp; -inf at +-0, NaN below 0.
double log(double x);

// erfc(x) = 1 - erf(x), within about 3 ulp (as glibc's), the tiny values for large x kept.
double erfc(double x);

// tanh(x) via expm1, within about 2 ulp.
double tanh(double x);

}  // namespace actlab::portable
