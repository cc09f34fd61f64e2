#pragma once
// A value or a message a student can act on. The core never throws: the same checks
// serve the CLI (which prints the message and exits 2) and the WebAssembly module (which
// throws a JS Error carrying it), where C++ exceptions are compiled out.
#include <optional>
#include <string>
#include <utility>

namespace actlab {

template <class T>
class Expected {
 public:
  Expected(T value) : value_(std::move(value)) {}
  static Expected failure(std::string message) { return Expected(std::move(message), 0); }

  bool ok() const { return value_.has_value(); }
  const T& value() const { return *value_; }
  T& value() { return *value_; }
  const std::string& error() const { return error_; }

 private:
  Expected(std::string message, int) : error_(std::move(message)) {}
  std::optional<T> value_;
  std::string error_;
};

}  // namespace actlab
