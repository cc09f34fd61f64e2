#include "actlab/classifier.hpp"

#include <algorithm>
#include <cmath>

#include "actlab/activation_math.hpp"
#include "actlab/gemm.hpp"

namespace actlab {

namespace {

template <class T>
MatrixView<T> view(std::vector<T>& v, int rows, int cols) {
  return MatrixView<T>(v.data(), rows, cols);
}

template <class T>
ConstMatrixView<T> view(const T* p, int rows, int cols) {
  return ConstMatrixView<T>(p, rows, cols);
}

// z.row(b) += bias, as Network's plain loop.
template <class T>
void add_to_rows(const T* bias, T* z, int rows, int cols) {
  for (int b = 0; b < rows; ++b) {
    T* row = z + static_cast<std::size_t>(b) * cols;
    for (int j = 0; j < cols; ++j) row[j] += bias[j];
  }
}

// db = scale sum_b delta.row(b), summed in row order.
template <class T>
void column_sums(const T* delta, int rows, int cols, T scale, T* db) {
  std::fill(db, db + cols, T(0));
  for (int b = 0; b < rows; ++b) {
    const T* row = delta + static_cast<std::size_t>(b) * cols;
    for (int j = 0; j < cols; ++j) db[j] += row[j];
  }
  for (int j = 0; j < cols; ++j) db[j] *= scale;
}

// The softmax of z[0..k) into p, from the largest logit down (no overflow).
template <class T>
void softmax(const T* z, int k, T* p) {
  const T m = *std::max_element(z, z + k);
  T sum = 0;
  for (int j = 0; j < k; ++j) sum += p[j] = phi::fn::exp(z[j] - m);
  for (int j = 0; j < k; ++j) p[j] /= sum;
}

}  // namespace

template <class T>
Classifier<T>::Classifier(const ClassifierShape& shape, const Activation& act)
    : shape_(shape), act_(act) {
  const std::size_t R = shape.capacity;
  for (int l = 1; l <= shape.depth + 1; ++l) {
    const std::size_t in = shape.fan_in(l), out = shape.fan_out(l);
    w_.emplace_back(out * in);
    dw_.emplace_back(out * in);
    b_.emplace_back(out);
    db_.emplace_back(out);
    h_.emplace_back(R * out);
    if (l <= shape.depth) dphi_.emplace_back(R * out);
  }
  z_.resize(R * shape.width);
  grad_h_[0].resize(R * shape.width);
  grad_h_[1].resize(R * shape.width);
  delta_out_.resize(R * shape.outputs());
}

template <class T>
void Classifier<T>::forward(const T* x, int rows) {
  rows_ = rows;
  x_ = x;
  const int L = shape_.depth;
  const T* input = x;
  for (int l = 1; l <= L + 1; ++l) {
    const int in = shape_.fan_in(l), out = shape_.fan_out(l);
    T* z = l <= L ? z_.data() : h_[l - 1].data();  // the logits are their own h
    gemm<T>(Op::none, Op::transpose, T(1), view(input, rows, in), view(w_[l - 1].data(), out, in),
            MatrixView<T>(z, rows, out));
    add_to_rows(b_[l - 1].data(), z, rows, out);
    if (l <= L) {
      evaluate(act_, z, h_[l - 1].data(), dphi_[l - 1].data(),
               static_cast<std::size_t>(rows) * out);
    }
    input = h_[l - 1].data();
  }
}

template <class T>
LossAccuracy Classifier<T>::loss(const int* y) const {
  const int C = shape_.outputs();
  const T* logits = h_[shape_.depth].data();
  double sum = 0;
  int correct = 0;
  for (int b = 0; b < rows_; ++b) {
    const T* z = logits + static_cast<std::size_t>(b) * C;
    if (C == 1) {
      // softplus(z) - y z, in double (portable exp and log1p).
      const double zb = z[0];
      sum += phi::softplus_stable(zb) - (y[b] == 1 ? zb : 0.0);
      correct += (z[0] > T(0)) == (y[b] == 1);
    } else {
      // logsumexp(z) - z_y = m + log1p(sum_{j != top} e^(z_j - m)) - z_y, m = z_top, in double.
      const int top = static_cast<int>(std::max_element(z, z + C) - z);
      const double m = z[top];
      double s = 0;
      for (int j = 0; j < C; ++j) s += j == top ? 0.0 : phi::fn::exp(double(z[j]) - m);
      sum += m + phi::fn::log1p(s) - double(z[y[b]]);
      correct += top == y[b];
    }
  }
  return {sum / rows_, double(correct) / rows_};
}

template <class T>
void Classifier<T>::probabilities(T* out) const {
  const int C = shape_.outputs();
  const T* logits = h_[shape_.depth].data();
  for (int b = 0; b < rows_; ++b) {
    if (C == 1) {
      const T p = phi::logistic(logits[b]);
      out[2 * b] = T(1) - p;
      out[2 * b + 1] = p;
    } else {
      softmax(logits + static_cast<std::size_t>(b) * C, C, out + static_cast<std::size_t>(b) * C);
    }
  }
}

template <class T>
void Classifier<T>::backward(const int* y) {
  const int L = shape_.depth, C = shape_.outputs(), rows = rows_;
  const T inv_batch = T(1) / T(rows);
  // delta_{L+1} = p - y per example.
  const T* logits = h_[L].data();
  T* delta = delta_out_.data();
  for (int b = 0; b < rows; ++b) {
    T* d = delta + static_cast<std::size_t>(b) * C;
    if (C == 1) {
      d[0] = phi::logistic(logits[b]) - (y[b] == 1 ? T(1) : T(0));
    } else {
      softmax(logits + static_cast<std::size_t>(b) * C, C, d);
      d[y[b]] -= T(1);
    }
  }
  for (int l = L + 1; l >= 1; --l) {
    const int in = shape_.fan_in(l), out = shape_.fan_out(l);
    if (l <= L) {
      // delta_l = dL/dh_l .* phi'(z_l), over phi'(z_l).
      T* dphi = dphi_[l - 1].data();
      const T* grad_h = grad_h_[l % 2].data();
      const std::size_t n = static_cast<std::size_t>(rows) * out;
      for (std::size_t i = 0; i < n; ++i) dphi[i] *= grad_h[i];
      delta = dphi;
    }
    const T* h_prev = l == 1 ? x_ : h_[l - 2].data();
    gemm<T>(Op::transpose, Op::none, inv_batch, view(delta, rows, out), view(h_prev, rows, in),
            view(dw_[l - 1], out, in));
    column_sums(delta, rows, out, inv_batch, db_[l - 1].data());
    if (l > 1) {
      // dL/dh_{l-1} = delta_l W_l: [rows x out] [out x in].
      gemm<T>(Op::none, Op::none, T(1), view(delta, rows, out), view(w_[l - 1].data(), out, in),
              view(grad_h_[(l - 1) % 2], rows, in));
    }
  }
}

template class Classifier<float>;
template class Classifier<double>;

}  // namespace actlab
