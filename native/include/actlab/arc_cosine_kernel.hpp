#pragma once
// The correlation map's expectations in closed form for the positively homogeneous phi
// (Cho & Saul 2009, "Kernel methods for deep learning": the arc-cosine kernels of degree 0
// and 1). For u1, u2 of variance q and correlation c = cos(theta), theta in [0, pi]:
//   E[relu(u1) relu(u2)]   = q (sin theta + (pi - theta) cos theta) / (2 pi),
//   E[relu'(u1) relu'(u2)] = (pi - theta) / (2 pi),
// and leaky relu, relu(x) - a relu(-x), by bilinearity (relu(-u1) and relu(u2) have
// correlation -c, angle pi - theta). The identity gives q c and 1.
#include "actlab/activation.hpp"

namespace actlab {

// arccos(c) for c in [-1, 1] from + - * / and sqrt alone (the same bits on every target):
// 2 atan(sqrt((1 - c) / (1 + c))), the atan by three half-angle steps and its Taylor series.
double portable_arccos(double c);

// True for identity, relu and leaky relu: E[phi(u1) phi(u2)] = q times its value at q = 1.
bool has_arc_cosine_kernel(const Activation& act);
// E[phi(u1) phi(u2)] at variance q, correlation c (clamped to [-1, 1]).
double arc_cosine_phi_phi(const Activation& act, double q, double c);
// E[phi'(u1) phi'(u2)] (it does not depend on q).
double arc_cosine_dphi_dphi(const Activation& act, double c);

}  // namespace actlab
