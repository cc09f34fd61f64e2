#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "actlab/activation_info.hpp"
#include "actlab/jacobian.hpp"
#include "actlab/mean_field_point.hpp"
#include "command.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json", "csv"}};

namespace {

struct JacobianFlags {
  PropagationRequest request;
  std::optional<double> sigma_w2, sigma_b2;
};

Expected<JacobianFlags> read_flags(const Args& args) {
  JacobianFlags f;
  PropagationRequest& r = f.request;
  r.act = args.text("act", "");
  r.init = args.text("init", "");
  std::string error;
  const auto read_number = [&](const char* name, std::optional<double>& target) {
    const auto x = args.optional_number(name);
    if (!x.ok() && error.empty()) error = x.error();
    if (x.ok()) target = x.value();
  };
  const auto read_integer = [&](const char* name, std::optional<int>& target) {
    const auto x = args.optional_integer(name);
    if (!x.ok() && error.empty()) error = x.error();
    if (x.ok()) target = x.value();
  };
  read_number("alpha", r.alpha);
  read_number("init-std", r.init_std);
  read_number("gain", r.gain);
  read_number("sigma-w2", f.sigma_w2);
  read_number("sigma-b2", f.sigma_b2);
  read_integer("depth", r.depth);
  read_integer("width", r.width);
  read_number("input-std", r.input_std);
  read_number("bias-std", r.bias_std);
  read_number("seed", r.seed);
  if (!error.empty()) return Expected<JacobianFlags>::failure(error);
  return f;
}

nlohmann::json moments(const SpectrumMoments& m) {
  return {{"mean", m.mean}, {"variance", m.variance}};
}

// init,quantity,index,value: one row per singular value (descending, index from 1), then the
// JSON's moments by their JSON names, in %.17g.
std::string csv(const PropagationConfig& c, const JacobianSpectrum& s) {
  const std::string init = info(c.init.kind).id;
  std::string out = "init,quantity,index,value\n";
  char line[128];
  for (std::size_t i = 0; i < s.singular_values.size(); ++i) {
    std::snprintf(line, sizeof line, "%s,singular_value,%zu,%.17g\n", init.c_str(), i + 1,
                  s.singular_values[i]);
    out += line;
  }
  const std::pair<const char*, double> moments[] = {
      {"moments.mean", s.measured.mean},
      {"moments.variance", s.measured.variance},
      {"predicted.gaussian.mean", s.gaussian.mean},
      {"predicted.gaussian.variance", s.gaussian.variance},
      {"predicted.orthogonal.mean", s.orthogonal.mean},
      {"predicted.orthogonal.variance", s.orthogonal.variance}};
  for (const auto& [name, value] : moments) {
    std::snprintf(line, sizeof line, "%s,%s,,%.17g\n", init.c_str(), name, value);
    out += line;
  }
  return out;
}

Expected<std::string> run_jacobian(const Args& args) {
  const Expected<JacobianFlags> flags = read_flags(args);
  if (!flags.ok()) return Expected<std::string>::failure(flags.error());
  const JacobianFlags& f = flags.value();
  PropagationRequest r = f.request;
  if (f.sigma_w2 || f.sigma_b2) {
    // The mean-field point's initializer, then jacobian's own limits.
    r.batch = 1;
    const Expected<PropagationConfig> point = check_mean_field_point(r, f.sigma_w2, f.sigma_b2);
    if (!point.ok()) return Expected<std::string>::failure(point.error());
    r.init = "normal";
    r.init_std = point.value().init.std;
    r.bias_std = point.value().bias_std;
  }
  const Expected<PropagationConfig> config = check_jacobian(r);
  if (!config.ok()) return Expected<std::string>::failure(config.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  const PropagationConfig& c = config.value();
  const JacobianSpectrum s = input_output_jacobian(c);
  if (format.value() == "csv") return csv(c, s);
  if (format.value() == "text") {
    char line[256];
    std::snprintf(line, sizeof line,
                  "eigenvalues of J J^T: mean %.6g variance %.6g (predicted: gaussian %.6g %.6g, "
                  "orthogonal %.6g %.6g)\nsingular values:\n",
                  s.measured.mean, s.measured.variance, s.gaussian.mean, s.gaussian.variance,
                  s.orthogonal.mean, s.orthogonal.variance);
    std::string out = line;
    for (const double sv : s.singular_values) {
      std::snprintf(line, sizeof line, "%.9g\n", sv);
      out += line;
    }
    return out;
  }
  const nlohmann::json doc = {
      {"activation", info(c.act.kind).id},
      {"init", info(c.init.kind).id},
      {"depth", c.shape.depth},
      {"width", c.shape.width},
      {"seed", c.seed},
      {"sigma_w2", s.sigma_w2},
      {"sigma_b2", s.sigma_b2},
      {"singular_values", s.singular_values},
      {"moments", moments(s.measured)},
      {"predicted", {{"gaussian", moments(s.gaussian)}, {"orthogonal", moments(s.orthogonal)}}}};
  return doc.dump() + "\n";
}

}  // namespace

Command jacobian_command() {
  return {
      "jacobian",
      "singular values of the input-output Jacobian of a deep network at one input",
      {act_flag(), alpha_flag(), init_or_sigma_flag(), init_std_flag(), gain_flag(),
       sigma_w2_flag(true), sigma_b2_flag(true), depth_flag("number of layers", kMaxDepth),
       width_flag("units per layer and input features", kMaxJacobianWidth), input_std_flag("x"),
       bias_std_flag(), seed_flag(), kFormats.flag()},
      run_jacobian,
      "J = dh_L/dh_0 = D_L W_L ... D_1 W_1, D_l = diag(phi'(z_l)), in double; its singular\n"
      "values (a one-sided Jacobi SVD, the same bits on every machine) and the mean and\n"
      "variance of the eigenvalues of J J^T beside the mean-field prediction (Pennington\n"
      "et al. 2017): mean prod_l sigma_w2 mu1(q_l),\n"
      "variance/mean^2 = sum_l (mu2/mu1^2 - 1 + s), mu_k = E[phi'^(2k)], s = 1 for i.i.d.\n"
      "weights and 0 for orthogonal. CSV: init,quantity,index,value, a row per singular value,\n"
      "then one per moment by its JSON name (moments.mean, predicted.gaussian.variance, ...)."};
}

}  // namespace actlab::cli
