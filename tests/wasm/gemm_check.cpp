// The float GEMM of the WebAssembly build (the f32x4 kernel of native/src/gemm_wasm_simd.cpp)
// on the cases of tests/native/gemm_reference.hpp, as a node program that tests/wasm/
// gemm.test.mjs runs: the module the page loads keeps no test code. Prints one JSON line:
// {simd, cases, inexact: [case text of every integer product not exact], unordered: [case text
// of every random-data product not in the order of gemm_order.hpp to the bit], worst: {case,
// error, bound}} where error/bound is the largest ratio over the random-data products.
#include <cstdio>
#include <string>
#include <vector>

#include "gemm_reference.hpp"

int main() {
  using actlab::test::check_gemm;
#if defined(__wasm_simd128__)
  const bool simd = true;
#else
  const bool simd = false;
#endif
  std::vector<std::string> inexact, unordered;
  std::string worst_case;
  double worst_error = 0, worst_bound = 1;
  std::uint64_t seed = 1;
  const std::vector<actlab::test::GemmCase> cases = actlab::test::gemm_cases();
  for (const actlab::test::GemmCase& g : cases) {
    for (float alpha : {1.0f, 0.25f}) {
      if (!check_gemm<float>(g, alpha, true, seed++).exact) inexact.push_back(g.text());
    }
    const actlab::test::GemmOutcome random = check_gemm<float>(g, 1.0f / 3.0f, false, seed++);
    if (!random.ordered) unordered.push_back(g.text());
    const double error = random.relative_error;
    const double bound = (g.k + 4) * 0x1p-24;  // as in tests/native/gemm_test.cpp
    if (error / bound >= worst_error / worst_bound) {
      worst_case = g.text(), worst_error = error, worst_bound = bound;
    }
  }
  std::printf("{\"simd\": %s, \"cases\": %zu, \"inexact\": [", simd ? "true" : "false",
              cases.size());
  for (std::size_t i = 0; i < inexact.size(); ++i) {
    std::printf("%s\"%s\"", i ? ", " : "", inexact[i].c_str());
  }
  std::printf("], \"unordered\": [");
  for (std::size_t i = 0; i < unordered.size(); ++i) {
    std::printf("%s\"%s\"", i ? ", " : "", unordered[i].c_str());
  }
  std::printf("], \"worst\": {\"case\": \"%s\", \"error\": %.17g, \"bound\": %.17g}}\n",
              worst_case.c_str(), worst_error, worst_bound);
  return 0;
}
