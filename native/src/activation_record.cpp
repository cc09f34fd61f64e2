#include "actlab/activation_record.hpp"

namespace actlab {

namespace {

// A writer that keeps the names of the fields written to it.
struct FieldNames {
  std::vector<std::string> names;
  void text(const std::string& name, const std::string&) { names.push_back(name); }
  void number(const std::string& name, double) { names.push_back(name); }
  void boolean(const std::string& name, bool) { names.push_back(name); }
  void optional_number(const std::string& name, std::optional<double>) { names.push_back(name); }
  void pair(const std::string& name, std::optional<double>, std::optional<double>) {
    names.push_back(name);
  }
  template <class F>
  void object(const std::string& name, bool, const F&) {
    names.push_back(name);
  }
};

}  // namespace

std::vector<std::string> activation_record_fields() {
  FieldNames writer;
  write_activation_record(Activation{}, writer);
  return writer.names;
}

}  // namespace actlab
