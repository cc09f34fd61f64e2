#include "actlab/network.hpp"

#include <algorithm>

#include "actlab/gemm.hpp"

namespace actlab {

namespace {

std::size_t elements(std::size_t rows, std::size_t cols) {
  return rows * cols;
}

// z.row(b) += bias for every row: a plain loop, which vectorizes in WebAssembly too (Eigen's
// broadcast has no wasm SIMD path there).
template <class T>
void add_to_rows(const T* bias, MatrixView<T> z) {
  const Eigen::Index rows = z.rows(), cols = z.cols();
  for (Eigen::Index b = 0; b < rows; ++b) {
    T* row = z.data() + b * cols;
    for (Eigen::Index j = 0; j < cols; ++j) row[j] += bias[j];
  }
}

// y[i] *= x[i], likewise.
template <class T>
void multiply(const T* x, T* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] *= x[i];
}

}  // namespace

template <class T>
typename Network<T>::Buffer Network<T>::buffer(int rows, int cols) {
  return {std::vector<T>(elements(rows, cols)), rows, cols};
}

template <class T>
std::uint64_t Network<T>::bytes(const Shape& s) {
  const std::uint64_t L = s.depth, N = s.width, B = s.batch, D = s.input_dim;
  const std::uint64_t count = B * D                  // X
                              + 2 * B * N            // G, z
                              + N * D                // W_1
                              + (L - 1) * N * N      // W_2..W_L
                              + L * N                // b_l
                              + 2 * L * B * N        // h_l, phi'(z_l) / delta_l
                              + 2 * B * N            // dL/dh_l, alternating
                              + N * std::max(D, N);  // dW_l
  return count * sizeof(T);
}

template <class T>
Network<T>::Network(const Shape& shape)
    : shape_(shape),
      x_(buffer(shape.batch, shape.input_dim)),
      g_(buffer(shape.batch, shape.width)),
      z_(buffer(shape.batch, shape.width)),
      grad_h_{buffer(shape.batch, shape.width), buffer(shape.batch, shape.width)},
      dw_(buffer(shape.width, shape.input_dim > shape.width ? shape.input_dim : shape.width)) {
  for (int l = 1; l <= shape.depth; ++l) {
    w_.push_back(buffer(shape.width, shape.fan_in(l)));
    b_.push_back(buffer(1, shape.width));
    h_.push_back(buffer(shape.batch, shape.width));
    dphi_.push_back(buffer(shape.batch, shape.width));
  }
}

template <class T>
std::uint64_t Network<T>::allocated_bytes() const {
  std::uint64_t count = x_.data.size() + g_.data.size() + z_.data.size() + dw_.data.size() +
                        grad_h_[0].data.size() + grad_h_[1].data.size();
  for (const auto* layers : {&w_, &b_, &h_, &dphi_}) {
    for (const Buffer& b : *layers) count += b.data.size();
  }
  return count * sizeof(T);
}

template <class T>
void Network<T>::forward(const Activation& act,
                         const std::function<void(const ForwardLayer<T>&)>& observe) {
  MatrixView<T> z = view(z_);
  for (int l = 1; l <= shape_.depth; ++l) {
    // z_l = h_{l-1} W_l^T + b_l: [B x fan_in] [fan_in x N] + [1 x N] on every row.
    gemm<T>(Op::none, Op::transpose, T(1), h(l - 1), const_view(w_[l - 1]), z);
    add_to_rows(b_[l - 1].data.data(), z);
    Buffer& h_l = h_[l - 1];
    Buffer& dphi_l = dphi_[l - 1];
    evaluate(act, z.data(), h_l.data.data(), dphi_l.data.data(), h_l.data.size());
    observe({l, const_view(z_), const_view(h_l), const_view(dphi_l)});
  }
}

template <class T>
void Network<T>::backward(const std::function<void(const BackwardLayer<T>&)>& observe) {
  const T inv_batch = T(1) / T(shape_.batch);
  for (int l = shape_.depth; l >= 1; --l) {
    const Buffer& grad_h = l == shape_.depth ? g_ : grad_h_[l % 2];
    // delta_l = dL/dh_l .* phi'(z_l), over phi'(z_l) in place.
    multiply(grad_h.data.data(), dphi_[l - 1].data.data(), grad_h.data.size());
    const ConstMatrixView<T> delta = const_view(dphi_[l - 1]);
    // dW_l = (1/B) delta_l^T h_{l-1}: [N x B] [B x fan_in].
    MatrixView<T> dw = weight_gradient(l);
    gemm<T>(Op::transpose, Op::none, inv_batch, delta, h(l - 1), dw);
    // dL/dh_{l-1} = delta_l W_l: [B x N] [N x fan_in]; dL/dX (l = 1) is not needed.
    if (l > 1) {
      gemm<T>(Op::none, Op::none, T(1), delta, const_view(w_[l - 1]), view(grad_h_[(l - 1) % 2]));
    }
    observe({l, delta, const_view(grad_h), ConstMatrixView<T>(dw.data(), dw.rows(), dw.cols())});
  }
}

template class Network<float>;
template class Network<double>;

}  // namespace actlab
