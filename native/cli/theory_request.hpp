#pragma once
// The flags of `actlab theory` read into a TheoryRequest (shared by `theory` and `measure`).
#include "actlab/expected.hpp"
#include "actlab/mean_field.hpp"
#include "args.hpp"

namespace actlab::cli {

Expected<TheoryRequest> read_theory_request(const Args& args);

}  // namespace actlab::cli
