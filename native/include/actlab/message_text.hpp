#pragma once
// How every message writes a value, so that the CLI and the WebAssembly module give the same
// message for the same input.
// Numbers: the shortest text that reads back as the same double, so that "got 0.1" says 0.1
// and "got 1.0000001" does not say 1; plain digits from 1 to 1e15 ("100", not %g's "1e+02").
// The same on every target (printf's %g is correctly rounded in glibc and musl).
// Text a user typed: in single quotes, with control characters escaped (\n, \t, \r, \xHH), so
// that a message stays one line.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace actlab {

inline std::string number_text(double x) {
  if (std::isnan(x)) return "NaN";  // as JavaScript writes them
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  char text[32];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, x);
    if (std::strtod(text, nullptr) == x) break;
  }
  const double magnitude = std::fabs(x);
  while (magnitude >= 1 && magnitude < 1e15 && std::strchr(text, 'e') != nullptr) {
    std::snprintf(text, sizeof text, "%.*g", ++digits, x);
  }
  return text;
}

// "a, b, c": the valid ids a message lists.
inline std::string list_text(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

inline std::string quoted_text(const std::string& text) {
  std::string out = "'";
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += ch;
    }
  }
  return out + "'";
}

}  // namespace actlab
