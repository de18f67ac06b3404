// Short references within one document: the words of every person named so far ("Kim",
// "Jong-un", "Watson"), each pointing to the person it most likely means — the one mentioned
// most often, the latest on a tie. "Herr Kims Vater, Kim Jong-il" names Kim Jong-il in full, so
// he is registered too, but "Herr Kim" keeps meaning Kim Jong-un, who is mentioned more.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lagebild {

class ReferenceRegistry {
 public:
  // `referent` is the index of the entity first naming the person; `key` a name word's key.
  // Registering does not count as a mention; call CountMention once per mention.
  void Register(const std::string& key, int32_t referent);
  // Counts another mention of the referent (it becomes more likely for its short forms).
  void CountMention(int32_t referent);
  // The referent a short form most likely means, or -1.
  int32_t Resolve(const std::string& key) const;

 private:
  std::unordered_map<std::string, std::vector<int32_t>> referents_by_key_;
  std::unordered_map<int32_t, uint32_t> mentions_;
  std::unordered_map<int32_t, uint32_t> last_seen_;
  uint32_t clock_ = 0;
};

}  // namespace lagebild
