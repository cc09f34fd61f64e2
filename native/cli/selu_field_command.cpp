#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>

#include "actlab/message_text.hpp"
#include "actlab/selu_moment_field.hpp"
#include "command.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"csv", "json"}};

namespace {

// "[lo, hi]".
std::string interval(double lo, double hi) {
  return "[" + number_text(lo) + ", " + number_text(hi) + "]";
}

// %.17g, or nothing for a cell that does not apply.
std::string cell(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", x);
  return text;
}

// One row per grid node, trajectory point and the fixed point:
// record,index,step,mu,nu,mu_next,nu_next,spectral_norm (empty where it does not apply).
std::string csv(const MomentField& f) {
  std::string out = "record,index,step,mu,nu,mu_next,nu_next,spectral_norm\n";
  for (std::size_t i = 0; i < f.mu.size(); ++i) {
    out += "grid," + std::to_string(i) + ",," + cell(f.mu[i]) + "," + cell(f.nu[i]) + "," +
           cell(f.mu_next[i]) + "," + cell(f.nu_next[i]) + ",\n";
  }
  for (std::size_t k = 0; k < f.trajectories.size(); ++k) {
    const std::vector<Moments>& path = f.trajectories[k];
    for (std::size_t s = 0; s < path.size(); ++s) {
      out += "trajectory," + std::to_string(k) + "," + std::to_string(s) + "," + cell(path[s].mu) +
             "," + cell(path[s].nu) + ",,,\n";
    }
  }
  if (f.fixed_point) {
    out += "fixed_point,0,," + cell(f.fixed_point->mu) + "," + cell(f.fixed_point->nu) + ",,," +
           cell(f.jacobian->spectral_norm) + "\n";
  }
  return out;
}

std::string json(const MomentFieldRequest& r, const MomentField& f) {
  nlohmann::json paths = nlohmann::json::array();
  for (const std::vector<Moments>& path : f.trajectories) {
    nlohmann::json mu = nlohmann::json::array(), nu = nlohmann::json::array();
    for (const Moments& m : path) mu.push_back(m.mu), nu.push_back(m.nu);
    paths.push_back({{"mu", mu}, {"nu", nu}});
  }
  nlohmann::json fixed = nullptr;
  if (f.fixed_point) {
    const MomentJacobian& j = *f.jacobian;
    fixed = {{"mu", f.fixed_point->mu},
             {"nu", f.fixed_point->nu},
             {"jacobian", {{j.dmu_dmu, j.dmu_dnu}, {j.dnu_dmu, j.dnu_dnu}}},
             {"spectral_norm", j.spectral_norm}};
  }
  const nlohmann::json doc = {
      {"omega", r.omega},
      {"tau", r.tau},
      {"grid", {{"mu", f.mu}, {"nu", f.nu}, {"mu_next", f.mu_next}, {"nu_next", f.nu_next}}},
      {"trajectories", paths},
      {"fixed_point", fixed}};
  return doc.dump() + "\n";
}

Expected<std::string> run_selu_field(const Args& args) {
  using Result = Expected<std::string>;
  MomentFieldRequest r;
  const Expected<double> omega = args.number("omega", r.omega);
  if (!omega.ok()) return Result::failure(omega.error());
  const Expected<double> tau = args.number("tau", r.tau);
  if (!tau.ok()) return Result::failure(tau.error());
  r.omega = omega.value(), r.tau = tau.value();
  const Expected<MomentFieldRequest> checked = check_moment_field(r);
  if (!checked.ok()) return Result::failure(checked.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  const MomentField f = selu_moment_field(checked.value());
  return format.value() == "csv" ? csv(f) : json(checked.value(), f);
}

}  // namespace

Command selu_field_command() {
  return {
      "selu-field",
      "SELU's moment map (mu, nu) -> (mu~, nu~) over a grid, trajectories and its fixed point",
      {{"omega", "W",
        "sum of a unit's weights, in " + interval(-kMaxFieldOmega, kMaxFieldOmega) + " (default " +
            number_text(MomentFieldRequest().omega) + ")"},
       {"tau", "T",
        "sum of a unit's squared weights (sigma_w2), in " + interval(kFieldTau[0], kFieldTau[1]) +
            " (default " + number_text(MomentFieldRequest().tau) + ")"},
       kFormats.flag()},
      run_selu_field,
      "Klambauer et al. 2017: z ~ N(mu omega, nu tau), mu~ = E[selu(z)], nu~ = Var[selu(z)],\n"
      "on a " +
          number_text(kFieldPoints) + " x " + number_text(kFieldPoints) + " grid of mu in " +
          interval(kFieldMu[0], kFieldMu[1]) + ", nu in " + interval(kFieldNu[0], kFieldNu[1]) +
          "; " + number_text(std::size(kFieldStarts)) + " trajectories of " +
          number_text(kFieldSteps) + " layers\nfrom the grid's edge (stopped once nu > " +
          number_text(kFieldEscapeNu) +
          "); the fixed point iterated from (0, 1)\n"
          "and the spectral norm of the map's Jacobian there (0.7877 at omega 0, tau 1), null\n"
          "(no fixed_point row in CSV) where the iteration escapes or does not settle."};
}

}  // namespace actlab::cli
