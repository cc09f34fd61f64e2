#pragma once
// The one grammar of the numbers a person types, for the CLI's flags and the page's URL: plain
// decimal, an optional '-', digits with an optional fraction, an optional exponent. No '+', no
// spaces, no hex, no inf or nan. Written as an ECMAScript regular expression, which the CLI
// matches with std::regex and the page (through the module's limits) with RegExp.
#include <optional>
#include <string>

namespace actlab {

inline constexpr const char* kNumberPattern =
    "-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
inline constexpr const char* kIntegerPattern = "-?[0-9]+";

// The double of a text in the grammar when it is finite (subnormals such as 1e-310 included,
// as JavaScript's Number reads them), else nullopt: 1e400 is not finite.
std::optional<double> parse_number(const std::string& text);

// An integer in the grammar kIntegerPattern within the int range, else nullopt.
std::optional<int> parse_integer(const std::string& text);

}  // namespace actlab
