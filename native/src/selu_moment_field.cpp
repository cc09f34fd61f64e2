#include "actlab/selu_moment_field.hpp"

#include <cmath>
#include <optional>
#include <string>

#include "actlab/message_text.hpp"

namespace actlab {

namespace {

constexpr int kFixedPointSteps = 1000;
constexpr double kFixedPointTolerance = 1e-14;
constexpr int kNewtonSteps = 50;

// "" when lo <= x <= hi, else the flag's message.
std::string outside(const char* flag, double x, double lo, double hi) {
  if (std::isfinite(x) && x >= lo && x <= hi) return "";
  return std::string("--") + flag + ": must be a number in [" + number_text(lo) + ", " +
         number_text(hi) + "], got " + number_text(x);
}

bool escaped(const Moments& m) {
  return !std::isfinite(m.mu) || !(m.nu > 0 && m.nu <= kFieldEscapeNu);
}

double node(const double (&range)[2], int i) {
  return range[0] + (range[1] - range[0]) * i / (kFieldPoints - 1);
}

// |g(m) - m|, summed over both moments.
template <class Map>
double residual(const Map& g, const Moments& m) {
  const Moments next = g(m);
  return std::fabs(next.mu - m.mu) + std::fabs(next.nu - m.nu);
}

// g's fixed point from (0, 1): iterated, which finds it where g contracts; then Newton's method
// on g(m) - m = 0 with g's Jacobian, for a fixed point the iteration approaches too slowly (at
// tau = 0.5, nu* = 0.004 and the map contracts by ~0.99 a layer). None where the iteration
// escapes or Newton does not settle on a positive variance.
template <class Map>
std::optional<Moments> fixed_point(const Map& g, const MomentFieldRequest& r) {
  Moments m{0, 1};
  for (int step = 0; step < kFixedPointSteps && !escaped(m); ++step) {
    const Moments next = g(m);
    const double moved = std::fabs(next.mu - m.mu) + std::fabs(next.nu - m.nu);
    m = next;
    if (moved < kFixedPointTolerance) return m;
  }
  for (int step = 0; step < kNewtonSteps && !escaped(m); ++step) {
    const Moments next = g(m);
    const MomentJacobian j = selu_moment_jacobian(m.mu, m.nu, r.omega, r.tau);
    // (J - I) delta = m - g(m), by Cramer's rule.
    const double a = j.dmu_dmu - 1, b = j.dmu_dnu, c = j.dnu_dmu, d = j.dnu_dnu - 1;
    const double e = m.mu - next.mu, f = m.nu - next.nu;
    const double det = a * d - b * c;
    if (det == 0) return std::nullopt;
    m = {m.mu + (e * d - b * f) / det, m.nu + (a * f - e * c) / det};
    if (!escaped(m) && residual(g, m) < kFixedPointTolerance) return m;
  }
  return std::nullopt;
}

}  // namespace

Expected<MomentFieldRequest> check_moment_field(const MomentFieldRequest& r) {
  using Result = Expected<MomentFieldRequest>;
  std::string message = outside("omega", r.omega, -kMaxFieldOmega, kMaxFieldOmega);
  if (message.empty()) message = outside("tau", r.tau, kFieldTau[0], kFieldTau[1]);
  if (!message.empty()) return Result::failure(message);
  return r;
}

MomentField selu_moment_field(const MomentFieldRequest& r) {
  MomentField out;
  const auto g = [&](const Moments& m) { return selu_moment_map(m.mu, m.nu, r.omega, r.tau); };
  for (int row = 0; row < kFieldPoints; ++row) {
    for (int c = 0; c < kFieldPoints; ++c) {
      const Moments here{node(kFieldMu, c), node(kFieldNu, row)};
      const Moments next = g(here);
      out.mu.push_back(here.mu), out.nu.push_back(here.nu);
      out.mu_next.push_back(next.mu), out.nu_next.push_back(next.nu);
    }
  }
  for (const Moments& start : kFieldStarts) {
    std::vector<Moments> path{start};
    for (int step = 0; step < kFieldSteps && !escaped(path.back()); ++step) {
      path.push_back(g(path.back()));
    }
    out.trajectories.push_back(path);
  }
  out.fixed_point = fixed_point(g, r);
  if (out.fixed_point) {
    out.jacobian = selu_moment_jacobian(out.fixed_point->mu, out.fixed_point->nu, r.omega, r.tau);
  }
  return out;
}

}  // namespace actlab
