#include "actors/coreference.h"

#include <algorithm>

namespace lagebild {
namespace {

uint32_t Lookup(const std::unordered_map<int32_t, uint32_t>& table, int32_t key) {
  const auto found = table.find(key);
  return found == table.end() ? 0 : found->second;
}

}  // namespace

void ReferenceRegistry::Register(const std::string& key, int32_t referent) {
  if (key.empty()) return;
  std::vector<int32_t>& referents = referents_by_key_[key];
  if (std::find(referents.begin(), referents.end(), referent) == referents.end()) referents.push_back(referent);
}

void ReferenceRegistry::CountMention(int32_t referent) {
  ++mentions_[referent];
  last_seen_[referent] = ++clock_;
}

int32_t ReferenceRegistry::Resolve(const std::string& key) const {
  const auto found = referents_by_key_.find(key);
  if (found == referents_by_key_.end()) return -1;
  int32_t best = -1;
  for (int32_t referent : found->second) {
    if (best < 0) {
      best = referent;
      continue;
    }
    const uint32_t count = Lookup(mentions_, referent), best_count = Lookup(mentions_, best);
    if (count > best_count || (count == best_count && Lookup(last_seen_, referent) > Lookup(last_seen_, best))) {
      best = referent;
    }
  }
  return best;
}

}  // namespace lagebild
