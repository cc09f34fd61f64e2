#pragma once
// The double curves' error in ulps against the long-double closed forms of reference.hpp:
// every activation's value and derivative through evaluate_curve (what `actlab curve` and the
// module's curve() print) on wide grids, near 0, at the kinks, at the tiny and huge ends and
// where the forms switch branches. An ulp is that of the exact value, or for a derivative that
// is a sum of two terms of opposite sign (gelu', silu', mish' at negative z) that of the larger
// term: near their root no double evaluation keeps relative accuracy. GELU's error is divided
// by 1 + z^2: its erfc(-z / sqrt 2) and e^(-z^2 / 2) magnify the rounding of z / sqrt 2 and z^2
// by about z^2 (fdlibm's erfc is exact in its own argument). Below (1 + |z|) times the smallest
// normal double the error is counted in units of (1 + |z|) 2^-1074 (times GELU's 1 + z^2):
// there a value is z times a subnormal (z e^-|z|, z Phi(z)), whose rounding z multiplies.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/curve.hpp"
#include "reference.hpp"

namespace actlab::test {

// The spacing of doubles at a normal |x|: 2^(e - 52) for |x| in [2^e, 2^(e+1)).
inline Long ulp_of(Long x) {
  int e = 0;
  std::frexp(std::fabs(x), &e);  // |x| in [2^(e-1), 2^e)
  return std::ldexp(1.0L, e - 1 - 52);
}

// The unit the error at z is counted in, for an exact value whose ulps are those of scale.
inline Long unit_of(ActivationKind kind, Long z, Long scale) {
  const Long conditioning = kind == ActivationKind::gelu ? 1 + z * z : 1;
  const Long a = 1 + std::fabs(z);
  if (std::fabs(scale) < DBL_MIN * a) return std::ldexp(1.0L, -1074) * a * conditioning;
  return ulp_of(scale) * conditioning;
}

// The larger magnitude of the two terms of phi' that cancel near its root, 0 for the others.
inline Long derivative_term(ActivationKind kind, Long z) {
  const Long pi = 3.14159265358979323846264338327950288L;
  switch (kind) {
    case ActivationKind::gelu:
      return std::fmax(0.5L * std::erfc(-z / std::sqrt(2.0L)),
                       std::fabs(z) * std::exp(-z * z / 2) / std::sqrt(2 * pi));
    case ActivationKind::silu:
      return std::fmax(ref_sigmoid(z), std::fabs(z) * ref_sigmoid(z) * ref_sigmoid(-z));
    case ActivationKind::mish: {
      const Long sp = std::log1p(std::exp(z));
      return std::fmax(std::fabs(std::tanh(sp)),
                       std::fabs(z) * ref_sigmoid(z) / (std::cosh(sp) * std::cosh(sp)));
    }
    default:
      return 0;
  }
}

struct Worst {
  double ulps = 0;
  std::string where;
};

inline void note(Worst& worst, const std::string& what, double z, double got, Long exact,
                 Long unit) {
  const Long ulps = std::fabs(static_cast<Long>(got) - exact) / unit;
  if (!(ulps <= worst.ulps)) {  // NaN counts as the worst
    char text[200];
    std::snprintf(text, sizeof text, "%s at z = %.17g: %.17g, exact %.20Lg", what.c_str(), z, got,
                  exact);
    worst = {std::isnan(static_cast<double>(ulps)) ? INFINITY : static_cast<double>(ulps), text};
  }
}

// Grids over [-1e4, 1e4], [-40, 40], [-6, 6], [-1e-3, 1e-3] and [-1e-300, 1e-300]; the points
// where exp_pair switches from expm1 to exp (z = -ln 2, and +-ln 2 / 2 for tanh's 2z) and
// mish_terms switches sign, with their neighbours; +-0, subnormals, the smallest normals,
// +-1e4.
inline std::vector<double> accuracy_points() {
  std::vector<double> z;
  const struct {
    double from, to;
    int points;
  } grids[] = {{-1e4, 1e4, 20001},
               {-40, 40, 80001},
               {-6, 6, 60001},
               {-1e-3, 1e-3, 2001},
               {-1e-300, 1e-300, 201}};
  for (const auto& g : grids) {
    for (int i = 0; i < g.points; ++i) z.push_back(g.from + (g.to - g.from) * i / (g.points - 1));
  }
  const double ln2 = 0.69314718055994530942;
  for (const double edge : {-ln2, ln2 / 2, -ln2 / 2, 0.0, 1e-20, -1e-20}) {
    double y = edge;
    for (int i = 0; i < 8; ++i) y = std::nextafter(y, -1.0);
    for (int i = 0; i < 17; ++i, y = std::nextafter(y, 1.0)) z.push_back(y);
  }
  for (const double v : {0.0, 4.9406564584124654e-324, 1e-310, DBL_MIN, 1e4}) {
    z.push_back(v);
    z.push_back(-v);
  }
  return z;
}

struct CurveErrors {
  Worst value, derivative;
};

inline CurveErrors curve_errors(const Activation& act) {
  const std::vector<double> z = accuracy_points();
  std::vector<double> h(z.size()), dphi(z.size());
  evaluate_curve(act, z.data(), h.data(), dphi.data(), z.size());
  CurveErrors errors;
  const std::string id = info(act.kind).id + "(alpha=" + std::to_string(act.alpha) + ")";
  for (std::size_t i = 0; i < z.size(); ++i) {
    const Long exact = ref_value(act.kind, z[i], act.alpha);
    note(errors.value, id, z[i], h[i], exact, unit_of(act.kind, z[i], exact));
    const Long slope = ref_derivative(act.kind, z[i], act.alpha);
    const Long scale = std::fmax(std::fabs(slope), derivative_term(act.kind, z[i]));
    note(errors.derivative, id + "'", z[i], dphi[i], slope, unit_of(act.kind, z[i], scale));
  }
  return errors;
}

}  // namespace actlab::test
