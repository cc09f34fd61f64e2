#pragma once
// The (sigma_w2, sigma_b2) phase diagram of an activation (Poole et al. 2016, Fig. 2;
// Schoenholz et al. 2017, Fig. 1) on a grid of cell centres, from the fixed point q* reached
// from q0 and chi1 there: the depth scale 1 / |ln chi1|. In the ordered phase (chi1 < 1,
// c* = 1) that is xi_c exactly; in the chaotic phase it is Schoenholz et al.'s gradient
// scale xi_grad = 1 / ln chi1 (the depth over which a gradient grows by e), not xi_c, whose
// c* < 1 needs a bivariate root search per cell (fixed_point_theory: seconds for a grid).
#include <vector>

#include "actlab/activation.hpp"

namespace actlab {

inline constexpr int kMaxPhaseCells = 256;  // per side

struct PhaseGrid {
  std::vector<double> sigma_w2;  // nw cell centres, ascending
  std::vector<double> sigma_b2;  // nb cell centres, ascending
  // nb x nw, row-major by sigma_b2. chi1 NaN: no finite fixed point (q grows without bound);
  // depth_scale NaN with chi1 finite: it diverges (chi1 = 1, on the line).
  std::vector<double> chi1;
  std::vector<double> depth_scale;  // 1 / |ln chi1|
};

// 0 < w2_lo < w2_hi, 0 <= b2_lo < b2_hi, 1 <= nw, nb <= kMaxPhaseCells (the caller checks).
PhaseGrid phase_diagram(const Activation& act, double w2_lo, double w2_hi, int nw, double b2_lo,
                        double b2_hi, int nb, double q0);

}  // namespace actlab
