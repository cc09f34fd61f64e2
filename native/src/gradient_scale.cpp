#include "actlab/gradient_scale.hpp"

#include <algorithm>
#include <cmath>

namespace actlab {

namespace {

double squared_norm(const float* x, Eigen::Index n) {
  double sum = 0;
  for (Eigen::Index i = 0; i < n; ++i) sum += double(x[i]) * double(x[i]);
  return sum;
}

}  // namespace

double example_weight_grad_rms(ConstMatrixView<float> delta, ConstMatrixView<float> h_prev) {
  const Eigen::Index batch = delta.rows(), width = delta.cols(), fan_in = h_prev.cols();
  double sum = 0;
  for (Eigen::Index b = 0; b < batch; ++b) {
    sum += squared_norm(delta.data() + b * width, width) *
           squared_norm(h_prev.data() + b * fan_in, fan_in);
  }
  return std::sqrt(sum / (double(batch) * double(width) * double(fan_in)));
}

WeightSummary weight_summary(ConstMatrixView<float> w) {
  WeightSummary s;
  const Eigen::Index n = w.size();
  for (Eigen::Index i = 0; i < n; ++i)
    s.max_abs = std::max(s.max_abs, std::fabs(double(w.data()[i])));
  s.gain = std::sqrt(squared_norm(w.data(), n) / double(w.cols()));
  return s;
}

}  // namespace actlab
