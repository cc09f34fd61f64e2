#pragma once
// The CLI's memory budget: the machine's, not the browser's.
#include <cstdint>

namespace actlab::cli {

// Half the physical memory (sysconf), the default of --max-memory; 256 MiB if unknown.
std::uint64_t default_memory_budget();

}  // namespace actlab::cli
