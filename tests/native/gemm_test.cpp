// gemm() natively (float: gemm_native_simd.cpp; double: Eigen) against the naive double product,
// and float's against the summation order of gemm_order.hpp to the bit; tests/wasm/gemm.test.mjs
// runs the same cases (gemm_reference.hpp) on the WebAssembly SIMD kernel.
#include <gtest/gtest.h>

#include "gemm_reference.hpp"

namespace actlab {
namespace {

// bound(k): the largest relative_error allowed for a k-deep product.
// ordered: float, whose kernel promises the order of gemm_order.hpp.
template <class T, class Bound>
void expect_gemm_correct(Bound bound, bool ordered) {
  std::uint64_t seed = 1;
  for (const test::GemmCase& g : test::gemm_cases()) {
    for (T alpha : {T(1), T(0.25)}) {
      EXPECT_TRUE(test::check_gemm<T>(g, alpha, true, seed++).exact) << g.text();
    }
    const test::GemmOutcome random = test::check_gemm<T>(g, T(1) / T(3), false, seed++);
    EXPECT_LE(random.relative_error, bound(g.k)) << g.text();
    if (ordered) {
      EXPECT_TRUE(random.ordered) << g.text();
    }
  }
}

TEST(Gemm, FloatIsExactOnIntegersInItsOrderToTheBitAndWithinTheSumsRounding) {
  // A k-term sum rounds at most k times, alpha's product and the sums of blocks a few more
  // (the double reference's own rounding is 2^-29 times smaller).
  expect_gemm_correct<float>([](int k) { return (k + 4) * 0x1p-24; }, true);
}

TEST(Gemm, DoubleIsExactOnIntegersAndWithinTheSumsRoundingOtherwise) {
  // The reference rounds as much as the product here: twice the bound.
  expect_gemm_correct<double>([](int k) { return 2 * (k + 4) * 0x1p-53; }, false);
}

}  // namespace
}  // namespace actlab
