#pragma once
// gemm() (actlab/gemm.hpp) against the product summed naively in double, for every transpose
// combination and awkward sizes: shared by the native test (gemm_test.cpp, Eigen) and the
// WebAssembly check (tests/wasm/gemm_check.cpp, the SIMD kernel), which link the same core; and
// float's result against the summation order both kernels promise (gemm_order.hpp), to the bit:
// held on both targets, it makes the two builds give the same bits.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "actlab/gemm.hpp"
#include "actlab/rng.hpp"
#include "gemm_order.hpp"

namespace actlab::test {

struct GemmCase {
  Op op_a, op_b;
  int m, n, k;
  std::string text() const {
    return std::string(op_a == Op::none ? "a" : "a^T") + (op_b == Op::none ? " b" : " b^T") +
           " m=" + std::to_string(m) + " n=" + std::to_string(n) + " k=" + std::to_string(k);
  }
};

// Odd sizes around the kernel's 4 x 8 tile, and sizes past its blocks (128 rows, 512
// columns, 256 deep), in every transpose combination.
inline std::vector<GemmCase> gemm_cases() {
  const int sizes[] = {1, 3, 4, 5, 8, 9, 17, 33, 67};
  std::vector<GemmCase> cases;
  for (Op op_a : {Op::none, Op::transpose}) {
    for (Op op_b : {Op::none, Op::transpose}) {
      for (int m : sizes) {
        for (int n : sizes) {
          for (int k : sizes) cases.push_back({op_a, op_b, m, n, k});
        }
      }
      for (const auto& [m, n, k] :
           {std::array<int, 3>{130, 515, 260}, std::array<int, 3>{257, 9, 513},
            std::array<int, 3>{5, 1030, 3}}) {
        cases.push_back({op_a, op_b, m, n, k});
      }
    }
  }
  return cases;
}

struct GemmOutcome {
  bool exact = true;  // every entry equals the double reference rounded to T
  // max over entries of |c - exact| / (|alpha| sum_p |op(a)_ip op(b)_pj|): the rounding error
  // in units of the magnitudes summed, which a k-term float sum keeps under about k 2^-24.
  double relative_error = 0;
  // float: every entry is, to the bit, the sum in the order of gemm_order.hpp.
  bool ordered = true;
};

// Entry (i, j) of alpha op(a) op(b) summed in T in the order of gemm_order.hpp.
template <class T, class A, class B>
T ordered_entry(T alpha, int k, A a_ip, B b_pj) {
  T c = 0;
  for (int p0 = 0; p0 < k; p0 += kGemmBlockDepth) {
    T sum = 0;
    for (int p = p0; p < std::min(k, p0 + kGemmBlockDepth); ++p) sum = sum + a_ip(p) * b_pj(p);
    c = p0 == 0 ? alpha * sum : c + alpha * sum;
  }
  return c;
}

// integers: entries -8..8, so that every product and sum is exact in float and any result
// other than the exact one is an indexing error; otherwise uniform in [-1, 1).
template <class T>
GemmOutcome check_gemm(const GemmCase& g, T alpha, bool integers, std::uint64_t seed) {
  Rng rng(seed, 9);
  const auto draw = [&](std::size_t count) {
    std::vector<T> x(count);
    for (T& v : x) v = integers ? T(int(rng.next_u32() % 17) - 8) : T(2 * rng.uniform() - 1);
    return x;
  };
  const std::vector<T> a = draw(std::size_t(g.m) * g.k), b = draw(std::size_t(g.k) * g.n);
  // Filled with NaN: gemm must overwrite c, never read it.
  std::vector<T> c(std::size_t(g.m) * g.n, std::nan(""));
  const bool ta = g.op_a == Op::transpose, tb = g.op_b == Op::transpose;
  gemm<T>(g.op_a, g.op_b, alpha, ConstMatrixView<T>(a.data(), ta ? g.k : g.m, ta ? g.m : g.k),
          ConstMatrixView<T>(b.data(), tb ? g.n : g.k, tb ? g.k : g.n),
          MatrixView<T>(c.data(), g.m, g.n));
  GemmOutcome outcome;
  for (int i = 0; i < g.m; ++i) {
    for (int j = 0; j < g.n; ++j) {
      double sum = 0, magnitude = 0;
      for (int p = 0; p < g.k; ++p) {
        const double x = ta ? a[std::size_t(p) * g.m + i] : a[std::size_t(i) * g.k + p];
        const double y = tb ? b[std::size_t(j) * g.k + p] : b[std::size_t(p) * g.n + j];
        sum += x * y;
        magnitude += std::fabs(x * y);
      }
      const double exact = double(alpha) * sum, got = c[std::size_t(i) * g.n + j];
      const T ordered = ordered_entry<T>(
          alpha, g.k,
          [&](int p) { return ta ? a[std::size_t(p) * g.m + i] : a[std::size_t(i) * g.k + p]; },
          [&](int p) { return tb ? b[std::size_t(j) * g.k + p] : b[std::size_t(p) * g.n + j]; });
      if (!(T(got) == ordered)) outcome.ordered = false;
      if (!(got == T(exact))) outcome.exact = false;
      const double scale = std::fabs(double(alpha)) * magnitude;
      const double error = scale > 0 ? std::fabs(got - exact) / scale : got == 0 ? 0 : INFINITY;
      outcome.relative_error =
          std::max(outcome.relative_error, std::isnan(error) ? INFINITY : error);
    }
  }
  return outcome;
}

}  // namespace actlab::test
