#include "util/swar.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace lagebild {
namespace {

// A mask built lane by lane, as the SWAR functions must give it.
template <typename Predicate>
uint64_t LaneMask(uint64_t word, Predicate holds) {
  uint64_t mask = 0;
  for (int lane = 0; lane < 8; ++lane) {
    if (holds(static_cast<uint8_t>(word >> (8 * lane)))) mask |= uint64_t{0x80} << (8 * lane);
  }
  return mask;
}

// Every byte value in every lane, with the other lanes holding a neighbour of the byte asked
// for, of the range's ends, or a high byte: where a carry or borrow between lanes would show.
TEST(SwarTest, MasksAreExactForEveryByteInEveryLane) {
  for (const uint8_t filler : {uint8_t{' '}, uint8_t{' ' - 1}, uint8_t{'~' + 1}, uint8_t{'\n' + 1}, uint8_t{0x00}, uint8_t{0xFF}, uint8_t{0x8A}}) {
    for (int lane = 0; lane < 8; ++lane) {
      for (int byte = 0; byte < 256; ++byte) {
        uint64_t word = swar::kOnes * filler;
        word &= ~(uint64_t{0xFF} << (8 * lane));
        word |= static_cast<uint64_t>(byte) << (8 * lane);
        ASSERT_EQ(swar::ByteEqualBits(word, '\n'), LaneMask(word, [](uint8_t b) { return b == '\n'; })) << lane << " " << byte;
        ASSERT_EQ(swar::ByteEqualBits(word, ' '), LaneMask(word, [](uint8_t b) { return b == ' '; })) << lane << " " << byte;
        ASSERT_EQ(swar::AsciiRangeBits(word, ' ', '~'), LaneMask(word, [](uint8_t b) { return b >= ' ' && b <= '~'; }))
            << lane << " " << byte;
        ASSERT_EQ(swar::AsciiRangeBits(word, 'A', 'Z'), LaneMask(word, [](uint8_t b) { return b >= 'A' && b <= 'Z'; }))
            << lane << " " << byte;
      }
    }
  }
}

}  // namespace
}  // namespace lagebild
