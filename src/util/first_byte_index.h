// For a short list of strings tried at every position of a word: which of them start with each
// byte, as bits in list order, so a position is tried only against the entries that can match.
#pragma once

#include <array>
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

}  // namespace lagebild
