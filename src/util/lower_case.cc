#include "util/lower_case.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace lagebild {

namespace {

bool IsAscii(std::string_view word) {
  uint8_t any = 0;
  for (const char c : word) any |= static_cast<uint8_t>(c);
  return any < 0x80;
}

}  // namespace

void AppendLowerCase(std::string_view word, std::string& out) {
  // Most words of German and English news are ASCII: lowered in place, without a check per byte
  // for room in `out`.
  if (IsAscii(word)) {
    const size_t start = out.size();
    out.resize(start + word.size());
    std::transform(word.begin(), word.end(), out.begin() + static_cast<std::ptrdiff_t>(start), [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
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
