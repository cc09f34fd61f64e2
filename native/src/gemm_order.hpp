#pragma once
// What fixes the bits of the engine's float GEMM, shared by its two kernels (gemm_wasm_simd.cpp,
// gemm_native_simd.cpp): each entry of c = alpha op(a) op(b) is the float sum of its products
// p = 0, 1, ..., k - 1 in order within blocks of kGemmBlockDepth, from +0; the first block's sum
// times alpha is the entry, each further block's times alpha is added to it. No fused
// multiply-add (-ffp-contract=off): both builds give the same bits for every input.

namespace actlab {

inline constexpr int kGemmBlockDepth = 256;

}  // namespace actlab
