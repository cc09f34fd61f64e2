#pragma once
// `propagate` at a mean-field point (sigma_w2, sigma_b2): W_ij ~ N(0, sigma_w2 / fan_in) and
// b_i ~ N(0, sigma_b2), the convention of mean_field.hpp, so that every theory curve has a
// measurement beside it. Every layer's fan-in is the width N (the input has D = N), so this
// is the initializer "normal" with s = sqrt(sigma_w2 / N) and --bias-std sqrt(sigma_b2).
#include <optional>

#include "actlab/expected.hpp"
#include "actlab/propagation.hpp"

namespace actlab {

// With neither given, check_propagation(request) itself. With either, both are required, and
// --init, --init-std, --gain, --bias-std and --input-dim must be absent (they would say the
// same thing twice); messages name the flag.
Expected<PropagationConfig> check_mean_field_point(PropagationRequest request,
                                                   std::optional<double> sigma_w2,
                                                   std::optional<double> sigma_b2);

}  // namespace actlab
