#include "actlab/phase_diagram.hpp"

#include <cmath>

#include "actlab/mean_field.hpp"

namespace actlab {

PhaseGrid phase_diagram(const Activation& act, double w2_lo, double w2_hi, int nw, double b2_lo,
                        double b2_hi, int nb, double q0) {
  PhaseGrid g;
  for (int i = 0; i < nw; ++i) g.sigma_w2.push_back(w2_lo + (i + 0.5) * (w2_hi - w2_lo) / nw);
  for (int j = 0; j < nb; ++j) g.sigma_b2.push_back(b2_lo + (j + 0.5) * (b2_hi - b2_lo) / nb);
  for (int j = 0; j < nb; ++j) {
    for (int i = 0; i < nw; ++i) {
      const Theory t = fixed_point_theory({act, g.sigma_w2[i], g.sigma_b2[j]}, q0);
      g.chi1.push_back(t.chi1 ? *t.chi1 : std::nan(""));
      g.xi_c.push_back(t.xi_c ? *t.xi_c : std::nan(""));
    }
  }
  return g;
}

}  // namespace actlab
