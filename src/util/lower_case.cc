#include "util/lower_case.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "util/swar.h"

namespace lagebild {

namespace {

bool IsAscii(std::string_view word) {
  uint8_t any = 0;
  for (const char c : word) any |= static_cast<uint8_t>(c);
  return any < 0x80;
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The code point at `i` lowered into `out` at the same offset; false when its lower-case form
// has another length. Malformed bytes are kept as they are, as AppendLowerCase keeps them.
bool LowerCodePointInPlace(std::string_view text, int32_t& i, std::string& out) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t start = i;
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  if (c < 0) {
    std::copy(text.begin() + start, text.begin() + i, out.begin() + start);
    return true;
  }
  const UChar32 lower = u_tolower(c);
  if (U8_LENGTH(lower) != i - start) return false;
  int32_t written = start;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(out.data()), written, i, lower, error);
  return !error;
}

// Eight ASCII bytes lowered at once (SWAR): bit 5, the case bit, is set in the upper-case lanes.
// False (nothing written) when a byte is not ASCII.
bool LowerAsciiWord(const char* in, char* out) {
  uint64_t word = swar::Load8(in);
  if ((word & swar::kHighBits) != 0) return false;
  word |= swar::AsciiRangeBits(word, 'A', 'Z') >> 2;  // 0x80 >> 2 = 0x20
  std::memcpy(out, &word, sizeof word);
  return true;
}

// The eight byte lanes of `lanes` added up: pairs into 16-bit lanes first, as the sum may pass
// 255.
size_t SumOfLanes(uint64_t lanes) {
  constexpr uint64_t kEvenBytes = 0x00FF00FF00FF00FFull;
  const uint64_t pairs = (lanes & kEvenBytes) + ((lanes >> 8) & kEvenBytes);
  return static_cast<size_t>((pairs * 0x0001000100010001ull) >> 48);
}

}  // namespace

// Each step adds a byte's 0 or 1 into its lane (no popcount instruction in baseline x86-64); the
// lanes are summed before any can pass 255.
AsciiLetterCounts CountAsciiLetters(std::string_view text) {
  constexpr size_t kStepsPerBlock = 255;
  AsciiLetterCounts counts;
  size_t i = 0;
  while (i + sizeof(uint64_t) <= text.size()) {
    uint64_t upper_lanes = 0, lower_lanes = 0;
    for (size_t step = 0; step < kStepsPerBlock && i + sizeof(uint64_t) <= text.size(); ++step, i += sizeof(uint64_t)) {
      const uint64_t word = swar::Load8(text.data() + i);
      upper_lanes += swar::AsciiRangeBits(word, 'A', 'Z') >> 7;
      lower_lanes += swar::AsciiRangeBits(word, 'a', 'z') >> 7;
    }
    counts.upper += SumOfLanes(upper_lanes);
    counts.lower += SumOfLanes(lower_lanes);
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    counts.upper += c >= 'A' && c <= 'Z';
    counts.lower += c >= 'a' && c <= 'z';
  }
  return counts;
}

bool LowerCaseKeepingOffsets(std::string_view text, std::string& out) {
  out.resize(text.size());
  constexpr size_t kWord = 8;
  size_t i = 0;
  while (i < text.size()) {
    if (i + kWord <= text.size() && LowerAsciiWord(text.data() + i, out.data() + i)) {
      i += kWord;
    } else if (static_cast<uint8_t>(text[i]) < 0x80) {
      out[i] = LowerAscii(text[i]);
      ++i;
    } else {
      auto at = static_cast<int32_t>(i);
      if (!LowerCodePointInPlace(text, at, out)) return false;
      i = static_cast<size_t>(at);
    }
  }
  return true;
}

void AppendLowerCase(std::string_view word, std::string& out) {
  // Most words of German and English news are ASCII: lowered in place, without a check per byte
  // for room in `out`.
  if (IsAscii(word)) {
    const size_t start = out.size();
    out.resize(start + word.size());
    std::transform(word.begin(), word.end(), out.begin() + static_cast<std::ptrdiff_t>(start), LowerAscii);
    return;
  }
  out.reserve(out.size() + word.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < length) {
    const uint8_t byte = bytes[i];
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : static_cast<char>(byte));
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out.append(word.substr(start, i - start));  // keep malformed bytes as they are
      continue;
    }
    const UChar32 lower = u_tolower(c);
    char buffer[4];
    int32_t written = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), written, 4, lower, error);
    out.append(buffer, error ? 0 : written);
  }
}

}  // namespace lagebild
