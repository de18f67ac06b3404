// A set of strings laid out by the resource compiler as an open-addressing hash table, read in
// place from the memory-mapped image: no work at load, one or two probes per look-up.
//
// Layout (little-endian): uint32 magic 'SST3', uint32 bucket count (a power of two), uint32 word
// count, uint32 blob size, then the buckets, two uint32 each: 0 = empty, else 1 + the word's
// offset in the blob, and the upper 32 bits of the word's hash; then one control byte per bucket
// (eight of those hash bits, never 0; 0 for an empty bucket); then the blob: each word as uint16
// length + bytes. A set with values (magic 'SSV3') stores a uint32 after each word's bytes: a
// look-up that finds the word finds its value in the same cache line.
//
// A probe reads the control bytes first, so a word not in the set (the common case) is answered
// from them alone — an array eight times smaller than the buckets. The large sets' buckets
// (megabytes, probed at random) miss the caches on almost every probe: those look-ups were
// 15 % of the run time while they are 0.4 % of the instructions.
#pragma once

// Inlined: most words hashed are a few bytes long, where the call would cost more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

inline uint64_t HashWord(std::string_view word) { return XXH3_64bits(word.data(), word.size()); }

// A word with its HashWord, for a word asked of several tables: hashed once where it is built.
// Converts implicitly from a string_view (hashing it then).
struct HashedWord {
  HashedWord(std::string_view word) : text(word), hash(HashWord(word)) {}  // NOLINT(google-explicit-constructor)
  HashedWord(const std::string& word) : HashedWord(std::string_view(word)) {}  // NOLINT(google-explicit-constructor)
  HashedWord(std::string_view word, uint64_t word_hash) : text(word), hash(word_hash) {}
  std::string_view text;
  uint64_t hash;
};

// Builds the section bytes (used by the compiler). Words must be unique and shorter than 64 KiB.
std::string BuildStringSet(const std::vector<std::string>& words);
// The same with a value for each word (`values[i]` for `words[i]`), for StaticStringSet::Value.
std::string BuildStringMap(const std::vector<std::string>& words, const std::vector<uint32_t>& values);

class StaticStringSet {
 public:
  StaticStringSet() = default;
  // Checks the header and sizes against the section; nullopt with `status` set when they do not
  // fit, so a damaged image never leads to reads out of bounds.
  static std::optional<StaticStringSet> FromSection(std::string_view section, Status& status);

  bool Contains(std::string_view word) const { return Contains(word, HashWord(word)); }
  size_t size() const { return word_count_; }

  // Look-ups in two steps, so that several wait for memory at once: Prefetch the control bytes of
  // a batch of words (by their HashWord), then ask for each with Contains(word, hash).
  void Prefetch(uint64_t hash) const {
    if (control_ != nullptr) __builtin_prefetch(control_ + (static_cast<uint32_t>(hash) & mask_));
  }
  bool Contains(std::string_view word, uint64_t hash) const { return FindWord(word, hash) != nullptr; }
  // The value stored with the word (a set built by BuildStringMap); nullopt when the word is not
  // in the set or the set has no values.
  std::optional<uint32_t> Value(std::string_view word, uint64_t hash) const;
  bool has_values() const { return has_values_; }

 private:
  // The word's entry in the blob (its length field), or nullptr.
  const char* FindWord(std::string_view word, uint64_t hash) const;

  const uint8_t* buckets_ = nullptr;  // 2 × uint32 each, read with memcpy (no alignment assumed)
  const uint8_t* control_ = nullptr;  // one byte per bucket
  uint32_t mask_ = 0;
  uint32_t word_count_ = 0;
  bool has_values_ = false;
  std::string_view blob_;
};

}  // namespace lagebild
