// c = alpha op(a) op(b) in float with WebAssembly SIMD, blocked as in BLIS (Van Zee & van de
// Geijn 2015, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality"): op(b) is
// packed in blocks of kKc x kNc, op(a) in blocks of kMc x kKc, each into micropanels whose
// elements the micro-kernel reads in order; the micro-kernel keeps a kMr x kNr tile of c in
// registers through a whole kKc-deep pass. Packing pads the last micropanels with zeros, so the
// micro-kernel never sees an edge; edge tiles of c are written through a small buffer.
// Each entry of c is the float sum of its k products in order p = 0, 1, ..., scaled by alpha
// once per block of kKc (exactly when alpha is a power of two, as 1/B is for the usual batches):
// the order of gemm_order.hpp, which the native kernel (gemm_native_simd.cpp) keeps too.
#if defined(__wasm_simd128__)

#include "gemm_wasm_simd.hpp"

#include <wasm_simd128.h>

#include <algorithm>
#include <cstring>

#include "gemm_order.hpp"

namespace actlab::wasm_simd {

namespace {

// The register tile: kMr rows of kNr = 2 f32x4 columns, 8 accumulators, plus 2 vectors of b
// and one splat of a, within the 16 vector registers V8 uses on x86-64. Measured in node 20
// (bench/README.md): 4 x 8 about 43 GFLOP/s; 5, 6 or 8 rows about 27 (V8 spills the
// accumulators); unrolling the p loop by 2 or 4 also about 28.
constexpr int kMr = 4;
constexpr int kNr = 8;
// A micropanel of a (kKc kMr floats, 4 KiB) and one of b (8 KiB) stay in a 32 KiB L1; the
// packed block of a (128 KiB) in L2; the block of b (512 KiB) in L2 or L3.
constexpr int kKc = kGemmBlockDepth;
constexpr int kMc = 128;
constexpr int kNc = 512;
static_assert(kMc % kMr == 0 && kNc % kNr == 0, "whole micropanels in the packing buffers");

// The module is single-threaded: one pair of packing buffers for every call.
alignas(16) float packed_a[kMc * kKc];
alignas(16) float packed_b[kKc * kNc];

// (r0, r1, r2, r3) -> their columns: r_k becomes (r0[k], r1[k], r2[k], r3[k]).
void transpose_4x4(v128_t& r0, v128_t& r1, v128_t& r2, v128_t& r3) {
  const v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5);
  const v128_t t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
  const v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
  const v128_t t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
  r0 = wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5);
  r1 = wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7);
  r2 = wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5);
  r3 = wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7);
}

// out[p * width + k] = row_k[p] for p < kc, k < 4: four rows read 4 x 4 at a time and
// transposed into place.
void interleave_4_rows(const float* row_0, const float* row_1, const float* row_2,
                       const float* row_3, int kc, float* out, int width) {
  int p = 0;
  for (; p + 4 <= kc; p += 4) {
    v128_t c0 = wasm_v128_load(row_0 + p), c1 = wasm_v128_load(row_1 + p);
    v128_t c2 = wasm_v128_load(row_2 + p), c3 = wasm_v128_load(row_3 + p);
    transpose_4x4(c0, c1, c2, c3);
    wasm_v128_store(out + (p + 0) * width, c0);
    wasm_v128_store(out + (p + 1) * width, c1);
    wasm_v128_store(out + (p + 2) * width, c2);
    wasm_v128_store(out + (p + 3) * width, c3);
  }
  for (; p < kc; ++p) {
    out[p * width + 0] = row_0[p], out[p * width + 1] = row_1[p];
    out[p * width + 2] = row_2[p], out[p * width + 3] = row_3[p];
  }
}

// Rows i0..i0+mc of op(a), columns p0..p0+kc, as micropanels of kMr rows: micropanel r holds,
// for p = 0..kc-1, the kMr values op(a)(i0 + r kMr + ii, p0 + p); rows past mc are zero.
void pack_a(bool transpose, const float* a, int lda, int i0, int mc, int p0, int kc, float* out) {
  for (int r = 0; r < mc; r += kMr, out += kMr * kc) {
    const int rows = std::min(kMr, mc - r);
    if (transpose) {  // op(a)(i, p) = a(p, i): the kMr values of each p are adjacent
      const float* column = a + p0 * lda + i0 + r;
      if (rows == kMr) {
        for (int p = 0; p < kc; ++p)
          wasm_v128_store(out + p * kMr, wasm_v128_load(column + p * lda));
      } else {
        for (int p = 0; p < kc; ++p) {
          for (int ii = 0; ii < kMr; ++ii)
            out[p * kMr + ii] = ii < rows ? column[p * lda + ii] : 0.0f;
        }
      }
    } else if (rows == kMr) {
      const float* row = a + (i0 + r) * lda + p0;
      interleave_4_rows(row, row + lda, row + 2 * lda, row + 3 * lda, kc, out, kMr);
    } else {
      std::memset(out, 0, sizeof(float) * kMr * kc);
      for (int ii = 0; ii < rows; ++ii) {
        const float* row = a + (i0 + r + ii) * lda + p0;
        for (int p = 0; p < kc; ++p) out[p * kMr + ii] = row[p];
      }
    }
  }
}

