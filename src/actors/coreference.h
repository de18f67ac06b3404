// Short references within one document: the words of every person named so far ("Kim",
// "Jong-un", "Watson"), each pointing to the person it most likely means — the one mentioned
// most often, the latest on a tie. "Herr Kims Vater, Kim Jong-il" names Kim Jong-il in full, so
// he is registered too, but "Herr Kim" keeps meaning Kim Jong-un, who is mentioned more.
//
// Every operation is constant time in the length of the document: a mention only ever raises its
// referent's standing, so the best referent of each key is kept up to date as mentions are
// counted instead of being searched for on every lookup (a long document names the same person
// thousands of times, each full naming a referent of its own).
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
  // No one registered: every key resolves to -1 (asked first, as a key costs a transliteration).
  bool empty() const { return best_by_key_.empty(); }

 private:
  struct Standing {
    uint32_t mentions = 0;
    uint32_t last_seen = 0;  // clock of the latest mention, 0 before the first
    std::vector<std::string> keys;
  };
  // Strictly more mentions, or as many and seen later; an earlier registration wins a full tie.
  bool Outranks(int32_t referent, int32_t other) const;
  void Promote(const std::string& key, int32_t referent);

  std::unordered_map<std::string, int32_t> best_by_key_;
  std::unordered_map<int32_t, Standing> standings_;
  uint32_t clock_ = 0;
};

}  // namespace lagebild
