#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/mean_field.hpp"
#include "command.hpp"
#include "shared_flags.hpp"
#include "theory_json.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json"}};

namespace {

Expected<std::string> run_critical(const Args& args) {
  using Result = Expected<std::string>;
  if (!args.has("act")) return Result::failure("--act: required; valid: " + activation_ids());
  const Expected<double> alpha = args.number("alpha", std::numeric_limits<double>::quiet_NaN());
  if (!alpha.ok()) return Result::failure(alpha.error());
  const Expected<std::optional<double>> b2_flag = args.optional_number("sigma-b2");
  if (!b2_flag.ok()) return Result::failure(b2_flag.error());
  const std::string id = args.text("act", "");
  const Expected<Activation> act = make_activation(id, alpha.value());
  if (!act.ok()) return Result::failure(act.error());
  const Expected<double> b2 = check_sigma_b2(b2_flag.value());
  if (!b2.ok()) return Result::failure(b2.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;

  const CriticalPoint p = critical_point(act.value(), b2.value());
  if (format.value() == "text") {
    return "sigma_b2 " + number_or_none(b2.value()) + "  sigma_w2 " +
           number_or_none(p.sigma_w2, 10) + "  q* " + number_or_none(p.q_star, 10) + "\n";
  }
  const nlohmann::json doc = {{"activation", id},
                              {"sigma_b2", b2.value()},
                              {"sigma_w2", number_or_null(p.sigma_w2)},
                              {"q_star", number_or_null(p.q_star)}};
  return doc.dump() + "\n";
}

}  // namespace

Command critical_command() {
  return {"critical",
          "the point of the order-chaos line (chi1 = 1) at sigma_b2: sigma_w2 and q*",
          {act_flag(), alpha_flag(), sigma_b2_flag(), kFormats.flag()},
          run_critical,
          "The line traced by q: sigma_w2 = 1/E[phi'(sqrt(q) z)^2], sigma_b2 = q - sigma_w2 "
          "E[phi(sqrt(q) z)^2];\n"
          "the smallest q* with that sigma_b2. null (none in text) where there is none: relu's\n"
          "line is the one point (2, 0), where every q is a fixed point (q* null)."};
}

}  // namespace actlab::cli
