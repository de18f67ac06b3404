// For a short list of strings tried at every position of a word: which of them start with each
// byte, as bits in list order, so a position is tried only against the entries that can match.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lagebild {

// `key(entry)` gives the (non-empty) string of an entry; lists of up to 16 entries.
template <typename Entry, size_t N, typename Key>
constexpr std::array<uint16_t, 256> IndexByFirstByte(const Entry (&entries)[N], Key key) {
  static_assert(N <= 16, "one bit per entry in a uint16_t");
  std::array<uint16_t, 256> index{};
  for (size_t i = 0; i < N; ++i) {
    const std::string_view text = key(entries[i]);
    index[static_cast<unsigned char>(text[0])] |= static_cast<uint16_t>(1u << i);
  }
  return index;
}

// Whether `word` is one of the strings `entries`, comparing it only with those that start with
// its first byte (`index` is IndexByFirstByte of the same list).
template <size_t N>
bool IsListedWord(std::string_view word, const std::string_view (&entries)[N], const std::array<uint16_t, 256>& index) {
  if (word.empty()) return false;
  for (uint16_t candidates = index[static_cast<unsigned char>(word[0])]; candidates != 0; candidates &= candidates - 1) {
    if (entries[std::countr_zero(candidates)] == word) return true;
  }
  return false;
}

}  // namespace lagebild
