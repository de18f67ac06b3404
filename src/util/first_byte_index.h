// For a short list of strings tried at every position of a word: which of them start with each
// byte, as bits in list order, so a position is tried only against the entries that can match;
// and a filter of their first bytes that rules out most positions before any entry is tried.
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

// The first `Length` bytes of each string of a list, hashed into 4,096 bits. Asked at a position
// of a word, it answers "no entry starts here" for nearly every position with one look-up, and
// never wrongly (a rare false "maybe" costs only the exact test that follows). Its branch is
// almost never taken, where trying the entries by first byte (IndexByFirstByte) is a branch the
// processor guesses wrong at the commonest letters, which start most entries.
template <size_t Length>
class PrefixFilter {
 public:
  // `key(entry)` gives an entry's string, at least `Length` bytes long.
  template <typename Entry, size_t N, typename Key>
  constexpr PrefixFilter(const Entry (&entries)[N], Key key) {
    for (size_t i = 0; i < N; ++i) {
      const std::string_view text = key(entries[i]);
      if (text.size() < Length) throw "PrefixFilter: an entry is shorter than the prefix";  // a compile error
      const uint32_t bit = Bit(text, 0);
      bits_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }

  // False only when no entry starts at byte `at` of `text`.
  constexpr bool MayStartAt(std::string_view text, size_t at) const {
    if (at + Length > text.size()) return false;
    return Has(Bit(text, at));
  }

  // Whether `confirm(at)` holds at some position of `text` where an entry may start, asked in
  // order of position. The window of `Length` bytes rolls along the text: one byte read per
  // position, where MayStartAt reads them all.
  template <typename Confirm>
  constexpr bool AnyConfirmedStart(std::string_view text, Confirm confirm) const {
    if (text.size() < Length) return false;
    uint32_t packed = 0;
    for (size_t k = 0; k + 1 < Length; ++k) packed |= uint32_t{static_cast<unsigned char>(text[k])} << (8 * k);
    for (size_t at = 0; at + Length <= text.size(); ++at) {
      packed |= uint32_t{static_cast<unsigned char>(text[at + Length - 1])} << (8 * (Length - 1));
      if (Has(BitOfPacked(packed)) && confirm(at)) return true;
      packed >>= 8;
    }
    return false;
  }

 private:
  static constexpr size_t kBits = 4096;

  constexpr bool Has(uint32_t bit) const { return (bits_[bit / 64] >> (bit % 64) & 1) != 0; }

  static constexpr uint32_t Bit(std::string_view text, size_t at) {
    static_assert(Length >= 1 && Length <= 4, "the prefix is packed into 32 bits");
    uint32_t packed = 0;
    for (size_t k = 0; k < Length; ++k) packed |= uint32_t{static_cast<unsigned char>(text[at + k])} << (8 * k);
    return BitOfPacked(packed);
  }

  // Byte k of the prefix in bits 8k..8k+7.
  static constexpr uint32_t BitOfPacked(uint32_t packed) {
    return (packed * 0x9E3779B1u) >> (32 - std::countr_zero(kBits));  // Fibonacci hashing to 12 bits
  }

  std::array<uint64_t, kBits / 64> bits_{};
};

}  // namespace lagebild
