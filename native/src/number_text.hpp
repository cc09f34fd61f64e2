#pragma once
// Numbers in messages: the shortest text that reads back as the same double, so that
// "got 0.1" says 0.1 and "got 100.00000000000001" does not say 100; plain digits from 1 to
// 1e15 ("100", not %g's "1e+02"). The same on every target (printf's %g is correctly rounded
// in glibc and musl), so the CLI and the WebAssembly module give the same message.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace actlab {

inline std::string number_text(double x) {
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

}  // namespace actlab
