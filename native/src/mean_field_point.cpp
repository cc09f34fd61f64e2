#include "actlab/mean_field_point.hpp"

#include <cmath>

#include "actlab/mean_field.hpp"

namespace actlab {

Expected<PropagationConfig> check_mean_field_point(PropagationRequest r,
                                                   std::optional<double> sigma_w2,
                                                   std::optional<double> sigma_b2) {
  using Result = Expected<PropagationConfig>;
  if (!sigma_w2 && !sigma_b2) return check_propagation(r);
  const char* conflict = !r.init.empty()      ? "--init"
                         : r.init_std         ? "--init-std"
                         : r.gain             ? "--gain"
                         : r.bias_std         ? "--bias-std"
                         : r.input_dim        ? "--input-dim"
                         : r.bottleneck_layer ? "--bottleneck-layer"
                         : r.bottleneck_width ? "--bottleneck-width"
                                              : nullptr;
  if (conflict != nullptr) {
    return Result::failure(std::string(conflict) +
                           ": not with --sigma-w2 and --sigma-b2, which set the weights "
                           "N(0, sigma_w2 / N), the biases N(0, sigma_b2) and every fan N");
  }
  const Expected<double> w2 = check_sigma_w2(sigma_w2);
  if (!w2.ok()) return Result::failure(w2.error());
  const Expected<double> b2 = check_sigma_b2(sigma_b2);
  if (!b2.ok()) return Result::failure(b2.error());
  r.init = "normal";
  // A missing or bad --width is check_propagation's to report; s = 1 stands in till then.
  const bool width_ok = r.width && *r.width >= 1 && *r.width <= kMaxWidth;
  r.init_std = width_ok ? std::sqrt(w2.value() / *r.width) : 1.0;
  r.bias_std = std::sqrt(b2.value());
  return check_propagation(r);
}

}  // namespace actlab
