#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/curve.hpp"
#include "actlab/message_text.hpp"
#include "command.hpp"
#include "help_text.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"csv", "json"}};

namespace {

std::string csv(const Curve& curve) {
  std::string out = "z,value,derivative\n";
  char line[96];
  for (std::size_t i = 0; i < curve.z.size(); ++i) {
    std::snprintf(line, sizeof line, "%.17g,%.17g,%.17g\n", curve.z[i], curve.value[i],
                  curve.derivative[i]);
    out += line;
  }
  return out;
}

std::string json(const std::string& id, const Activation& act, const Curve& curve) {
  const nlohmann::json doc = {{"activation", id},
                              {"alpha", act.alpha},
                              {"z", curve.z},
                              {"value", curve.value},
                              {"derivative", curve.derivative}};
  return doc.dump() + "\n";
}

Expected<std::string> run_curve(const Args& args) {
  if (!args.has("act")) {
    return Expected<std::string>::failure("--act: required; valid: " + activation_ids());
  }
  const Expected<double> alpha = args.number("alpha", std::numeric_limits<double>::quiet_NaN());
  if (!alpha.ok()) return Expected<std::string>::failure(alpha.error());
  const std::string id = args.text("act", "");
  const Expected<Activation> act = make_activation(id, alpha.value());
  if (!act.ok()) return Expected<std::string>::failure(act.error());

  CurveGrid grid;
  const Expected<double> from = args.number("from", grid.from);
  const Expected<double> to = args.number("to", grid.to);
  const Expected<int> points = args.integer("points", grid.points);
  for (const std::string* error : {&from.error(), &to.error(), &points.error()}) {
    if (!error->empty()) return Expected<std::string>::failure(*error);
  }
  const Expected<CurveGrid> checked = check_curve_grid({from.value(), to.value(), points.value()});
  if (!checked.ok()) return Expected<std::string>::failure(checked.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;

  const Curve curve = sample_curve(act.value(), checked.value());
  return format.value() == "csv" ? csv(curve) : json(id, act.value(), curve);
}

}  // namespace

Command curve_command() {
  return {"curve",
          "phi(z) and phi'(z) on N evenly spaced points from F to T",
          {act_flag(),
           alpha_flag(),
           {"from", "F",
            "first z, " + span(-kMaxCurveAbsZ, kMaxCurveAbsZ) + " (default " +
                number_text(CurveGrid().from) + ")"},
           {"to", "T",
            "last z, " + span(-kMaxCurveAbsZ, kMaxCurveAbsZ) + " (default " +
                number_text(CurveGrid().to) + ")"},
           {"points", "N",
            "number of points, " + span(kMinCurvePoints, kMaxCurvePoints) + " (default " +
                number_text(CurveGrid().points) + ")"},
           kFormats.flag()},
          run_curve};
}

}  // namespace actlab::cli
