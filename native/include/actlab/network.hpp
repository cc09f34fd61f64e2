#pragma once
// The deep network of the lecture, pinned so that the page and the CLI explain it the same way:
//   h_0 = X                         X: [B x D]
//   z_l = h_{l-1} W_l^T + b_l       W_l: [N_l x N_{l-1}], b_l: [1 x N_l], z_l: [B x N_l]
//   h_l = phi(z_l)                  for l = 1..L, every layer with the activation
// with N_0 = D and N_l = N but at a bottleneck layer K, N_K = M (Shape), and backward from
// the upstream gradient at the top, dL/dh_L = G [B x N_L]:
//   delta_l = dL/dz_l = dL/dh_l .* phi'(z_l)
//   dL/dh_{l-1} = delta_l W_l
//   dW_l = (1/B) delta_l^T h_{l-1}
// which is the gradient of L = (1/B) sum_b sum_j G_bj h_L,bj: delta_l and dL/dh_l are per
// example (the gradients of example b's term), dW_l their batch mean.
// Every buffer is allocated by the constructor, once for a shape; the passes allocate nothing.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "actlab/activation.hpp"
#include "actlab/matrix.hpp"

namespace actlab {

// The limits of the CLI flags and the page's controls (the memory budget narrows them further).
inline constexpr int kMaxDepth = 200;  // the SELU demonstration needs 100
inline constexpr int kMaxWidth = 2048;
inline constexpr int kMaxBatch = 4096;
inline constexpr int kMaxInputDim = 4096;

struct Shape {
  int depth = 1;      // L
  int width = 1;      // N
  int batch = 1;      // B
  int input_dim = 1;  // D
  // A bottleneck: layer K (1..L; 0: none) has M units, so that its fan-out and layer K + 1's
  // fan-in are M while every other fan is N (or D).
  int bottleneck_layer = 0;  // K
  int bottleneck_width = 0;  // M
  // N_l, the units of layer l (the rows of W_l).
  int fan_out(int l) const { return l == bottleneck_layer ? bottleneck_width : width; }
  int fan_in(int l) const { return l == 1 ? input_dim : fan_out(l - 1); }
  int widest() const { return bottleneck_layer > 0 ? std::max(width, bottleneck_width) : width; }
  bool operator==(const Shape& o) const {
    return depth == o.depth && width == o.width && batch == o.batch && input_dim == o.input_dim &&
           bottleneck_layer == o.bottleneck_layer && bottleneck_width == o.bottleneck_width;
  }
};

// Layer l as forward() leaves it.
template <class T>
struct ForwardLayer {
  int index;  // l, 1..L
  ConstMatrixView<T> z;
  ConstMatrixView<T> h;
  ConstMatrixView<T> dphi;  // phi'(z_l)
};

// Layer l as backward() leaves it; dL/dh_{l-1} is the grad_h of layer l - 1, seen next.
template <class T>
struct BackwardLayer {
  int index;
  ConstMatrixView<T> delta;   // dL/dz_l [B x N_l]
  ConstMatrixView<T> grad_h;  // dL/dh_l [B x N_l]
  ConstMatrixView<T> dW;      // dL/dW_l [N_l x N_{l-1}]
};

template <class T>
class Network {
 public:
  explicit Network(const Shape& shape);

  // The bytes the constructor allocates for `shape`, counted before allocating (in 64 bits:
  // a refused shape may need more than wasm32's size_t holds).
  static std::uint64_t bytes(const Shape& shape);
  // The bytes actually held (equal to bytes(shape()); a test checks it).
  std::uint64_t allocated_bytes() const;

  const Shape& shape() const { return shape_; }
  MatrixView<T> input() { return view(x_); }               // X = h_0 [B x D]
  MatrixView<T> weight(int l) { return view(w_[l - 1]); }  // W_l [N_l x N_{l-1}]
  MatrixView<T> bias(int l) { return view(b_[l - 1]); }    // b_l [1 x N_l]
  MatrixView<T> upstream() { return view(g_); }            // G = dL/dh_L [B x N_L]

  // h_l = phi(z_l) for l = 1..L, then observe(layer l) while its buffers are hot in cache.
  void forward(const Activation& act, const std::function<void(const ForwardLayer<T>&)>& observe);
  // delta_l, dL/dh_l, dW_l for l = L..1, observe(layer l) after each. Needs forward() first.
  // delta_l is written over phi'(z_l), which it no longer needs.
  void backward(const std::function<void(const BackwardLayer<T>&)>& observe);

  // After forward(): h_l, l = 0..L (h_0 = X). After backward(): delta_l, l = 1..L.
  ConstMatrixView<T> h(int l) const { return const_view(l == 0 ? x_ : h_[l - 1]); }
  ConstMatrixView<T> delta(int l) const { return const_view(dphi_[l - 1]); }

 private:
  struct Buffer {
    std::vector<T> data;
    int rows = 0, cols = 0;
  };
  static Buffer buffer(int rows, int cols);
  static MatrixView<T> view(Buffer& b) { return MatrixView<T>(b.data.data(), b.rows, b.cols); }
  static ConstMatrixView<T> const_view(const Buffer& b) {
    return ConstMatrixView<T>(b.data.data(), b.rows, b.cols);
  }
  // The first B x cols entries of a buffer sized for the widest layer.
  MatrixView<T> rows(Buffer& b, int cols) {
    return MatrixView<T>(b.data.data(), shape_.batch, cols);
  }
  // dW_l, in the scratch sized for the largest W_l.
  MatrixView<T> weight_gradient(int l) {
    return MatrixView<T>(dw_.data.data(), shape_.fan_out(l), shape_.fan_in(l));
  }

  Shape shape_;
  Buffer x_, g_, z_;                      // z_: for the widest layer
  std::vector<Buffer> w_, b_, h_, dphi_;  // per layer; dphi_ holds delta_l after backward()
  Buffer grad_h_[2];                      // dL/dh_l for l < L, alternating, for the widest
  Buffer dw_;
};

}  // namespace actlab
