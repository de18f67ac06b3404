#include "segment/typography.h"

#include <unicode/normalizer2.h>

#include <algorithm>

#include "segment/char_class.h"

namespace lagebild {
namespace {

// The plain form of a typographic character, or nullptr to keep it.
const char* PlainForm(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
    case 0x00B4: case 0x2039: case 0x203A:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

std::string Nfkc(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  if (U_FAILURE(error)) return text;
  if (nfkc->isNormalizedUTF8(text, error) && U_SUCCESS(error)) return text;  // most text already is
  error = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(text.size()));
  nfkc->normalizeUTF8(0, text, sink, nullptr, error);
  return U_SUCCESS(error) ? normalized : text;
}

}  // namespace

// Most words pass unchanged: plain ASCII, and German or French words whose other letters are all
// encoded as 0xC3 and a continuation byte (U+00C0–U+00FF). A combining mark after such a letter
// is outside that range, so NFKC never has anything to compose.
bool HasNothingToFold(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte == '`') return false;
      continue;
    }
    if (byte != 0xC3 || i + 1 == text.size() || (static_cast<unsigned char>(text[i + 1]) & 0xC0) != 0x80) return false;
    ++i;
  }
  return true;
}

std::string FoldTypography(std::string_view text) {
  if (HasNothingToFold(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool non_ascii = false;
  for (uint32_t pos = 0; pos < text.size();) {
    const auto [c, next] = chars::DecodeAt(text, pos);
    if (const char* plain = PlainForm(c)) {
      out += plain;
    } else {
      out.append(text.substr(pos, next - pos));
      non_ascii |= c >= 0x80;
    }
    pos = next;
  }
  return non_ascii ? Nfkc(out) : out;
}

}  // namespace lagebild
