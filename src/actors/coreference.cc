#include "actors/coreference.h"

#include <algorithm>

namespace lagebild {

void ReferenceRegistry::Register(const std::string& key, int32_t referent) {
  if (key.empty()) return;
  std::vector<std::string>& keys = standings_[referent].keys;
  if (std::find(keys.begin(), keys.end(), key) != keys.end()) return;
  keys.push_back(key);
  Promote(key, referent);
}

void ReferenceRegistry::CountMention(int32_t referent) {
  Standing& standing = standings_[referent];
  ++standing.mentions;
  standing.last_seen = ++clock_;
  for (const std::string& key : standing.keys) Promote(key, referent);
}

int32_t ReferenceRegistry::Resolve(const std::string& key) const {
  const auto found = best_by_key_.find(key);
  return found == best_by_key_.end() ? -1 : found->second;
}

bool ReferenceRegistry::Outranks(int32_t referent, int32_t other) const {
  const Standing& mine = standings_.at(referent);
  const Standing& theirs = standings_.at(other);
  return mine.mentions > theirs.mentions || (mine.mentions == theirs.mentions && mine.last_seen > theirs.last_seen);
}

void ReferenceRegistry::Promote(const std::string& key, int32_t referent) {
  const auto [best, inserted] = best_by_key_.try_emplace(key, referent);
  if (!inserted && best->second != referent && Outranks(referent, best->second)) best->second = referent;
}

}  // namespace lagebild
