#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "actlab/activation_info.hpp"
#include "actlab/bound.hpp"
#include "actlab/propagation.hpp"
#include "command.hpp"
#include "help_text.hpp"
#include "shared_flags.hpp"

namespace actlab::cli {

// The output formats, the first the default.
const Formats kFormats = {{"text", "json"}};

namespace {

std::string table(const LectureBound& b) {
  std::string out = "k    layer  bound\n";
  char line[64];
  const int depth = static_cast<int>(b.bound.size());
  for (int k = 0; k < depth; ++k) {
    std::snprintf(line, sizeof line, "%-4d %-6d %.6g\n", k, depth - k, b.bound[k]);
    out += line;
  }
  return out;
}

Expected<std::string> run_bound(const Args& args) {
  if (!args.has("act")) {
    return Expected<std::string>::failure("--act: required; valid: " + activation_ids());
  }
  const Expected<double> alpha = args.number("alpha", std::numeric_limits<double>::quiet_NaN());
  if (!alpha.ok()) return Expected<std::string>::failure(alpha.error());
  const Expected<std::optional<int>> depth_flag = args.optional_integer("depth");
  if (!depth_flag.ok()) return Expected<std::string>::failure(depth_flag.error());
  const std::string id = args.text("act", "");
  const Expected<Activation> act = make_activation(id, alpha.value());
  if (!act.ok()) return Expected<std::string>::failure(act.error());
  const Expected<int> depth = check_depth(depth_flag.value());
  if (!depth.ok()) return Expected<std::string>::failure(depth.error());
  const Expected<std::string> format = kFormats.read(args);
  if (!format.ok()) return format;

  const LectureBound b = lecture_bound(act.value(), depth.value());
  if (format.value() == "text") return table(b);
  const nlohmann::json doc = {{"activation", id},
                              {"alpha", act.value().alpha},
                              {"depth", depth.value()},
                              {"max_derivative", b.max_derivative},
                              {"bound", b.bound}};
  return doc.dump() + "\n";
}

}  // namespace

Command bound_command() {
  return {"bound",
          "the lecture's bound (sup|phi'|)^(k+1) on dL/dtheta^(L-k), k = 0..L-1",
          {act_flag(), alpha_flag(), depth_flag("number of layers", kMaxDepth), kFormats.flag()},
          run_bound};
}

}  // namespace actlab::cli
