// Whether a word can start a dictionary name, remembered across the documents one thread reads.
//
// The actor stage asks it of every word that may start an entity: the word's name key (ICU
// transliteration and our folding), its stem key and, in German, its key without a genitive -s,
// each looked up among the name prefixes. Most such words start no name, and the answer costs
// hundreds of instructions and a cache miss in a large table. It depends on the word as written,
// the dictionary and the language's rules only, and the same capitalised words come back
// document after document (AG News: 75 % of its capitalised words were among the 16,384 before).
//
// A direct-mapped table of fixed size: a word's slot is taken from its hash, and a newer word
// pushes an older one out. Slots keep the word's bytes, so an answer is never a collision's;
// longer words are not kept. The slots are allocated when the first answer is kept: a thread
// that never analyses (a `serve` connection that only queries) holds none.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lagebild {

class NameStartCache {
 public:
  static constexpr size_t kSlots = size_t{1} << 14;  // 16,384 × 24 bytes: within a core's L2 cache
  static constexpr size_t kMaxWordBytes = 22;

  NameStartCache() = default;

  // The calling thread's cache for the dictionary with this ActorDictionary::instance() and for
  // German or English rules (German strips a genitive -s): emptied when the thread asks with
  // another dictionary than before.
  static NameStartCache& ForThread(uint64_t dictionary_instance, bool german);

  // The answer kept for `word` (with its HashWord), if any.
  std::optional<bool> Find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return std::nullopt;
    const Slot& slot = slots_[hash & (kSlots - 1)];
    if (slot.length != word.size() || word.size() > kMaxWordBytes) return std::nullopt;
    if (!std::equal(word.begin(), word.end(), slot.bytes.begin())) return std::nullopt;
    return slot.starts;
  }
  void Keep(std::string_view word, uint64_t hash, bool starts) {
    if (word.size() > kMaxWordBytes) return;
    if (slots_.empty()) slots_.resize(kSlots);
    Slot& slot = slots_[hash & (kSlots - 1)];
    slot.length = static_cast<uint8_t>(word.size());
    slot.starts = starts;
    std::copy(word.begin(), word.end(), slot.bytes.begin());
  }
  void Clear() { slots_.clear(); }

 private:
  struct Slot {
    uint8_t length = kEmpty;
    bool starts = false;
    std::array<char, kMaxWordBytes> bytes{};
  };
  static constexpr uint8_t kEmpty = 0xFF;  // no word is that long
  static_assert(kMaxWordBytes < kEmpty);
  std::vector<Slot> slots_;
};

}  // namespace lagebild