// Rows p0..p0+kc of op(b), columns j0..j0+nc, as micropanels of kNr columns: micropanel s
// holds, for p = 0..kc-1, the kNr values op(b)(p0 + p, j0 + s kNr + jj); columns past nc are 0.
void pack_b(bool transpose, const float* b, int ldb, int p0, int kc, int j0, int nc, float* out) {
  for (int s = 0; s < nc; s += kNr, out += kNr * kc) {
    const int cols = std::min(kNr, nc - s);
    if (cols < kNr) {
      std::memset(out, 0, sizeof(float) * kNr * kc);
      for (int jj = 0; jj < cols; ++jj) {
        for (int p = 0; p < kc; ++p) {
          out[p * kNr + jj] =
              transpose ? b[(j0 + s + jj) * ldb + p0 + p] : b[(p0 + p) * ldb + j0 + s + jj];
        }
      }
    } else if (transpose) {  // op(b)(p, j) = b(j, p): columns j are rows of b
      const float* row = b + (j0 + s) * ldb + p0;
      interleave_4_rows(row, row + ldb, row + 2 * ldb, row + 3 * ldb, kc, out, kNr);
      row += 4 * ldb;
      interleave_4_rows(row, row + ldb, row + 2 * ldb, row + 3 * ldb, kc, out + 4, kNr);
    } else {
      const float* row = b + p0 * ldb + j0 + s;
      for (int p = 0; p < kc; ++p) {
        wasm_v128_store(out + p * kNr, wasm_v128_load(row + p * ldb));
        wasm_v128_store(out + p * kNr + 4, wasm_v128_load(row + p * ldb + 4));
      }
    }
  }
}

// The kMr x kNr tile c = alpha sum_p a_p b_p^T (c += ... when accumulate), a_p the kMr values
// of micropanel a at step p and b_p the kNr of micropanel b.
void micro_kernel(int kc, const float* a, const float* b, float alpha, bool accumulate, float* c,
                  int ldc) {
  v128_t acc[kMr][2];
  for (int i = 0; i < kMr; ++i) acc[i][0] = acc[i][1] = wasm_f32x4_splat(0.0f);
  for (int p = 0; p < kc; ++p, a += kMr, b += kNr) {
    const v128_t b0 = wasm_v128_load(b);
    const v128_t b1 = wasm_v128_load(b + 4);
    for (int i = 0; i < kMr; ++i) {
      const v128_t ai = wasm_v128_load32_splat(a + i);
      acc[i][0] = wasm_f32x4_add(acc[i][0], wasm_f32x4_mul(ai, b0));
      acc[i][1] = wasm_f32x4_add(acc[i][1], wasm_f32x4_mul(ai, b1));
    }
  }
  const v128_t scale = wasm_f32x4_splat(alpha);
  for (int i = 0; i < kMr; ++i) {
    float* row = c + i * ldc;
    for (int h = 0; h < 2; ++h) {
      v128_t x = wasm_f32x4_mul(scale, acc[i][h]);
      if (accumulate) x = wasm_f32x4_add(wasm_v128_load(row + 4 * h), x);
      wasm_v128_store(row + 4 * h, x);
    }
  }
}

// A tile cut by the edge of c: computed whole into a buffer, its rows x cols corner kept.
void edge_tile(int kc, const float* a, const float* b, float alpha, bool accumulate, float* c,
               int ldc, int rows, int cols) {
  alignas(16) float tile[kMr * kNr];
  micro_kernel(kc, a, b, alpha, false, tile, kNr);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      c[i * ldc + j] = accumulate ? c[i * ldc + j] + tile[i * kNr + j] : tile[i * kNr + j];
    }
  }
}

}  // namespace

void gemm(bool transpose_a, bool transpose_b, int m, int n, int k, float alpha, const float* a,
          int lda, const float* b, int ldb, float* c, int ldc) {
  if (k == 0) {
    for (int i = 0; i < m; ++i) std::fill(c + i * ldc, c + i * ldc + n, 0.0f);
    return;
  }
  for (int j0 = 0; j0 < n; j0 += kNc) {
    const int nc = std::min(kNc, n - j0);
    for (int p0 = 0; p0 < k; p0 += kKc) {
      const int kc = std::min(kKc, k - p0);
      const bool accumulate = p0 > 0;
      pack_b(transpose_b, b, ldb, p0, kc, j0, nc, packed_b);
      for (int i0 = 0; i0 < m; i0 += kMc) {
        const int mc = std::min(kMc, m - i0);
        pack_a(transpose_a, a, lda, i0, mc, p0, kc, packed_a);
        // The b micropanel stays in L1 while the a micropanels stream past it.
        for (int jr = 0; jr < nc; jr += kNr) {
          const float* b_panel = packed_b + jr * kc;
          const int cols = std::min(kNr, nc - jr);
          for (int ir = 0; ir < mc; ir += kMr) {
            const float* a_panel = packed_a + ir * kc;
            float* c_tile = c + (i0 + ir) * ldc + j0 + jr;
            const int rows = std::min(kMr, mc - ir);
            if (rows == kMr && cols == kNr) {
              micro_kernel(kc, a_panel, b_panel, alpha, accumulate, c_tile, ldc);
            } else {
              edge_tile(kc, a_panel, b_panel, alpha, accumulate, c_tile, ldc, rows, cols);
            }
          }
        }
      }
    }
  }
}

}  // namespace actlab::wasm_simd

#endif  // __wasm_simd128__
