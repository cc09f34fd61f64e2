// c = alpha op(a) op(b) in float natively, in the order of gemm_order.hpp, blocked as the
// WebAssembly kernel is (gemm_wasm_simd.cpp, after BLIS: Van Zee & van de Geijn 2015): op(b)
// packed in blocks of kKc x kNc, op(a) in blocks of kMc x kKc, each into zero-padded
// micropanels; a kMr x kNr tile of c in registers through a whole kKc-deep pass. The vectors are
// GCC/Clang vector extensions, kLanes floats wide (SSE's 4, or AVX's 8 when the build targets
// it): every lane is an entry of its own, so the width changes the speed, never the bits.
#if !defined(__wasm__)

#include "gemm_native_simd.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "gemm_order.hpp"

namespace actlab::native_simd {

namespace {

#if defined(__AVX__)
constexpr int kLanes = 8;
#else
constexpr int kLanes = 4;
#endif
using Vec = float __attribute__((vector_size(sizeof(float) * kLanes)));

// 8 accumulators, 2 vectors of b and a broadcast of a, within the 16 vector registers of
// x86-64 (as the WebAssembly kernel's 4 x 8).
constexpr int kMr = 4;
constexpr int kNr = 2 * kLanes;
constexpr int kKc = kGemmBlockDepth;
constexpr int kMc = 128;
constexpr int kNc = 512;
static_assert(kMc % kMr == 0 && kNc % kNr == 0, "whole micropanels in the packing buffers");

// One pair of packing buffers per thread (128 KiB and 512 KiB).
alignas(32) thread_local float packed_a[kMc * kKc];
alignas(32) thread_local float packed_b[kKc * kNc];

Vec load(const float* p) {
  Vec v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void store(float* p, Vec v) {
  std::memcpy(p, &v, sizeof v);
}

// Rows i0..i0+mc of op(a), columns p0..p0+kc, as micropanels of kMr rows: micropanel r holds,
// for p = 0..kc-1, the kMr values op(a)(i0 + r kMr + ii, p0 + p); rows past mc are zero. Read
// along a's rows, kMr of them at a time when a is not transposed.
void pack_a(bool transpose, const float* a, int lda, int i0, int mc, int p0, int kc, float* out) {
  for (int r = 0; r < mc; r += kMr, out += kMr * kc) {
    const int rows = std::min(kMr, mc - r);
    if (transpose) {  // op(a)(i, p) = a(p, i): the kMr values of each p are adjacent
      for (int p = 0; p < kc; ++p) {
        const float* column = a + (p0 + p) * lda + i0 + r;
        for (int ii = 0; ii < kMr; ++ii) out[p * kMr + ii] = ii < rows ? column[ii] : 0.0f;
      }
    } else {
      const float* row[kMr];
      for (int ii = 0; ii < kMr; ++ii) row[ii] = a + (i0 + r + std::min(ii, rows - 1)) * lda + p0;
      for (int p = 0; p < kc; ++p) {
        for (int ii = 0; ii < kMr; ++ii) out[p * kMr + ii] = ii < rows ? row[ii][p] : 0.0f;
      }
    }
  }
}

// Rows p0..p0+kc of op(b), columns j0..j0+nc, as micropanels of kNr columns: micropanel s
// holds, for p = 0..kc-1, the kNr values op(b)(p0 + p, j0 + s kNr + jj); columns past nc are 0.
void pack_b(bool transpose, const float* b, int ldb, int p0, int kc, int j0, int nc, float* out) {
  for (int s = 0; s < nc; s += kNr, out += kNr * kc) {
    const int cols = std::min(kNr, nc - s);
    if (transpose || cols < kNr) {
      for (int jj = 0; jj < kNr; ++jj) {
        const int j = j0 + s + jj;
        for (int p = 0; p < kc; ++p) {
          out[p * kNr + jj] = jj >= cols  ? 0.0f
                              : transpose ? b[j * ldb + p0 + p]
                                          : b[(p0 + p) * ldb + j];
        }
      }
    } else {
      for (int p = 0; p < kc; ++p)
        std::memcpy(out + p * kNr, b + (p0 + p) * ldb + j0 + s, sizeof(float) * kNr);
    }
  }
}

// Rows 0..rows-1 of the kMr x kNr tile c = alpha sum_p a_p b_p^T (c += ... when accumulate),
// a_p the kMr values of micropanel a at step p and b_p the kNr of micropanel b; vectors along
// the tile's rows.
template <int rows>
void row_kernel(int kc, const float* a, const float* b, float alpha, bool accumulate, float* c,
                int ldc) {
  Vec acc[rows][2] = {};
  for (int p = 0; p < kc; ++p, a += kMr, b += kNr) {
    const Vec b0 = load(b), b1 = load(b + kLanes);
    for (int i = 0; i < rows; ++i) {
      acc[i][0] = acc[i][0] + b0 * a[i];
      acc[i][1] = acc[i][1] + b1 * a[i];
    }
  }
  for (int i = 0; i < rows; ++i) {
    float* row = c + i * ldc;
    for (int h = 0; h < 2; ++h) {
      Vec x = acc[i][h] * alpha;
      if (accumulate) x = load(row + kLanes * h) + x;
      store(row + kLanes * h, x);
    }
  }
}

// Columns 0..cols-1 of the same tile, times alpha, into tile [kMr x kNr], with vectors along
// its columns (a micropanel's kMr = 4 values of a): for one or a few columns (the logits of the
// training lab's output layer), where most of a row vector would be padding.
template <int cols>
void column_kernel(int kc, const float* a, const float* b, float alpha, float* tile) {
  using Vec4 = float __attribute__((vector_size(sizeof(float) * kMr)));
  Vec4 acc[cols] = {};
  for (int p = 0; p < kc; ++p, a += kMr, b += kNr) {
    Vec4 ap;
    std::memcpy(&ap, a, sizeof ap);
    for (int j = 0; j < cols; ++j) acc[j] = acc[j] + ap * b[j];
  }
  for (int j = 0; j < cols; ++j) {
    const Vec4 x = acc[j] * alpha;
    for (int i = 0; i < kMr; ++i) tile[i * kNr + j] = x[i];
  }
}

// A tile cut by the edge of c: computed into a buffer by whichever kernel does less padded
// work (2 rows-many row vectors or cols column vectors per step), its rows x cols corner kept.
void edge_tile(int kc, const float* a, const float* b, float alpha, bool accumulate, float* c,
               int ldc, int rows, int cols) {
  alignas(32) float tile[kMr * kNr];
  using Kernel = void (*)(int, const float*, const float*, float, float*);
  static constexpr Kernel columns[] = {column_kernel<1>, column_kernel<2>, column_kernel<3>,
                                       column_kernel<4>, column_kernel<5>, column_kernel<6>,
                                       column_kernel<7>};
  static_assert(std::size(columns) == 2 * kMr - 1, "a column kernel for every cols < 2 rows");
  if (cols < 2 * rows) {
    columns[cols - 1](kc, a, b, alpha, tile);
  } else if (rows == 1) {
    row_kernel<1>(kc, a, b, alpha, false, tile, kNr);
  } else if (rows == 2) {
    row_kernel<2>(kc, a, b, alpha, false, tile, kNr);
  } else if (rows == 3) {
    row_kernel<3>(kc, a, b, alpha, false, tile, kNr);
  } else {
    row_kernel<kMr>(kc, a, b, alpha, false, tile, kNr);
  }
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
        for (int jr = 0; jr < nc; jr += kNr) {
          const float* b_panel = packed_b + jr * kc;
          const int cols = std::min(kNr, nc - jr);
          for (int ir = 0; ir < mc; ir += kMr) {
            const float* a_panel = packed_a + ir * kc;
            float* c_tile = c + (i0 + ir) * ldc + j0 + jr;
            const int rows = std::min(kMr, mc - ir);
            if (rows == kMr && cols == kNr) {
              row_kernel<kMr>(kc, a_panel, b_panel, alpha, accumulate, c_tile, ldc);
            } else {
              edge_tile(kc, a_panel, b_panel, alpha, accumulate, c_tile, ldc, rows, cols);
            }
          }
        }
      }
    }
  }
}

}  // namespace actlab::native_simd

#endif  // !__wasm__
