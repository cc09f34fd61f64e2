#include "actlab/phase_diagram.hpp"

#include <cmath>
#include <optional>

#include "actlab/mean_field.hpp"

namespace actlab {

PhaseGrid phase_diagram(const Activation& act, double w2_lo, double w2_hi, int nw, double b2_lo,
                        double b2_hi, int nb, double q0) {
  PhaseGrid g;
  for (int i = 0; i < nw; ++i) g.sigma_w2.push_back(w2_lo + (i + 0.5) * (w2_hi - w2_lo) / nw);
  for (int j = 0; j < nb; ++j) g.sigma_b2.push_back(b2_lo + (j + 0.5) * (b2_hi - b2_lo) / nb);
  for (int j = 0; j < nb; ++j) {
    for (int i = 0; i < nw; ++i) {
      const MeanField mf{act, g.sigma_w2[i], g.sigma_b2[j]};
      const std::optional<double> q_star = length_fixed_point(mf, q0);
      const double x = q_star ? chi1(mf, *q_star) : std::nan("");
      g.chi1.push_back(x);
      // -1 / |ln chi1|: xi_c where chi1 < 1 (c* = 1); beyond the line the gradient's scale.
      g.depth_scale.push_back(x < 1 ? -1 / std::log(x) : x > 1 ? 1 / std::log(x) : std::nan(""));
    }
  }
  return g;
}

}  // namespace actlab
