#include "actlab/gemm.hpp"

#include <type_traits>

#if defined(__wasm_simd128__)
#include "gemm_wasm_simd.hpp"
#elif !defined(__wasm__)
#include "gemm_native_simd.hpp"
#endif

namespace actlab {

namespace {

template <class T>
void eigen_gemm(Op op_a, Op op_b, T alpha, const ConstMatrixView<T>& a, const ConstMatrixView<T>& b,
                MatrixView<T> c) {
  if (op_a == Op::none && op_b == Op::transpose) {
    c.noalias() = alpha * a * b.transpose();
  } else if (op_a == Op::none && op_b == Op::none) {
    c.noalias() = alpha * a * b;
  } else if (op_a == Op::transpose && op_b == Op::none) {
    c.noalias() = alpha * a.transpose() * b;
  } else {
    c.noalias() = alpha * a.transpose() * b.transpose();
  }
}

}  // namespace

template <class T>
void gemm(Op op_a, Op op_b, T alpha, const ConstMatrixView<T>& a, const ConstMatrixView<T>& b,
          MatrixView<T> c) {
  // float in the order of gemm_order.hpp on both targets (see gemm.hpp).
#if defined(__wasm_simd128__) || !defined(__wasm__)
  if constexpr (std::is_same_v<T, float>) {
    const auto k = static_cast<int>(op_a == Op::none ? a.cols() : a.rows());
#if defined(__wasm_simd128__)
    namespace kernel = wasm_simd;
#else
    namespace kernel = native_simd;
#endif
    kernel::gemm(op_a == Op::transpose, op_b == Op::transpose, static_cast<int>(c.rows()),
                 static_cast<int>(c.cols()), k, alpha, a.data(), static_cast<int>(a.cols()),
                 b.data(), static_cast<int>(b.cols()), c.data(), static_cast<int>(c.cols()));
  } else {
    eigen_gemm(op_a, op_b, alpha, a, b, c);
  }
#else
  eigen_gemm(op_a, op_b, alpha, a, b, c);
#endif
}

template void gemm<float>(Op, Op, float, const ConstMatrixView<float>&,
                          const ConstMatrixView<float>&, MatrixView<float>);
template void gemm<double>(Op, Op, double, const ConstMatrixView<double>&,
                           const ConstMatrixView<double>&, MatrixView<double>);

}  // namespace actlab
