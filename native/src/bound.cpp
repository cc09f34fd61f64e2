#include "actlab/bound.hpp"

#include "actlab/activation_info.hpp"

namespace actlab {

LectureBound lecture_bound(const Activation& act, int depth) {
  LectureBound result{derivative_maximum(act).value, std::vector<double>(depth)};
  double power = 1;
  // Repeated products rather than pow: the same bits on every target.
  for (double& b : result.bound) b = power *= result.max_derivative;
  return result;
}

}  // namespace actlab
