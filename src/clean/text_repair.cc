#include "clean/text_repair.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "util/swar.h"

namespace lagebild {
namespace {

constexpr size_t kBinarySniffBytes = 64 * 1024;

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                                static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                               (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                                static_cast<unsigned char>(bytes[1]) == 0xFF));
}

// Converts from a named ICU charset to UTF-8; returns false when ICU cannot.
bool ConvertToUtf8(std::string_view bytes, const char* charset, std::string& out) {
  UErrorCode error = U_ZERO_ERROR;
  icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (decoded.isBogus()) return false;
  out.clear();
  decoded.toUTF8String(out);
  return U_SUCCESS(error);
}

struct Utf8Scan {
  size_t invalid_sequences = 0;
  size_t valid_multibyte = 0;
};

// Index of the first byte at or after `i` that is not ASCII.
size_t SkipAscii(const uint8_t* s, size_t i, size_t n) {
  while (i + 8 <= n && (swar::Load8(s + i) & swar::kHighBits) == 0) i += 8;
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

// Whether MapCharacters copies the byte as it stands: printable ASCII (0x20..0x7E) or a line
// break.
bool IsPlainByte(uint8_t byte) { return (byte >= 0x20 && byte < 0x7F) || byte == '\n'; }

// Index of the first byte at or after `i` that is not plain (IsPlainByte).
size_t SkipPlainBytes(const uint8_t* s, size_t i, size_t n) {
  while (i + 8 <= n) {
    const uint64_t word = swar::Load8(s + i);
    if ((swar::AsciiRangeBits(word, ' ', '~') | swar::ByteEqualBits(word, '\n')) != swar::kHighBits) break;
    i += 8;
  }
  while (i < n && IsPlainByte(s[i])) ++i;
  return i;
}

Utf8Scan ScanUtf8(std::string_view bytes) {
  Utf8Scan scan;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    i = static_cast<int32_t>(SkipAscii(s, static_cast<size_t>(i), static_cast<size_t>(length)));
    if (i >= length) break;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) ++scan.invalid_sequences;
    else ++scan.valid_multibyte;
  }
  return scan;
}

// Decodes to UTF-8, replacing each ill-formed sequence with U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 16);
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      out.append(bytes.data() + start, static_cast<size_t>(i - start));
      continue;
    }
    out.append("\xEF\xBF\xBD");  // U+FFFD
  }
  return out;
}

std::string DecodeToUtf8(std::string_view raw, std::vector<Diagnostic>& warnings) {
  if (HasUtf16Bom(raw)) {
    std::string converted;
    if (ConvertToUtf8(raw, "UTF-16", converted)) {
      warnings.push_back({"input is UTF-16; converted to UTF-8"});
      return converted;
    }
  }
  const Utf8Scan scan = ScanUtf8(raw);
  if (scan.invalid_sequences == 0) return std::string(raw);
  if (scan.valid_multibyte == 0) {
    std::string converted;
    if (ConvertToUtf8(raw, "windows-1252", converted)) {
      warnings.push_back({"input is not UTF-8; decoded as windows-1252"});
      return converted;
    }
  }
  warnings.push_back({std::to_string(scan.invalid_sequences) +
                      " invalid UTF-8 sequence(s) replaced with U+FFFD"});
  return ReplaceInvalidUtf8(raw);
}

enum class CharAction { kKeep, kDrop, kSpace, kLineBreak, kParagraphBreak };

CharAction ClassifyCodePoint(UChar32 c) {
  if (c == '\n') return CharAction::kLineBreak;
  if (c == '\t') return CharAction::kSpace;
  if (c == '\f' || c == '\v') return CharAction::kLineBreak;
  if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return CharAction::kDrop;
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return CharAction::kSpace;
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
      return CharAction::kDrop;
    case 0x2028:
      return CharAction::kLineBreak;
    case 0x2029:
      return CharAction::kParagraphBreak;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return CharAction::kSpace;
  return CharAction::kKeep;
}

