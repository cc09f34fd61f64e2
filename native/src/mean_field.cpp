#include "actlab/mean_field.hpp"

#include <cmath>

#include "actlab/activation_info.hpp"
#include "actlab/activation_second.hpp"
#include "actlab/arc_cosine_kernel.hpp"
#include "actlab/correlation_kernels.hpp"
#include "actlab/gaussian_quadrature.hpp"
#include "actlab/message_text.hpp"
#include "actlab/portable_math.hpp"
#include "actlab/propagation.hpp"

namespace actlab {

namespace {

// q = 0 as the limit q -> 0+: a kinked phi' then averages its two sides (relu: 1/2).
constexpr double kSmallestRootQ = 1e-150;
// q_l beyond this is taken to grow without bound.
constexpr double kUnbounded = 1e100;
// A fixed point q* below this, where 0 is itself one (sigma_b2 = 0, phi(0) = 0), is 0: the
// length map reaches it as a power law at the critical point (tanh at sigma_w2 = 1).
constexpr double kZeroFixedPoint = 1e-12;
constexpr int kMaxIterations = 500;

double root_q(double q) {
  return std::fmax(std::sqrt(q), kSmallestRootQ);
}

template <class G>
double expect(const G& g, double q) {
  return gaussian_expectation(g, 0.0, root_q(q));
}

// The activation's kind chosen once (visit), not at every node: the same values, faster.
double mean_phi2(const Activation& act, double q) {
  return visit(act.kind, [&](auto phi) {
    return expect(
        [&](double x) {
          const double h = phi.value(x, act.alpha);
          return h * h;
        },
        q);
  });
}

double mean_dphi2(const Activation& act, double q) {
  return visit(act.kind, [&](auto phi) {
    return expect(
        [&](double x) {
          const double d = phi.derivative(x, act.alpha);
          return d * d;
        },
        q);
  });
}

// The length map's slope as q -> infinity, over sigma_w2: (phi'(+inf)^2 + phi'(-inf)^2) / 2.
double asymptotic_slope(const Activation& act) {
  const double up = act.derivative(1e6), down = act.derivative(-1e6);
  return 0.5 * (up * up + down * down);
}

// A root of f in [a, b] where f(a) and f(b) have opposite signs (or one is 0), by the
// Illinois variant of regula falsi, to |b - a| <= tol.
template <class F>
double bracketed_root(const F& f, double a, double fa, double b, double fb, double tol) {
  if (fa == 0) return a;
  if (fb == 0) return b;
  int side = 0;
  for (int i = 0; i < 200 && std::fabs(b - a) > tol; ++i) {
    double x = (a * fb - b * fa) / (fb - fa);
    if (!(x > std::fmin(a, b) && x < std::fmax(a, b))) x = 0.5 * (a + b);
    const double fx = f(x);
    if (fx == 0) return x;
    if ((fx < 0) == (fb < 0)) {
      b = x, fb = fx;
      if (side == -1) fa *= 0.5;
      side = -1;
    } else {
      a = x, fa = fx;
      if (side == 1) fb *= 0.5;
      side = 1;
    }
  }
  return std::fabs(fa) < std::fabs(fb) ? a : b;
}

std::string range_text(double lo, double hi, bool lo_open) {
  return std::string(lo_open ? "a number in (" : "a number in [") + number_text(lo) + ", " +
         number_text(hi) + "]";
}

Expected<double> check_range(const char* flag, std::optional<double> value, double fallback,
                             bool required, double lo, double hi, bool lo_open) {
  const std::string valid = range_text(lo, hi, lo_open);
  if (!value) {
    if (required)
      return Expected<double>::failure(std::string("--") + flag + ": required, " + valid);
    return fallback;
  }
  const double x = *value;
  if ((lo_open ? x > lo : x >= lo) && x <= hi) return x;
  return Expected<double>::failure(std::string("--") + flag + ": must be " + valid + ", got " +
                                   number_text(x));
}

// The stable fixed point of the correlation map at q*, with its kernels at q* (computed once
// for every c the search asks).
double correlation_fixed_point(const MeanField& mf, double q_star, CorrelationKernels& kernels) {
  if (chi1(mf, q_star) <= 1) return 1;
  const double q_next = length_map(mf, q_star);
  const auto g = [&](double c) {
    return (mf.sigma_w2 * kernels.phi_phi(c) + mf.sigma_b2) / q_next - c;
  };
  // g is convex on [0, 1], g(1) = 0, g'(1) = chi1 - 1 > 0 and g(0) >= 0: one root below 1.
  double lo = 0, g_lo = g(0);
  double hi = 0.5, g_hi = g(hi);
  for (int k = 2; g_hi >= 0 && k <= 52; ++k) {
    lo = hi, g_lo = g_hi;
    hi = 1 - std::ldexp(1.0, -k);
    g_hi = g(hi);
  }
  if (g_hi >= 0) return 1;  // within 2^-52 of 1: the critical line itself
  return bracketed_root(g, lo, g_lo, hi, g_hi, 1e-14);
}

}  // namespace

double length_map(const MeanField& mf, double q) {
  return mf.sigma_w2 * mean_phi2(mf.act, q) + mf.sigma_b2;
}

double length_map_slope(const MeanField& mf, double q) {
  const Activation& act = mf.act;
  const double e = visit(act.kind, [&](auto phi) {
    return expect(
        [&](double x) {
          const double d = phi.derivative(x, act.alpha);
          return d * d + second_derivative(act, x) * phi.value(x, act.alpha);
        },
        q);
  });
  return mf.sigma_w2 * e;
}

double chi1(const MeanField& mf, double q) {
  return mf.sigma_w2 * mean_dphi2(mf.act, q);
}

double correlation_step(const MeanField& mf, double q, double c) {
  CorrelationKernels kernels(mf.act, q);
  return (mf.sigma_w2 * kernels.phi_phi(c) + mf.sigma_b2) / length_map(mf, q);
}

double correlation_slope(const MeanField& mf, double q, double c) {
  return mf.sigma_w2 * CorrelationKernels(mf.act, q).dphi_dphi(c);
}

std::optional<double> length_fixed_point(const MeanField& mf, double q0) {
  const auto g = [&](double q) { return length_map(mf, q) - q; };
  const bool zero_is_fixed = mf.sigma_b2 == 0 && mf.act.value(0.0) == 0;
  const double far_slope = mf.sigma_w2 * asymptotic_slope(mf.act);
  double q = mf.sigma_w2 * q0 + mf.sigma_b2;  // q_1: the input is not passed through phi
  for (int i = 0; i < kMaxIterations; ++i) {
    const double next = length_map(mf, q);
    const double gq = next - q;
    if (!std::isfinite(next) || next > kUnbounded) return std::nullopt;
    if (std::fabs(gq) <= 1e-15 * std::fmax(q, next)) {
      q = next;
      break;
    }
    const double slope = length_map_slope(mf, q);
    // The map increases, so the iterates move monotonically to the nearest fixed point in
    // the direction of g(q); upward with slope >= 1 where the far slope is too, none is left.
    if (gq > 0 && slope >= 1 && far_slope >= 1) return std::nullopt;
    double step = next;
    if (slope < 1) {
      const double newton = q - gq / (slope - 1);
      if (newton >= 0 && (gq > 0 ? newton > next : newton < next)) {
        const double g_newton = g(newton);
        if ((g_newton > 0) == (gq > 0)) {
          step = newton;  // still short of the fixed point: a longer safe step
        } else {
          // Past it: the fixed point lies between the plain step and Newton's.
          const double g_next = g(next);
          if ((g_next > 0) != (g_newton > 0) || g_next == 0) {
            q = bracketed_root(g, next, g_next, newton, g_newton, 1e-15 * next);
            break;
          }
        }
      }
    }
    q = step;
    if (i + 1 == kMaxIterations) return std::nullopt;
  }
  if (zero_is_fixed && q < kZeroFixedPoint) return 0.0;
  return q;
}

double correlation_fixed_point(const MeanField& mf, double q_star) {
  CorrelationKernels kernels(mf.act, q_star);
  return correlation_fixed_point(mf, q_star, kernels);
}

std::optional<double> depth_scale(double slope) {
  const double s = std::fabs(slope);
  if (!(s < 1)) return std::nullopt;
  if (s == 0) return 0.0;
  return -1 / portable::log(s);
}

Expected<double> check_sigma_w2(std::optional<double> value) {
  return check_range("sigma-w2", value, 0, true, 0, kMaxSigmaW2, true);
}

Expected<double> check_sigma_b2(std::optional<double> value) {
  return check_range("sigma-b2", value, 0, true, 0, kMaxSigmaB2, false);
}

Expected<double> check_q0(std::optional<double> value) {
  return check_range("q0", value, kDefaultQ0, false, 0, kMaxQ0, true);
}

Expected<TheoryConfig> check_theory(const TheoryRequest& request) {
  using Result = Expected<TheoryConfig>;
  if (request.act.empty()) return Result::failure("--act: required; valid: " + activation_ids());
  const Expected<Activation> act =
      make_activation(request.act, request.alpha.value_or(std::nan("")));
  if (!act.ok()) return Result::failure(act.error());
  const Expected<double> w2 = check_sigma_w2(request.sigma_w2);
  if (!w2.ok()) return Result::failure(w2.error());
  const Expected<double> b2 = check_sigma_b2(request.sigma_b2);
  if (!b2.ok()) return Result::failure(b2.error());
  const Expected<int> depth =
      check_depth(request.depth ? request.depth : std::optional<int>(kDefaultTheoryDepth));
  if (!depth.ok()) return Result::failure(depth.error());
  const Expected<double> q0 = check_q0(request.q0);
  if (!q0.ok()) return Result::failure(q0.error());
  const Expected<double> c0 = check_range("c0", request.c0, kDefaultC0, false, -1, 1, false);
  if (!c0.ok()) return Result::failure(c0.error());
  return TheoryConfig{{act.value(), w2.value(), b2.value()}, depth.value(), q0.value(), c0.value()};
}

Theory fixed_point_theory(const MeanField& mf, double q0) {
  Theory t;
  t.q_star = length_fixed_point(mf, q0);
  if (!t.q_star) return t;
  const double q = *t.q_star;
  t.chi1 = chi1(mf, q);
  t.xi_q = depth_scale(length_map_slope(mf, q));
  // Ordered: c* = 1 and xi_c = -1/ln chi1, with no two-dimensional kernel to build.
  if (*t.chi1 <= 1) {
    t.c_star = 1;
    t.xi_c = depth_scale(*t.chi1);
    return t;
  }
  CorrelationKernels kernels(mf.act, q);
  t.c_star = correlation_fixed_point(mf, q, kernels);
  t.xi_c = *t.c_star == 1 ? depth_scale(*t.chi1)
                          : depth_scale(mf.sigma_w2 * kernels.dphi_dphi(*t.c_star));
  return t;
}

Theory theory(const TheoryConfig& config) {
  const MeanField& mf = config.mf;
  Theory t = fixed_point_theory(mf, config.q0);
  double q = mf.sigma_w2 * config.q0 + mf.sigma_b2;
  double c = (mf.sigma_w2 * config.c0 * config.q0 + mf.sigma_b2) / q;
  for (int l = 1; l <= config.depth; ++l) {
    t.layers.push_back({l, q, c});
    if (!std::isfinite(q)) {
      c = std::nan("");
      continue;
    }
    c = std::isnan(c) ? c : correlation_step(mf, q, c);
    q = length_map(mf, q);
  }
  return t;
}

CriticalLinePoint critical_line_point(const Activation& act, double q) {
  const double sigma_w2 = 1 / mean_dphi2(act, q);
  return {q, sigma_w2, q - sigma_w2 * mean_phi2(act, q)};
}

std::vector<CriticalLinePoint> critical_line(const Activation& act, double q_lo, double q_hi,
                                             int points) {
  std::vector<CriticalLinePoint> line;
  const double log_lo = portable::log(q_lo), log_hi = portable::log(q_hi);
  for (int i = 0; i < points; ++i) {
    const double q = i == 0 ? q_lo
                     : i == points - 1
                         ? q_hi
                         : portable::exp(log_lo + (log_hi - log_lo) * i / (points - 1));
    line.push_back(critical_line_point(act, q));
  }
  return line;
}

CriticalPoint critical_point(const Activation& act, double sigma_b2) {
  // Homogeneous phi: chi1 does not depend on q, the line is the one point sigma_b2 = 0, where
  // the length map fixes every q.
  if (has_arc_cosine_kernel(act)) {
    if (sigma_b2 != 0) return {};
    return {1 / mean_dphi2(act, 1), std::nullopt};
  }
  if (sigma_b2 == 0 && act.value(0.0) == 0) return {1 / mean_dphi2(act, 0), 0.0};
  const auto f = [&](double q) { return critical_line_point(act, q).sigma_b2 - sigma_b2; };
  double q_lo = std::ldexp(1.0, -40), f_lo = f(q_lo);
  for (int k = -39; k <= 40; ++k) {
    const double q_hi = std::ldexp(1.0, k), f_hi = f(q_hi);
    if ((f_lo < 0) != (f_hi < 0) || f_lo == 0) {
      const double q = bracketed_root(f, q_lo, f_lo, q_hi, f_hi, 1e-14 * q_hi);
      return {critical_line_point(act, q).sigma_w2, q};
    }
    q_lo = q_hi, f_lo = f_hi;
  }
  return {};
}

}  // namespace actlab
