#include "machine_memory.hpp"

#include <unistd.h>

#include "actlab/propagation.hpp"

namespace actlab::cli {

std::uint64_t default_memory_budget() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return kMemoryBudgetBytes;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size) / 2;
}

}  // namespace actlab::cli
