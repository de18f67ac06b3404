// A hash map from strings to values for the look-up tables the stages build once and then only
// read (word lists, agent forms, name keys). Entries lie in one vector in insertion order; an
// open-addressing index of (hash bits, entry number) pairs finds them. A look-up hashes the word
// once with XXH3 and probes a flat array, comparing 32 hash bits before touching a key, so a word
// that is not in the map (by far the common case for a token) costs one cache line — against
// std::unordered_map's bucket, node and key indirections and its slower byte hash.
//
// The interface follows std::unordered_map where the stages use it (find/end, contains,
// operator[], try_emplace, iteration), with look-ups by std::string_view whatever the key type.
// Unlike std::unordered_map, inserting may move the values: hold no reference across an insert.
#pragma once

#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "resources/static_string_set.h"  // HashWord

namespace lagebild {

template <typename Key, typename Value>
class FlatStringMap {
 public:
  using value_type = std::pair<Key, Value>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  void reserve(size_t count) {
    entries_.reserve(count);
    if (SlotsFor(count) > slots_.size()) Rehash(SlotsFor(count));
  }

  const_iterator find(std::string_view key) const { return find(key, HashWord(key)); }
  // With the key's HashWord computed once by the caller, for a word asked of several tables.
  const_iterator find(std::string_view key, uint64_t hash) const {
    const uint32_t entry = Find(key, hash);
    return entry == kNone ? entries_.end() : entries_.begin() + entry;
  }
  iterator find(std::string_view key) {
    const uint32_t entry = Find(key, HashWord(key));
    return entry == kNone ? entries_.end() : entries_.begin() + entry;
  }
  bool contains(std::string_view key) const { return Find(key, HashWord(key)) != kNone; }
  bool contains(std::string_view key, uint64_t hash) const { return Find(key, hash) != kNone; }

  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args) {
    const uint64_t hash = HashWord(key);
    if (const uint32_t entry = Find(key, hash); entry != kNone) return {entries_.begin() + entry, false};
    if (SlotsFor(entries_.size() + 1) > slots_.size()) Rehash(SlotsFor(entries_.size() + 1));
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(Key(key)),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    Place(hash, static_cast<uint32_t>(entries_.size() - 1));
    return {entries_.end() - 1, true};
  }
  std::pair<iterator, bool> emplace(std::string_view key, Value value) { return try_emplace(key, std::move(value)); }
  std::pair<iterator, bool> insert(std::string_view key) { return try_emplace(key); }  // for sets
  Value& operator[](std::string_view key) { return try_emplace(key).first->second; }

 private:
  struct Slot {
    uint32_t tag = 0;    // the upper 32 bits of the key's hash
    uint32_t entry = 0;  // 0 = empty, else 1 + the entry's index
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  // At most half the slots are used, so probe runs stay short.
  static size_t SlotsFor(size_t count) {
    size_t slots = 16;
    while (slots < 2 * count) slots *= 2;
    return slots;
  }

  uint32_t Find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return kNone;
    const auto tag = static_cast<uint32_t>(hash >> 32);
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.entry == 0) return kNone;
      if (slot.tag == tag && std::string_view(entries_[slot.entry - 1].first) == key) return slot.entry - 1;
    }
  }

  void Place(uint64_t hash, uint32_t entry) {
    size_t at = hash & mask_;
    while (slots_[at].entry != 0) at = (at + 1) & mask_;
    slots_[at] = Slot{static_cast<uint32_t>(hash >> 32), entry + 1};
  }

  void Rehash(size_t slot_count) {
    slots_.assign(slot_count, Slot{});
    mask_ = slot_count - 1;
    for (uint32_t entry = 0; entry < entries_.size(); ++entry) Place(HashWord(entries_[entry].first), entry);
  }

  std::vector<value_type> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// A set of strings with the same layout (`insert`, `contains`, iteration over pairs).
struct NoValue {};
template <typename Key>
using FlatStringSet = FlatStringMap<Key, NoValue>;

}  // namespace lagebild
