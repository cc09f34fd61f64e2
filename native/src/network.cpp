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

// The entries of W_l [N_l x N_{l-1}].
std::uint64_t weight_entries(const Shape& s, int l) {
  return std::uint64_t(s.fan_out(l)) * std::uint64_t(s.fan_in(l));
}

// The entries of the largest W_l.
std::uint64_t largest_weight(const Shape& s) {
  std::uint64_t most = 0;
  for (int l = 1; l <= s.depth; ++l) most = std::max(most, weight_entries(s, l));
  return most;
}

}  // namespace

template <class T>
typename Network<T>::Buffer Network<T>::buffer(int rows, int cols) {
  return {std::vector<T>(elements(rows, cols)), rows, cols};
}

template <class T>
std::uint64_t Network<T>::bytes(const Shape& s) {
  const std::uint64_t B = s.batch, D = s.input_dim, widest = s.widest();
  std::uint64_t weights = 0, units = 0;  // all W_l; N_1 + ... + N_L
  for (int l = 1; l <= s.depth; ++l) weights += weight_entries(s, l), units += s.fan_out(l);
  const std::uint64_t count = B * D                     // X
                              + B * s.fan_out(s.depth)  // G
                              + B * widest              // z
                              + weights                 // W_l
                              + units                   // b_l
                              + 2 * B * units           // h_l, phi'(z_l) / delta_l
                              + 2 * B * widest          // dL/dh_l, alternating
                              + largest_weight(s);      // dW_l
  return count * sizeof(T);
}

template <class T>
Network<T>::Network(const Shape& shape)
    : shape_(shape),
      x_(buffer(shape.batch, shape.input_dim)),
      g_(buffer(shape.batch, shape.fan_out(shape.depth))),
      z_(buffer(shape.batch, shape.widest())),
      grad_h_{buffer(shape.batch, shape.widest()), buffer(shape.batch, shape.widest())},
      dw_(buffer(1, static_cast<int>(largest_weight(shape)))) {
  for (int l = 1; l <= shape.depth; ++l) {
    w_.push_back(buffer(shape.fan_out(l), shape.fan_in(l)));
    b_.push_back(buffer(1, shape.fan_out(l)));
    h_.push_back(buffer(shape.batch, shape.fan_out(l)));
    dphi_.push_back(buffer(shape.batch, shape.fan_out(l)));
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
  for (int l = 1; l <= shape_.depth; ++l) {
    // z_l = h_{l-1} W_l^T + b_l: [B x N_{l-1}] [N_{l-1} x N_l] + [1 x N_l] on every row.
    MatrixView<T> z = rows(z_, shape_.fan_out(l));
    gemm<T>(Op::none, Op::transpose, T(1), h(l - 1), const_view(w_[l - 1]), z);
    add_to_rows(b_[l - 1].data.data(), z);
    Buffer& h_l = h_[l - 1];
    Buffer& dphi_l = dphi_[l - 1];
    evaluate(act, z.data(), h_l.data.data(), dphi_l.data.data(), h_l.data.size());
    observe(
        {l, ConstMatrixView<T>(z.data(), z.rows(), z.cols()), const_view(h_l), const_view(dphi_l)});
  }
}

template <class T>
void Network<T>::backward(const std::function<void(const BackwardLayer<T>&)>& observe) {
  const T inv_batch = T(1) / T(shape_.batch);
  for (int l = shape_.depth; l >= 1; --l) {
    const MatrixView<T> grad_h =
        l == shape_.depth ? view(g_) : rows(grad_h_[l % 2], shape_.fan_out(l));
    // delta_l = dL/dh_l .* phi'(z_l), over phi'(z_l) in place.
    multiply(grad_h.data(), dphi_[l - 1].data.data(), dphi_[l - 1].data.size());
    const ConstMatrixView<T> delta = const_view(dphi_[l - 1]);
    // dW_l = (1/B) delta_l^T h_{l-1}: [N_l x B] [B x N_{l-1}].
    MatrixView<T> dw = weight_gradient(l);
    gemm<T>(Op::transpose, Op::none, inv_batch, delta, h(l - 1), dw);
    // dL/dh_{l-1} = delta_l W_l: [B x N_l] [N_l x N_{l-1}]; dL/dX (l = 1) is not needed.
    if (l > 1) {
      gemm<T>(Op::none, Op::none, T(1), delta, const_view(w_[l - 1]),
              rows(grad_h_[(l - 1) % 2], shape_.fan_in(l)));
    }
    observe({l, delta, ConstMatrixView<T>(grad_h.data(), grad_h.rows(), grad_h.cols()),
             ConstMatrixView<T>(dw.data(), dw.rows(), dw.cols())});
  }
}

template class Network<float>;
template class Network<double>;

}  // namespace actlab
