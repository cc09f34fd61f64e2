#pragma once
// The network the training lab trains (the lecture's J(w) = NN(w)):
//   h_0 = X [B x 2]
//   z_l = h_{l-1} W_l^T + b_l,  h_l = phi(z_l)      l = 1..L, W_1: [N x 2], W_l: [N x N]
//   z_{L+1} = h_L W_{L+1}^T + b_{L+1}               the logits, linear: [B x C]
// C = 1 for two classes: p = sigma(z), loss_b = softplus(z) - y z, binary cross-entropy from the
// logit; C = K for K classes: loss_b = logsumexp(z) - z_y, softmax cross-entropy. The loss is
// L = (1/B) sum_b loss_b, and backward gives its gradient, per example then batch-averaged:
//   delta_{L+1} = dloss_b/dz_{L+1} = p - y (one-hot for K classes)
//   delta_l = dL/dh_l .* phi'(z_l),   dL/dh_{l-1} = delta_l W_l
//   dW_l = (1/B) delta_l^T h_{l-1},   db_l = (1/B) sum_b delta_l,b
// T is float for training and double for the finite-difference tests. Every product goes
// through the engine's gemm, every activation through its evaluate(); the loss is summed in
// double. Buffers hold up to `capacity` examples; a pass may use fewer (a last, smaller batch).
#include <cstddef>
#include <vector>

#include "actlab/activation.hpp"
#include "actlab/matrix.hpp"

namespace actlab {

struct ClassifierShape {
  int depth = 1;    // L hidden layers
  int width = 1;    // N
  int classes = 2;  // K; C = 1 output unit for 2, K for more
  int capacity = 1;
  int outputs() const { return classes == 2 ? 1 : classes; }
  int fan_in(int l) const { return l == 1 ? kInputs : width; }
  int fan_out(int l) const { return l == depth + 1 ? outputs() : width; }
  static constexpr int kInputs = 2;
};

struct LossAccuracy {
  double loss = 0;  // mean cross-entropy, in double
  double accuracy = 0;
};

template <class T>
class Classifier {
 public:
  Classifier(const ClassifierShape& shape, const Activation& act);

  const ClassifierShape& shape() const { return shape_; }
  const Activation& activation() const { return act_; }
  int layers() const { return shape_.depth + 1; }

  // Parameters and their gradients, layer l = 1..L+1, row-major [fan_out x fan_in] and [fan_out].
  T* weight(int l) { return w_[l - 1].data(); }
  T* bias(int l) { return b_[l - 1].data(); }
  const T* weight_gradient(int l) const { return dw_[l - 1].data(); }
  const T* bias_gradient(int l) const { return db_[l - 1].data(); }
  std::size_t weight_size(int l) const { return w_[l - 1].size(); }
  std::size_t bias_size(int l) const { return b_[l - 1].size(); }

  // The logits of x [rows x 2], rows <= capacity; then h(l), dphi(l) hold the pass.
  void forward(const T* x, int rows);
  // The loss and accuracy of the last forward() against labels y[0..rows).
  LossAccuracy loss(const int* y) const;
  // The gradients of the last forward()'s loss (needs forward()); delta_l over phi'(z_l).
  void backward(const int* y);

  int rows() const { return rows_; }
  // After forward(): h_l [rows x fan_out(l)], l = 1..L+1 (h_{L+1}: the logits), and phi'(z_l)
  // [rows x N], l = 1..L (delta_l after backward()).
  const T* h(int l) const { return h_[l - 1].data(); }
  const T* dphi(int l) const { return dphi_[l - 1].data(); }
  // Class probabilities of the last forward(): out [rows x K] (K = 2 for two classes: 1 - p, p).
  void probabilities(T* out) const;

 private:
  ClassifierShape shape_;
  Activation act_;
  int rows_ = 0;
  const T* x_ = nullptr;  // the last forward()'s input, h_0
  std::vector<std::vector<T>> w_, b_, dw_, db_, h_, dphi_;
  std::vector<T> z_, grad_h_[2], delta_out_;
};

}  // namespace actlab
