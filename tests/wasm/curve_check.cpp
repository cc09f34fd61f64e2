// The two-lane double path of the WebAssembly build (f64x2) against its scalar path, on the
// cases of tests/native/curve_f64x2_reference.hpp, as a node program that
// tests/wasm/curve_f64x2.test.mjs runs: the module the page loads keeps no test code. Prints
// one JSON line: {simd, math: {cases, mismatches}, curves: {cases, mismatches}}, each mismatch
// a line of text naming the case, the argument and both results.
#include <cstdio>
#include <string>

#include "curve_f64x2_reference.hpp"

namespace {

void print(const char* name, const actlab::test::Comparison& c) {
  std::printf("\"%s\": {\"cases\": %zu, \"mismatches\": [", name, c.cases);
  for (std::size_t i = 0; i < c.mismatches.size(); ++i) {
    std::printf("%s\"%s\"", i ? ", " : "", c.mismatches[i].c_str());
  }
  std::printf("]}");
}

}  // namespace

int main() {
#if defined(ACTLAB_F64X2) && defined(__wasm_simd128__)
  std::printf("{\"simd\": true, ");
  print("math", actlab::test::compare_portable_math());
#else
  std::printf("{\"simd\": false, ");
  print("math", actlab::test::Comparison{});
#endif
  std::printf(", ");
  print("curves", actlab::test::compare_curves());
  std::printf("}\n");
  return 0;
}
