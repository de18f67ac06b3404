// A set of strings laid out by the resource compiler as an open-addressing hash table, read in
// place from the memory-mapped image: no work at load, one or two probes per look-up.
//
// Layout (little-endian): uint32 magic 'SST2', uint32 bucket count (a power of two), uint32 word
// count, uint32 blob size, then the buckets, two uint32 each: 0 = empty, else 1 + the word's
// offset in the blob, and the upper 32 bits of the word's hash; then the blob: each word as
// uint16 length + bytes. A probe compares the stored hash bits first, so a word not in the set
// (the common case) is answered from the bucket array alone, without reading the blob.
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

// Builds the section bytes (used by the compiler). Words must be unique and shorter than 64 KiB.
std::string BuildStringSet(const std::vector<std::string>& words);

class StaticStringSet {
 public:
  StaticStringSet() = default;
  // Checks the header and sizes against the section; nullopt with `status` set when they do not
  // fit, so a damaged image never leads to reads out of bounds.
  static std::optional<StaticStringSet> FromSection(std::string_view section, Status& status);

  bool Contains(std::string_view word) const;
  size_t size() const { return word_count_; }

 private:
  const uint8_t* buckets_ = nullptr;  // 2 × uint32 each, read with memcpy (no alignment assumed)
  uint32_t mask_ = 0;
  uint32_t word_count_ = 0;
  std::string_view blob_;
};

}  // namespace lagebild
