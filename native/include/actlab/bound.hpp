#pragma once
// The lecture's bound on the vanishing gradient: dL/dtheta^(l) = usg * phi'(z) * h^(l-1) has
// one factor phi' per layer it passes, so with the other factors at most 1 in magnitude
// (|usg| <= 1, |h| <= 1 and, along the path, |w| <= 1), going down from the top layer L,
// |dL/dtheta^(L-k)| <= (sup|phi'|)^(k+1): 0.25^(k+1) for sigmoid. Real Glorot or He weights
// exceed 1, which is why the page sets the measured gradient (propagation.hpp) beside it.
#include <vector>

#include "actlab/activation.hpp"

namespace actlab {

struct LectureBound {
  double max_derivative;      // sup|phi'|
  std::vector<double> bound;  // bound[k] = sup|phi'|^(k+1), on layer L - k, k = 0..L-1
};

// depth: 1..kMaxDepth (check_depth in propagation.hpp).
LectureBound lecture_bound(const Activation& act, int depth);

}  // namespace actlab
