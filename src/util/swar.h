// Eight bytes at a time in a uint64_t ("SIMD within a register"), for the byte scans over whole
// texts (repair, lower-casing, letter counts). A mask has the high bit of each byte lane set where
// that byte has the property asked; lane k is the byte at offset k (little-endian loads). Every
// mask is exact per lane: no sum carries into the next lane.
#pragma once

#include <cstdint>
#include <cstring>

namespace lagebild::swar {

constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t kOnes = 0x0101010101010101ull;

inline uint64_t Load8(const void* at) {
  uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// The ASCII bytes in ['first', 'last'] (a byte with its high bit set is in no range). Adding
// 0x80 - first to the low seven bits sets a lane's high bit when the byte is at least `first`;
// adding 0x7F - last, when it is above `last`. Neither sum carries into the next lane.
constexpr uint64_t AsciiRangeBits(uint64_t word, char first, char last) {
  const uint64_t low_seven = word & ~kHighBits;
  const uint64_t at_least_first = low_seven + kOnes * static_cast<uint64_t>(0x80 - first);
  const uint64_t above_last = low_seven + kOnes * static_cast<uint64_t>(0x7F - last);
  return at_least_first & ~above_last & ~word & kHighBits;
}

// The bytes equal to the ASCII byte `byte`: a lane of `word ^ byte` is zero when neither its high
// bit is set nor its low seven bits reach 0x80 after adding 0x7F.
constexpr uint64_t ByteEqualBits(uint64_t word, char byte) {
  const uint64_t difference = word ^ (kOnes * static_cast<uint8_t>(byte));
  return ~(((difference & ~kHighBits) + ~kHighBits) | difference) & kHighBits;
}

}  // namespace lagebild::swar
