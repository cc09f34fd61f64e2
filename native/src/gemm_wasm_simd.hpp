#pragma once
// The float GEMM of gemm.hpp with WebAssembly SIMD (f32x4), on raw row-major buffers; element
// (i, j) of a matrix stored with leading dimension ld is at data[i * ld + j]. Compiled only
// under __wasm_simd128__.

namespace actlab::wasm_simd {

// c [m x n] = alpha op(a) op(b); op(a) [m x k] is a^T when transpose_a, op(b) [k x n] likewise.
void gemm(bool transpose_a, bool transpose_b, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float* c, int ldc);

}  // namespace actlab::wasm_simd
