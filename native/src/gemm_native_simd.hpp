#pragma once
// The float GEMM of gemm.hpp in the native build, on raw row-major buffers (element (i, j) of a
// matrix stored with leading dimension ld is at data[i * ld + j]), entry by entry in the order
// of the WebAssembly kernel (gemm_wasm_simd.cpp), so that both builds give the same bits.
// Compiled only outside WebAssembly.

namespace actlab::native_simd {

// c [m x n] = alpha op(a) op(b); op(a) [m x k] is a^T when transpose_a, op(b) [k x n] likewise.
void gemm(bool transpose_a, bool transpose_b, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float* c, int ldc);

}  // namespace actlab::native_simd
