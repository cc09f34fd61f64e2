#pragma once
// The (sigma_w2, sigma_b2) phase diagram of an activation (Poole et al. 2016, Fig. 2;
// Schoenholz et al. 2017, Fig. 1) on a grid of cell centres: at the fixed point q* reached
// from q0, chi1 and the correlation depth scale xi_c = -1 / ln(sigma_w2 E[phi'(u1) phi'(u2)])
// at c*, as `actlab theory` computes them (fixed_point_theory): -1 / ln chi1 in the ordered
// phase (c* = 1), and in the chaotic one from the correlation map's fixed point c* < 1, which
// Mehler's series gives at the cost of one pass over its nodes per cell (correlation_kernels.hpp).
#include <vector>

#include "actlab/activation.hpp"

namespace actlab {

inline constexpr int kMaxPhaseCells = 256;  // per side

struct PhaseGrid {
  std::vector<double> sigma_w2;  // nw cell centres, ascending
  std::vector<double> sigma_b2;  // nb cell centres, ascending
  // nb x nw, row-major by sigma_b2. chi1 NaN: no finite fixed point (q grows without bound);
  // xi_c NaN with chi1 finite: it diverges (chi1 = 1, on the line).
  std::vector<double> chi1;
  std::vector<double> xi_c;
};

// On a window that check_phase_window (phase_window.hpp) accepts.
PhaseGrid phase_diagram(const Activation& act, double w2_lo, double w2_hi, int nw, double b2_lo,
                        double b2_hi, int nb, double q0);

}  // namespace actlab
