#include "command.hpp"

namespace actlab::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      list_command(),     curve_command(),      inits_command(),  propagate_command(),
      bound_command(),    train_command(),      theory_command(), critical_command(),
      jacobian_command(), selu_field_command(), limits_command(), measure_command()};
  return all;
}

}  // namespace actlab::cli
