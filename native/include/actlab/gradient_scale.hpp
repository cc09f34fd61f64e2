#pragma once
// Figure 2's quantities beside the lecture's bound (bound.hpp). The lecture's
// dL/dtheta^(l) = usg * phi'(z) * h^(l-1) is one example's gradient of one weight: example b's
// term of L has dL_b/dW_l = delta_{l,b}^T h_{l-1,b} [N x fan_in] (network.hpp), whose squared
// Frobenius norm is |delta_{l,b}|^2 |h_{l-1,b}|^2. And the bound takes |w| <= 1 along a path;
// through a layer of width N the gradient is scaled by W as a whole.
#include "actlab/matrix.hpp"

namespace actlab {

// sqrt(mean over b, i, j of (dL_b/dW_l,ij)^2) = sqrt(sum_b |delta_b|^2 |h_b|^2 / (B N fan_in)),
// from delta_l [B x N] and h_{l-1} [B x fan_in], summed in double in a fixed order.
double example_weight_grad_rms(ConstMatrixView<float> delta, ConstMatrixView<float> h_prev);

struct WeightSummary {
  double max_abs = 0;  // max |w_ij|: the lecture's bound assumes it is at most 1
  // sqrt(N mean w^2) = |W|_F / sqrt(fan_in): the factor by which delta W scales the rms of a
  // random delta [1 x N] in expectation; never above the spectral norm |W|_2, the factor that
  // makes the bound hold for whole layers (|delta W| <= |W|_2 |delta|).
  double gain = 0;
};

// Of W_l [N x fan_in].
WeightSummary weight_summary(ConstMatrixView<float> w);

}  // namespace actlab
