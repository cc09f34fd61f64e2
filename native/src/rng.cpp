#include "actlab/rng.hpp"

#include <algorithm>
#include <cmath>

#include "actlab/portable_math.hpp"

namespace actlab {

namespace {

constexpr std::uint64_t kMultiplier = 6364136223846793005ULL;

// PCG32's output function (XSH-RR) of a state.
std::uint32_t output(std::uint64_t state) {
  const auto xorshifted = static_cast<std::uint32_t>(((state >> 18u) ^ state) >> 27u);
  const auto rot = static_cast<std::uint32_t>(state >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

// [0, 1) from two outputs: the top 53 of their 64 bits, hi 2^21 + (lo >> 11), exact in double.
double unit_interval(std::uint32_t hi, std::uint32_t lo) {
  return (static_cast<double>(hi) * 0x1p21 + static_cast<double>(lo >> 11)) * 0x1p-53;
}

}  // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : increment_((stream << 1u) | 1u) {
  next_u32();
  state_ += seed;
  next_u32();
}

std::uint32_t Rng::next_u32() {
  const std::uint64_t old = state_;
  state_ = old * kMultiplier + increment_;
  return output(old);
}

// n steps of the LCG s -> a s + c (mod 2^64) as four interleaved chains, so that four
// multiplications are in flight instead of one: four steps at once are s -> a^4 s + c (a^3 +
// a^2 + a + 1) (Brown 1994, "Random Number Generation with Arbitrary Strides").
void Rng::next_u32(std::uint32_t* out, std::size_t n) {
  const std::uint64_t a = kMultiplier, c = increment_;
  const std::uint64_t a2 = a * a, a4 = a2 * a2, c4 = c * (1 + a + a2 + a2 * a);
  std::uint64_t s0 = state_, s1 = a * s0 + c, s2 = a * s1 + c, s3 = a * s2 + c;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    out[i] = output(s0), out[i + 1] = output(s1), out[i + 2] = output(s2), out[i + 3] = output(s3);
    s0 = a4 * s0 + c4, s1 = a4 * s1 + c4, s2 = a4 * s2 + c4, s3 = a4 * s3 + c4;
  }
  state_ = s0;  // the state after i steps
  for (; i < n; ++i) out[i] = next_u32();
}

double Rng::uniform() {
  const std::uint32_t hi = next_u32();
  const std::uint32_t lo = next_u32();
  return unit_interval(hi, lo);
}

double Rng::symmetric_uniform() {
  return (2.0 * next_u32() + 1.0) * 0x1p-32 - 1.0;
}

double Rng::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double u, v, s;
  do {
    u = 2 * uniform() - 1;
    v = 2 * uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  // sqrt is correctly rounded everywhere (IEEE 754); log is the portable one.
  const double f = std::sqrt(-2 * portable::log(s) / s);
  spare_ = v * f;
  has_spare_ = true;
  return u * f;
}

void Rng::normal(double* out, std::size_t n) {
  std::size_t i = 0;
  if (n > 0 && has_spare_) out[i++] = spare_, has_spare_ = false;
  constexpr std::size_t kAttempts = 128;
  std::uint32_t bits[4 * kAttempts];
  double u[kAttempts], v[kAttempts], s[kAttempts];
  while (i < n) {
    // As many attempts as pairs still needed: each takes normal()'s four outputs, and the
    // accepted ones give at most the values asked for (the last second one kept as spare).
    const std::size_t attempts = std::min(kAttempts, (n - i + 1) / 2);
    next_u32(bits, 4 * attempts);
    std::size_t accepted = 0;
    for (std::size_t k = 0; k < attempts; ++k) {
      const double uk = 2 * unit_interval(bits[4 * k], bits[4 * k + 1]) - 1;
      const double vk = 2 * unit_interval(bits[4 * k + 2], bits[4 * k + 3]) - 1;
      const double sk = uk * uk + vk * vk;
      u[accepted] = uk, v[accepted] = vk, s[accepted] = sk;
      accepted += sk < 1 && sk != 0;
    }
    for (std::size_t k = 0; k < accepted; ++k) {
      const double f = std::sqrt(-2 * portable::log(s[k]) / s[k]);
      out[i++] = u[k] * f;
      if (i < n) {
        out[i++] = v[k] * f;
      } else {
        spare_ = v[k] * f, has_spare_ = true;
      }
    }
  }
}

}  // namespace actlab
