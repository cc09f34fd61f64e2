// gemm() natively (Eigen) against the naive double product; tests/wasm/gemm.test.mjs runs the
// same cases (gemm_reference.hpp) on the WebAssembly SIMD kernel.
#include <gtest/gtest.h>

#include "gemm_reference.hpp"

namespace actlab {
namespace {

// bound(k): the largest relative_error allowed for a k-deep product.
template <class T, class Bound>
void expect_gemm_correct(Bound bound) {
  std::uint64_t seed = 1;
  for (const test::GemmCase& g : test::gemm_cases()) {
    for (T alpha : {T(1), T(0.25)}) {
      EXPECT_TRUE(test::check_gemm<T>(g, alpha, true, seed++).exact) << g.text();
    }
    EXPECT_LE(test::check_gemm<T>(g, T(1) / T(3), false, seed++).relative_error, bound(g.k))
        << g.text();
  }
}

TEST(Gemm, FloatIsExactOnIntegersAndWithinTheSumsRoundingOtherwise) {
  // A k-term sum rounds at most k times, alpha's product and the sums of blocks a few more
  // (the double reference's own rounding is 2^-29 times smaller).
  expect_gemm_correct<float>([](int k) { return (k + 4) * 0x1p-24; });
}

TEST(Gemm, DoubleIsExactOnIntegersAndWithinTheSumsRoundingOtherwise) {
  // The reference rounds as much as the product here: twice the bound.
  expect_gemm_correct<double>([](int k) { return 2 * (k + 4) * 0x1p-53; });
}

}  // namespace
}  // namespace actlab
