#include <cstdio>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/mean_field.hpp"
#include "actlab/network.hpp"
#include "actlab/trainable_depth.hpp"
#include "command.hpp"
#include "shared_flags.hpp"
#include "theory_json.hpp"
#include "theory_request.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json"}};

Expected<TheoryRequest> read_theory_request(const Args& args) {
  TheoryRequest r;
  r.act = args.text("act", "");
  std::string error;
  const auto read_number = [&](const char* name, std::optional<double>& target) {
    const auto x = args.optional_number(name);
    if (!x.ok() && error.empty()) error = x.error();
    if (x.ok()) target = x.value();
  };
  read_number("alpha", r.alpha);
  read_number("sigma-w2", r.sigma_w2);
  read_number("sigma-b2", r.sigma_b2);
  const auto depth = args.optional_integer("depth");
  if (!depth.ok() && error.empty()) error = depth.error();
  if (depth.ok()) r.depth = depth.value();
  read_number("q0", r.q0);
  read_number("c0", r.c0);
  if (!error.empty()) return Expected<TheoryRequest>::failure(error);
  return r;
}

namespace {

std::string text(const Theory& t) {
  const auto field = [](std::optional<double> x) { return number_or_none(x); };
  std::string out = "q* " + field(t.q_star) + "  chi1 " + field(t.chi1) + "  xi_q " +
                    field(t.xi_q) + "  xi_c " + field(t.xi_c) + "  c* " + field(t.c_star) +
                    "  trainable depth " + field(trainable_depth(t.xi_c)) +
                    "\nlayer  q            c\n";
  char line[96];
  for (const TheoryLayer& l : t.layers) {
    std::snprintf(line, sizeof line, "%-6d %-12.6g %.6g\n", l.index, l.q, l.c);
    out += line;
  }
  return out;
}

Expected<std::string> run_theory(const Args& args) {
  const Expected<TheoryRequest> request = read_theory_request(args);
  if (!request.ok()) return Expected<std::string>::failure(request.error());
  const Expected<TheoryConfig> config = check_theory(request.value());
  if (!config.ok()) return Expected<std::string>::failure(config.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;
  const Theory t = theory(config.value());
  if (format.value() == "text") return text(t);
  nlohmann::json layers = nlohmann::json::array();
  for (const TheoryLayer& l : t.layers) {
    layers.push_back({{"index", l.index}, {"q", number_or_null(l.q)}, {"c", number_or_null(l.c)}});
  }
  const MeanField& mf = config.value().mf;
  const nlohmann::json doc = {{"activation", info(mf.act.kind).id},
                              {"sigma_w2", mf.sigma_w2},
                              {"sigma_b2", mf.sigma_b2},
                              {"q_star", number_or_null(t.q_star)},
                              {"chi1", number_or_null(t.chi1)},
                              {"xi_q", number_or_null(t.xi_q)},
                              {"xi_c", number_or_null(t.xi_c)},
                              {"c_star", number_or_null(t.c_star)},
                              {"trainable_depth", number_or_null(trainable_depth(t.xi_c))},
                              {"layers", layers}};
  return doc.dump() + "\n";
}

}  // namespace

Command theory_command() {
  return {
      "theory",
      "mean-field theory at (sigma_w2, sigma_b2): q*, chi1, depth scales, q_l and c_l",
      {act_flag(), alpha_flag(), sigma_w2_flag(), sigma_b2_flag(),
       depth_flag("layers", kMaxDepth, kDefaultTheoryDepth), q0_flag(), c0_flag(), kFormats.flag()},
      run_theory,
      "Infinite width (Poole et al. 2016; Schoenholz et al. 2017), z ~ N(0, 1):\n"
      "  q_1 = sigma_w2 q0 + sigma_b2,  q_l = sigma_w2 E[phi(sqrt(q_{l-1}) z)^2] + sigma_b2\n"
      "  c_l = (sigma_w2 E[phi(u1) phi(u2)] + sigma_b2) / q_l   (u: variance q_{l-1}, "
      "correlation c_{l-1})\n"
      "  chi1 = sigma_w2 E[phi'(sqrt(q*) z)^2]: < 1 ordered, > 1 chaotic\n"
      "  xi_q = -1/ln(chi1 + sigma_w2 E[phi'' phi]),  xi_c = -1/ln(sigma_w2 E[phi'(u1) "
      "phi'(u2)]) at c*\n"
      "q* is the limit from q0; none (null) where q_l grows without bound, and a depth\n"
      "scale is none where it diverges (on the critical line).\n"
      "trainable_depth = 6 xi_c: networks deeper than that did not train (Schoenholz et\n"
      "al. 2017, Sec. 5); none where xi_c is."};
}

}  // namespace actlab::cli
