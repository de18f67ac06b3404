// Aligning a cleaned document text with the text it was made from, so that spans found in the
// one can be scored against gold spans in the other.
//
// The cleaner (src/clean/text_repair.h) changes white space, removes control and format
// characters and applies NFC, but keeps every other character in order. TextAlignment walks
// both texts and pairs each character of the cleaned text with the next character of the
// original that has the same base (the first code point of its canonical decomposition, so "é"
// pairs with "e" followed by a combining acute). White space, control and format characters and
// non-spacing marks are passed over on both sides. Where the texts differ, a character is paired
// further on when the next few characters agree from there (the original has more), left
// unpaired when the characters after it agree with the original's next (the cleaned text has
// more), and otherwise paired with the original's next character, so that one difference does
// not shift everything after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lagebild/span.h"

namespace lagebild {

class TextAlignment {
 public:
  TextAlignment(std::string_view cleaned, std::string_view original);

  // The span of the original from the partner of the first to the partner of the last paired
  // character inside `cleaned`; nullopt when `cleaned` holds none (only white space) or lies
  // outside the cleaned text.
  std::optional<Span> ToOriginal(Span cleaned) const;

  // Characters of the cleaned text that found no partner with the same base.
  size_t mismatches() const { return mismatches_; }

 private:
  std::vector<Span> partner_;  // per byte of the cleaned text: the partner of the character beginning there
  size_t mismatches_ = 0;
};

// Where each code point of `utf8` begins, followed by the size of `utf8`: a gold span of code
// points [b, e) is the byte span [offsets[b], offsets[e]). An ill-formed sequence counts as one
// code point.
std::vector<uint32_t> CodePointOffsets(std::string_view utf8);

}  // namespace lagebild
