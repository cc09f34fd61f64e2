#include "args.hpp"

#include "actlab/message_text.hpp"
#include "actlab/number_grammar.hpp"

namespace actlab::cli {

namespace {

std::string flag_list(const std::vector<FlagSpec>& flags) {
  std::string list;
  for (const FlagSpec& flag : flags) list += (list.empty() ? "--" : ", --") + flag.name;
  return list;
}

}  // namespace

Expected<Args> Args::parse(int argc, char** argv, int first, const std::string& command,
                           const std::vector<FlagSpec>& flags) {
  Args args;
  for (int i = first; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--help" || word == "-h") {  // in a flag's place only: `--act -h` is a value
      args.help_ = true;
      continue;
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& flag : flags) {
      if (word == "--" + flag.name) spec = &flag;
    }
    if (spec == nullptr) {
      return Expected<Args>::failure(quoted_text(word) + ": unknown flag for 'actlab " + command +
                                     "'; valid: " + flag_list(flags));
    }
    if (args.has(spec->name)) {
      return Expected<Args>::failure(word + ": given twice");
    }
    if (spec->placeholder.empty()) {
      args.values_[spec->name] = "";
      continue;
    }
    if (i + 1 >= argc) {
      return Expected<Args>::failure(word + ": needs a value (" + spec->placeholder + ")");
    }
    args.values_[spec->name] = argv[++i];
  }
  return args;
}

std::string Args::text(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

Expected<double> Args::number(const std::string& name, double fallback) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  const std::optional<double> x = parse_number(it->second);
  if (!x) {
    return Expected<double>::failure("--" + name + ": expected a finite decimal number, got " +
                                     quoted_text(it->second));
  }
  return *x;
}

Expected<int> Args::integer(const std::string& name, int fallback) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  const std::optional<int> x = parse_integer(it->second);
  if (!x) {
    return Expected<int>::failure("--" + name + ": expected an integer, got " +
                                  quoted_text(it->second));
  }
  return *x;
}

Expected<std::optional<double>> Args::optional_number(const std::string& name) const {
  using Result = Expected<std::optional<double>>;
  if (!has(name)) return Result(std::nullopt);
  const Expected<double> x = number(name, 0);
  return x.ok() ? Result(x.value()) : Result::failure(x.error());
}

Expected<std::optional<int>> Args::optional_integer(const std::string& name) const {
  using Result = Expected<std::optional<int>>;
  if (!has(name)) return Result(std::nullopt);
  const Expected<int> x = integer(name, 0);
  return x.ok() ? Result(x.value()) : Result::failure(x.error());
}

Expected<std::string> Args::choice(const std::string& name, const std::vector<std::string>& choices,
                                   const std::string& fallback) const {
  const std::string value = text(name, fallback);
  for (const std::string& c : choices) {
    if (c == value) return value;
  }
  return Expected<std::string>::failure("--" + name + ": unknown value " + quoted_text(value) +
                                        "; valid: " + list_text(choices));
}

}  // namespace actlab::cli
