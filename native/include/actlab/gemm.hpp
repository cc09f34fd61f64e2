#pragma once
// The one matrix product of the engine, which every product of the network goes through:
//   c = alpha op(a) op(b),   op(a): [m x k], op(b): [k x n], c: [m x n], all row-major,
// with op(x) = x or x^T as stored, so a is [m x k] or [k x m] and b is [k x n] or [n x k].
// The network's three products are its three shapes:
//   forward   z = h W^T          (none, transpose)   [B x fan_in] [fan_in x N]
//   backward  dL/dh = delta W    (none, none)        [B x N] [N x fan_in]
//             dW = (1/B) delta^T h  (transpose, none)  [N x B] [B x fan_in]
// c is overwritten (never read) and must not overlap a or b. Each entry is a float sum of k
// products; tests/native/gemm_test.cpp and tests/wasm/gemm.test.mjs hold both paths to the
// exact product on integers and to the sum's rounding bound otherwise.
//
// float goes to a register-blocked kernel that sums every entry in one fixed order
// (native/src/gemm_order.hpp), so that the native build and the WebAssembly module give the
// same bits: in WebAssembly an f32x4 kernel (gemm_wasm_simd.cpp; Eigen 3.4 has no WebAssembly
// SIMD backend, and its scalar kernel, auto-vectorized by -msimd128, ran at 19 GFLOP/s in node
// 20 where that kernel runs at 43, bench/README.md), natively the same blocking in vector
// extensions (gemm_native_simd.cpp; Eigen sums a matrix-vector product, such as the training
// lab's one-logit output layer, in another order). double goes to Eigen.
#include "actlab/matrix.hpp"

namespace actlab {

enum class Op { none, transpose };

template <class T>
void gemm(Op op_a, Op op_b, T alpha, const ConstMatrixView<T>& a, const ConstMatrixView<T>& b,
          MatrixView<T> c);

}  // namespace actlab
