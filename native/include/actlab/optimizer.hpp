#pragma once
// The training lab's optimizers, for one parameter tensor w with gradient g (the loss's, plus
// the L2 weight decay's lambda w for weight matrices; biases are not decayed):
//   sgd       u = lr g
//   momentum  v <- mu v + g, u = lr v                           (mu = 0.9, v_0 = 0)
//   adam      m <- b1 m + (1 - b1) g,  s <- b2 s + (1 - b2) g^2,
//             u = lr m_hat / (sqrt(s_hat) + eps),  m_hat = m / (1 - b1^t), s_hat = s / (1 - b2^t)
//             (Kingma & Ba 2015, Algorithm 1: b1 0.9, b2 0.999, eps 1e-8; t = 1, 2, ...)
// then w <- w - u. In T (float when training); b1^t and b2^t by repeated products in double.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "actlab/expected.hpp"

namespace actlab {

enum class OptimizerKind { sgd, momentum, adam };

inline constexpr double kMomentum = 0.9;
inline constexpr double kAdamBeta1 = 0.9;
inline constexpr double kAdamBeta2 = 0.999;
inline constexpr double kAdamEpsilon = 1e-8;

const std::vector<std::string>& optimizer_ids();  // "sgd", "momentum", "adam"
const std::string& optimizer_id(OptimizerKind kind);
Expected<OptimizerKind> make_optimizer_kind(const std::string& id);

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::sgd;
  double lr = 0.1;
  double weight_decay = 0;  // lambda
};

template <class T>
class Optimizer {
 public:
  // One state per tensor, of the given sizes.
  Optimizer(const OptimizerConfig& config, const std::vector<std::size_t>& sizes);

  // Starts update t + 1 (Adam's bias corrections).
  void begin_step();
  // w[i] -= u[i] for tensor k with gradient g (decay: add lambda w to it); u goes to step[i].
  void update(std::size_t k, T* w, const T* g, bool decay, T* step);
  std::int64_t steps() const { return t_; }

 private:
  OptimizerConfig config_;
  std::vector<std::size_t> sizes_;
  std::vector<std::vector<T>> first_, second_;  // v (momentum) or m and s (adam)
  std::int64_t t_ = 0;
  double beta1_t_ = 1, beta2_t_ = 1;  // b1^t, b2^t
};

}  // namespace actlab
