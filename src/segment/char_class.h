// Character classes the tokenizer needs, with an ASCII fast path and ICU for the rest.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace lagebild::chars {

struct Decoded {
  UChar32 c;
  uint32_t next;  // byte offset after the code point
};

// Decodes the code point at `pos` of valid UTF-8 `text` (pos < text.size()).
inline Decoded DecodeAt(std::string_view text, uint32_t pos) {
  const auto byte = static_cast<uint8_t>(text[pos]);
  if (byte < 0x80) return {byte, pos + 1};
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  if (c < 0) c = 0xFFFD;
  return {c, static_cast<uint32_t>(i)};
}

// Start of the code point that ends right before `pos` (pos > 0).
inline uint32_t PreviousStart(std::string_view text, uint32_t pos) {
  do {
    --pos;
  } while (pos > 0 && (static_cast<uint8_t>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

inline bool IsSpace(UChar32 c) { return c == ' ' || c == '\n'; }

inline bool IsAsciiLetter(UChar32 c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

inline bool IsDigit(UChar32 c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(c);
}

// Letters and the combining marks that belong to them.
inline bool IsLetter(UChar32 c) {
  if (c < 0x80) return IsAsciiLetter(c);
  if (u_isalpha(c)) return true;
  const int8_t category = u_charType(c);
  return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
         category == U_ENCLOSING_MARK;
}

inline bool IsUpper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}

inline bool IsLower(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(c);
}

// Hyphens that join compounds (not dashes).
inline bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

inline bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

inline bool IsDash(UChar32 c) { return c >= 0x2012 && c <= 0x2015; }

// Quotation marks, including apostrophe-like characters when they stand alone.
inline bool IsQuote(UChar32 c) {
  switch (c) {
    case '"': case '\'': case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
      return true;
    default:
      return false;
  }
}

// Low-9 quotation marks only ever open a quotation („ ‚).
inline bool AlwaysOpensQuote(UChar32 c) { return c == 0x201E || c == 0x201A; }

inline bool IsOpeningBracket(UChar32 c) { return c == '(' || c == '[' || c == '{'; }
inline bool IsClosingBracket(UChar32 c) { return c == ')' || c == ']' || c == '}'; }

// Scripts written without spaces between words, which ICU's dictionary-based word break handles.
inline bool IsSpacelessScript(UChar32 c) {
  if (c < 0x0E00) return false;
  return u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT ||
         u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
         (c >= 0x3040 && c <= 0x30FF);  // Hiragana and Katakana
}

}  // namespace lagebild::chars