// Step 2: one pass over valid UTF-8 that maps characters to spaces and line breaks. No mapping
// makes the text longer, so the output is written into a buffer of the input's size.
std::string MapCharacters(std::string_view utf8) {
  std::string out(utf8.size(), '\0');
  char* w = out.data();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = std::min<size_t>(utf8.size(), INT32_MAX);
  size_t i = 0;
  while (i < n) {
    const size_t plain_end = SkipPlainBytes(s, i, n);
    std::memcpy(w, s + i, plain_end - i);
    w += plain_end - i;
    i = plain_end;
    if (i >= n) break;
    const size_t start = i;
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
    } else {
      int32_t at = static_cast<int32_t>(i);
      U8_NEXT(s, at, static_cast<int32_t>(n), c);
      i = static_cast<size_t>(at);
    }
    if (c == '\r') {
      if (i < n && s[i] == '\n') ++i;
      *w++ = '\n';
      continue;
    }
    switch (ClassifyCodePoint(c)) {
      case CharAction::kKeep:
        std::memcpy(w, s + start, i - start);
        w += i - start;
        break;
      case CharAction::kDrop: break;
      case CharAction::kSpace: *w++ = ' '; break;
      case CharAction::kLineBreak: *w++ = '\n'; break;
      case CharAction::kParagraphBreak: *w++ = '\n'; *w++ = '\n'; break;
    }
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

struct Line {
  std::string_view content;  // trimmed, spaces not yet collapsed
  bool indented = false;
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const size_t first = line.find_first_not_of(' ');
    const size_t last = line.find_last_not_of(' ');
    Line parsed;
    if (first != std::string_view::npos) {
      parsed.content = line.substr(first, last - first + 1);
      parsed.indented = first > 0;
    }
    lines.push_back(parsed);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// Whether `text` holds two spaces in a row: eight bytes a step, each lane's space flag compared
// with the lane before (the last lane of the step before for the first).
bool HasSpaceRun(std::string_view text) {
  uint64_t space_before = 0;  // the lane before the first lane, as the first lane's high bit
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const uint64_t spaces = swar::ByteEqualBits(swar::Load8(text.data() + i), ' ');
    if ((spaces & (spaces << 8 | space_before)) != 0) return true;
    space_before = spaces >> 56;
  }
  for (i = std::max<size_t>(i, 1); i < text.size(); ++i) {
    if (text[i] == ' ' && text[i - 1] == ' ') return true;
  }
  return false;
}

// Copies `line` to `w` with runs of spaces collapsed; returns the new write position. Most lines
// have no run and are copied whole.
char* CopyCollapsingSpaces(std::string_view line, char* w) {
  if (!HasSpaceRun(line)) {
    std::memcpy(w, line.data(), line.size());
    return w + line.size();
  }
  size_t i = 0;
  while (i < line.size()) {
    size_t space = line.find(' ', i);
    if (space == std::string_view::npos) space = line.size();
    else ++space;  // keep one space
    std::memcpy(w, line.data() + i, space - i);
    w += space - i;
    i = space;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  return w;
}

// Step 3: paragraphs separated by exactly one blank line, spaces collapsed.
std::string LayOutParagraphs(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  size_t non_blank = 0, indented = 0;
  for (const Line& line : lines) {
    if (line.content.empty()) continue;
    ++non_blank;
    indented += line.indented;
  }
  const bool indent_starts_paragraph = indented > 0 && indented * 2 < non_blank;

  // Separators replace at least as many bytes (a line break plus a blank line or indentation),
  // so the output never outgrows the input.
  std::string out(text.size(), '\0');
  char* w = out.data();
  bool pending_break = false;  // a blank line was seen since the last content line
  for (const Line& line : lines) {
    if (line.content.empty()) {
      pending_break = true;
      continue;
    }
    if (w != out.data()) {
      *w++ = '\n';
      if (pending_break || (indent_starts_paragraph && line.indented)) *w++ = '\n';
    }
    pending_break = false;
    w = CopyCollapsingSpaces(line.content, w);
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

bool IsNfcSafeCodePoint(UChar32 c) {
  return (c >= 0 && c < 0x300) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20C0);
}

// NFC by ICU, whose check alone walks every byte of text that is nearly always in NFC already
// (German articles: a percent of the instructions). IsPlainlyNfc answers most texts first.
std::string ToNfc(std::string text) {
  if (IsPlainlyNfc(text)) return text;
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return text;
  if (nfc->isNormalizedUTF8(text, error) && U_SUCCESS(error)) return text;
  error = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(text.size()));
  nfc->normalizeUTF8(0, text, sink, nullptr, error);
  return U_SUCCESS(error) ? normalized : text;
}

}  // namespace

bool IsPlainlyNfc(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  if (static_cast<size_t>(length) != text.size()) return false;
  for (int32_t i = 0; i < length;) {
    i = static_cast<int32_t>(SkipAscii(bytes, static_cast<size_t>(i), static_cast<size_t>(length)));
    if (i >= length) break;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (!IsNfcSafeCodePoint(c)) return false;
  }
  return true;
}

bool LooksBinary(std::string_view bytes) {
  if (HasUtf16Bom(bytes)) return false;
  const std::string_view head = bytes.substr(0, kBinarySniffBytes);
  size_t control = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 10 > head.size();
}

std::string RepairText(std::string_view raw, std::vector<Diagnostic>& warnings) {
  const std::string decoded = DecodeToUtf8(raw, warnings);
  return ToNfc(LayOutParagraphs(MapCharacters(decoded)));
}

}  // namespace lagebild
