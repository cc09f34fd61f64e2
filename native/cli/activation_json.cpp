#include "activation_json.hpp"

#include "actlab/activation_record.hpp"

namespace actlab::cli {

namespace {

nlohmann::json optional_json(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// write_activation_record's writer into one JSON object.
struct JsonWriter {
  nlohmann::json& out;
  void text(const std::string& name, const std::string& x) { out[name] = x; }
  void number(const std::string& name, double x) { out[name] = x; }
  void boolean(const std::string& name, bool x) { out[name] = x; }
  void optional_number(const std::string& name, std::optional<double> x) {
    out[name] = optional_json(x);
  }
  void pair(const std::string& name, std::optional<double> lo, std::optional<double> hi) {
    out[name] = {optional_json(lo), optional_json(hi)};
  }
  template <class F>
  void object(const std::string& name, bool present, const F& fill) {
    nlohmann::json inner = present ? nlohmann::json::object() : nlohmann::json(nullptr);
    if (present) {
      JsonWriter writer{inner};
      fill(writer);
    }
    out[name] = inner;
  }
};

}  // namespace

nlohmann::json activation_json(const Activation& act) {
  nlohmann::json out = nlohmann::json::object();
  JsonWriter writer{out};
  write_activation_record(act, writer);
  return out;
}

}  // namespace actlab::cli
