#include "actlab/number_grammar.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <regex>

namespace actlab {

std::optional<double> parse_number(const std::string& text) {
  static const std::regex pattern(kNumberPattern);
  if (!std::regex_match(text, pattern)) return std::nullopt;
  // strtod sets ERANGE on underflow too; a subnormal or zero result is still the number read.
  const double x = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(x)) return std::nullopt;
  return x;
}

std::optional<int> parse_integer(const std::string& text) {
  static const std::regex pattern(kIntegerPattern);
  if (!std::regex_match(text, pattern)) return std::nullopt;
  errno = 0;
  const long long x = std::strtoll(text.c_str(), nullptr, 10);
  if (errno == ERANGE || x < -INT_MAX || x > INT_MAX) return std::nullopt;
  return static_cast<int>(x);
}

}  // namespace actlab
