#pragma once
// PCG32 (O'Neill 2014, "PCG: A Family of Simple Fast Space-Efficient Statistically Good
// Algorithms for Random Number Generation": a 64-bit LCG with the XSH-RR output) and uniform
// and normal transforms of our own. Integer arithmetic, IEEE + - * / sqrt and a portable log
// only, so a seed gives bitwise the same numbers natively and in WebAssembly:
// std::normal_distribution differs between standard libraries, libm's log between glibc and
// musl.
#include <cstddef>
#include <cstdint>

namespace actlab {

class Rng {
 public:
  // pcg32_srandom_r: seed picks the starting point, stream one of 2^63 distinct sequences.
  Rng(std::uint64_t seed, std::uint64_t stream);

  std::uint32_t next_u32();
  // out[i] = next_u32() for i < n, the same numbers and the same state afterwards, about three
  // times faster: the LCG runs as four chains, each jumped ahead four steps at a time.
  void next_u32(std::uint32_t* out, std::size_t n);
  // [0, 1) on the grid k 2^-53, from the top bits of two outputs.
  double uniform();
  // U(-1, 1) as the 2^32 points (2k + 1) 2^-32 - 1, k = next_u32(): symmetric about 0, never
  // 0 or +-1, each exact in double; from one output, as 32 bits are more than a float keeps.
  double symmetric_uniform();
  // N(0, 1) by Marsaglia's polar method: (u, v) uniform in the unit disc, s = u^2 + v^2,
  // then u f and v f with f = sqrt(-2 ln(s) / s) are independent standard normals; the second
  // is kept for the next call.
  double normal();
  // out[i] = normal() for i < n, the same numbers and the same state afterwards (the kept
  // second value included), faster: the uniforms come in blocks of next_u32(out, n).
  void normal(double* out, std::size_t n);

 private:
  std::uint64_t state_ = 0;
  std::uint64_t increment_ = 0;
  double spare_ = 0;
  bool has_spare_ = false;
};

// out[i] = T(scale * rng.normal()) for i < n, the normals drawn in blocks.
template <class T>
void draw_normals(Rng& rng, double scale, T* out, std::size_t n) {
  constexpr std::size_t kBlock = 256;
  double x[kBlock];
  for (std::size_t done = 0; done < n; done += kBlock) {
    const std::size_t m = n - done < kBlock ? n - done : kBlock;
    rng.normal(x, m);
    for (std::size_t i = 0; i < m; ++i) out[done + i] = static_cast<T>(scale * x[i]);
  }
}

}  // namespace actlab
