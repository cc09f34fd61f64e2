#include "actlab/optimizer.hpp"

#include <cmath>

#include "actlab/message_text.hpp"

namespace actlab {

const std::vector<std::string>& optimizer_ids() {
  static const std::vector<std::string> ids = {"sgd", "momentum", "adam"};
  return ids;
}

const std::string& optimizer_id(OptimizerKind kind) {
  return optimizer_ids()[static_cast<int>(kind)];
}

Expected<OptimizerKind> make_optimizer_kind(const std::string& id) {
  const std::vector<std::string>& ids = optimizer_ids();
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (ids[k] == id) return static_cast<OptimizerKind>(k);
  }
  const std::string valid = list_text(ids);
  if (id.empty()) return Expected<OptimizerKind>::failure("--optimizer: required; valid: " + valid);
  return Expected<OptimizerKind>::failure("--optimizer: unknown optimizer " + quoted_text(id) +
                                          "; valid: " + valid);
}

template <class T>
Optimizer<T>::Optimizer(const OptimizerConfig& config, const std::vector<std::size_t>& sizes)
    : config_(config), sizes_(sizes) {
  for (const std::size_t n : sizes) {
    first_.emplace_back(config.kind == OptimizerKind::sgd ? 0 : n, T(0));
    second_.emplace_back(config.kind == OptimizerKind::adam ? n : 0, T(0));
  }
}

template <class T>
void Optimizer<T>::begin_step() {
  ++t_;
  beta1_t_ *= kAdamBeta1;
  beta2_t_ *= kAdamBeta2;
}

template <class T>
void Optimizer<T>::update(std::size_t k, T* w, const T* g, bool decay, T* step) {
  const std::size_t n = sizes_[k];
  const T lr = T(config_.lr);
  const T lambda = decay ? T(config_.weight_decay) : T(0);
  const auto gradient = [&](std::size_t i) { return lambda == T(0) ? g[i] : g[i] + lambda * w[i]; };
  switch (config_.kind) {
    case OptimizerKind::sgd:
      for (std::size_t i = 0; i < n; ++i) {
        step[i] = lr * gradient(i);
        w[i] -= step[i];
      }
      return;
    case OptimizerKind::momentum: {
      const T mu = T(kMomentum);
      T* v = first_[k].data();
      for (std::size_t i = 0; i < n; ++i) {
        v[i] = mu * v[i] + gradient(i);
        step[i] = lr * v[i];
        w[i] -= step[i];
      }
      return;
    }
    case OptimizerKind::adam: {
      const T b1 = T(kAdamBeta1), b2 = T(kAdamBeta2), eps = T(kAdamEpsilon);
      const T c1 = T(1 / (1 - beta1_t_)), c2 = T(1 / (1 - beta2_t_));
      T* m = first_[k].data();
      T* s = second_[k].data();
      for (std::size_t i = 0; i < n; ++i) {
        const T gi = gradient(i);
        m[i] = b1 * m[i] + (T(1) - b1) * gi;
        s[i] = b2 * s[i] + (T(1) - b2) * (gi * gi);
        step[i] = lr * (m[i] * c1) / (std::sqrt(s[i] * c2) + eps);
        w[i] -= step[i];
      }
      return;
    }
  }
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace actlab
