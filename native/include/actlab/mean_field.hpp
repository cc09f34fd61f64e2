#pragma once
// Mean-field signal propagation at infinite width (Poole et al. 2016, "Exponential
// expressivity in deep neural networks through transient chaos"; Schoenholz et al. 2017,
// "Deep information propagation"), for W_ij ~ N(0, sigma_w2 / fan_in), b_i ~ N(0, sigma_b2):
//   length map       q_l = sigma_w2 E[phi(sqrt(q_{l-1}) z)^2] + sigma_b2,   z ~ N(0, 1)
//   correlation map  c_l = (sigma_w2 E[phi(u1) phi(u2)] + sigma_b2) / q_l,
//                    u1, u2 of variance q_{l-1} and correlation c_{l-1}
//   chi1 = sigma_w2 E[phi'(sqrt(q*) z)^2], the slope of the correlation map at c = 1;
//   xi_q = -1 / ln(chi1 + sigma_w2 E[phi'' phi]), xi_c = -1 / ln(sigma_w2 E[phi'(u1) phi'(u2)])
//   at c*. The layer before the first is the input, of second moment q0 per coordinate:
//   q_1 = sigma_w2 q0 + sigma_b2 and c_1 = (sigma_w2 c0 q0 + sigma_b2) / q_1.
#include <optional>
#include <string>
#include <vector>

#include "actlab/activation.hpp"
#include "actlab/expected.hpp"

namespace actlab {

inline constexpr double kMaxSigmaW2 = 100;  // --sigma-w2 in (0, 100]
inline constexpr double kMaxSigmaB2 = 100;  // --sigma-b2 in [0, 100]
inline constexpr double kMaxQ0 = 10000;     // --q0 in (0, 1e4]: input std up to 100
inline constexpr double kDefaultQ0 = 1;     // propagate's input X ~ N(0, 1)
inline constexpr double kDefaultC0 = 0.5;   // two inputs at correlation 1/2
inline constexpr int kDefaultTheoryDepth = 20;

struct MeanField {
  Activation act;
  double sigma_w2 = 1;
  double sigma_b2 = 0;
};

// q -> sigma_w2 E[phi(sqrt(q) z)^2] + sigma_b2.
double length_map(const MeanField& mf, double q);
// d/dq of the length map: chi1(q) + sigma_w2 E[phi''(sqrt(q) z) phi(sqrt(q) z)] (Stein).
double length_map_slope(const MeanField& mf, double q);
// sigma_w2 E[phi'(sqrt(q) z)^2].
double chi1(const MeanField& mf, double q);
// The next layer's correlation from (q, c) at this one.
double correlation_step(const MeanField& mf, double q, double c);
// sigma_w2 E[phi'(u1) phi'(u2)] for u1, u2 of variance q and correlation c.
double correlation_slope(const MeanField& mf, double q, double c);

// The limit of q_l from the first layer's q_1 = sigma_w2 q0 + sigma_b2, q0 (> 0) the input's
// second moment per coordinate: the stable fixed point reached (where every q is fixed, relu
// at sigma_w2 = 2 and sigma_b2 = 0, q_1 itself); nullopt when q_l grows without bound (relu
// at sigma_w2 > 2, or at 2 with sigma_b2 > 0).
std::optional<double> length_fixed_point(const MeanField& mf, double q0);
// The stable fixed point of the correlation map at q*: 1 when chi1 <= 1 (ordered), else the
// one root of c = step(c) in [0, 1) (the map is increasing and convex on [0, 1]).
double correlation_fixed_point(const MeanField& mf, double q_star);
// -1 / ln(slope) for a slope in [0, 1); nullopt for slope >= 1 (the scale diverges).
std::optional<double> depth_scale(double slope);

struct TheoryRequest {
  std::string act;                 // --act
  std::optional<double> alpha;     // --alpha
  std::optional<double> sigma_w2;  // --sigma-w2, required
  std::optional<double> sigma_b2;  // --sigma-b2, required
  std::optional<int> depth;        // --depth, 1..200, default 20
  std::optional<double> q0;        // --q0, (0, 1e4], default 1
  std::optional<double> c0;        // --c0, [-1, 1], default 0.5
};

struct TheoryConfig {
  MeanField mf;
  int depth = kDefaultTheoryDepth;
  double q0 = kDefaultQ0;
  double c0 = kDefaultC0;
};

// Checks every flag in the order of `actlab theory --help`; messages name the flag.
Expected<TheoryConfig> check_theory(const TheoryRequest& request);
// --sigma-w2 and --sigma-b2 alone (shared by `critical` and the page's diagram).
Expected<double> check_sigma_w2(std::optional<double> value);
Expected<double> check_sigma_b2(std::optional<double> value);
// --q0, the inputs' second moment per coordinate, in (0, kMaxQ0] (default kDefaultQ0).
Expected<double> check_q0(std::optional<double> value);

struct TheoryLayer {
  int index;  // l, 1..L
  double q;   // pre-activation variance; +inf once it overflows
  double c;   // correlation of the two inputs' pre-activations; NaN once q overflows
};

// Everything at the fixed point is nullopt when q* is (no finite fixed point).
struct Theory {
  std::optional<double> q_star;
  std::optional<double> chi1;
  std::optional<double> xi_q;  // nullopt also where it diverges
  std::optional<double> xi_c;
  std::optional<double> c_star;
  std::vector<TheoryLayer> layers;
};

Theory theory(const TheoryConfig& config);

// The fixed point alone, without the layers (the phase diagram's pixels). xi_c by the
// correlation map, so it costs one bivariate root search in the chaotic phase.
Theory fixed_point_theory(const MeanField& mf, double q0);

// The order-chaos line traced by q: sigma_w2 = 1 / E[phi'(sqrt(q) z)^2],
// sigma_b2 = q - sigma_w2 E[phi(sqrt(q) z)^2] (chi1 = 1 and q = q* there).
struct CriticalLinePoint {
  double q;
  double sigma_w2;
  double sigma_b2;
};
CriticalLinePoint critical_line_point(const Activation& act, double q);
// `points` (>= 2) of the line at q log-spaced from q_lo to q_hi (0 < q_lo < q_hi), both ends
// exact; the caller keeps those with sigma_b2 >= 0.
std::vector<CriticalLinePoint> critical_line(const Activation& act, double q_lo, double q_hi,
                                             int points);
inline constexpr int kMaxCriticalLinePoints = 2000;

// The point of the line at sigma_b2: the smallest q* on it. sigma_w2 nullopt where the line
// misses sigma_b2 (relu for sigma_b2 > 0); q_star nullopt also where every q is a fixed point
// (relu at (2, 0)).
struct CriticalPoint {
  std::optional<double> sigma_w2;
  std::optional<double> q_star;
};
CriticalPoint critical_point(const Activation& act, double sigma_b2);

}  // namespace actlab
