#include "util/surface_memo.h"

#include <atomic>

namespace lagebild {

uint64_t NewSurfaceMemoOwner() {
  static std::atomic<uint64_t> next{1};  // 0 is SurfaceMemo::kAnyOwner
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace lagebild
