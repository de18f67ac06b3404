#include "actors/surface_memo.h"

namespace lagebild {

SurfaceMemo& SurfaceMemo::ForThisThread() {
  thread_local SurfaceMemo memo;
  if (memo.facts_.size() >= kMaxWords) memo = SurfaceMemo();
  return memo;
}

SurfaceMemo::Facts& SurfaceMemo::Of(std::string_view surface) {
  if (auto found = index_.find(surface); found != index_.end()) return facts_[found->second];
  Facts& facts = facts_.emplace_back();
  facts.surface = std::string(surface);
  index_.try_emplace(facts.surface, static_cast<uint32_t>(facts_.size() - 1));
  return facts;
}

}  // namespace lagebild
