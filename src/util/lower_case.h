// Full Unicode lower-casing of UTF-8 words, with an ASCII fast path. Used wherever words are
// matched case-insensitively against compiled word lists (the compiler and the runtime must fold
// the same way).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lagebild {

// Appends the lower-case form of `word` to `out` (simple case mapping, one code point to one).
void AppendLowerCase(std::string_view word, std::string& out);

// Lower-cases all of `text` into `out` when every code point's lower-case form is as long in
// bytes as the code point, so that a span of `text` is the same span of `out`: the common case,
// done in one pass over the bytes. False when some code point changes length ("ẞ" → "ß", the
// Kelvin sign → "k"); `out` is then unspecified.
bool LowerCaseKeepingOffsets(std::string_view text, std::string& out);

// How many ASCII upper-case and lower-case letters `text` holds (other bytes count for neither):
// eight bytes a step.
struct AsciiLetterCounts {
  size_t upper = 0;
  size_t lower = 0;
};
AsciiLetterCounts CountAsciiLetters(std::string_view text);

inline std::string LowerCase(std::string_view word) {
  std::string out;
  AppendLowerCase(word, out);
  return out;
}

}  // namespace lagebild
