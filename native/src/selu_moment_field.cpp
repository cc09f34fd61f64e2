#include "actlab/selu_moment_field.hpp"

#include <cmath>
#include <string>

#include "actlab/message_text.hpp"

namespace actlab {

namespace {

constexpr int kFixedPointSteps = 1000;
constexpr double kFixedPointTolerance = 1e-14;

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
  Moments m{0, 1};
  for (int step = 0; step < kFixedPointSteps && !escaped(m); ++step) {
    const Moments next = g(m);
    const double moved = std::fabs(next.mu - m.mu) + std::fabs(next.nu - m.nu);
    m = next;
    if (moved < kFixedPointTolerance) {
      out.fixed_point = m;
      out.jacobian = selu_moment_jacobian(m.mu, m.nu, r.omega, r.tau);
      break;
    }
  }
  return out;
}

}  // namespace actlab
