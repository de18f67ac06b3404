// TABARI's input filter (manual 7.3), see FilterText in tabari_sentence.h.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <mutex>

#include "compat/tabari_sentence.h"

namespace lagebild::tabari {
namespace {

constexpr size_t kMaxWordBytes = 63;  // TABARI splits longer "words"

// Non-ASCII text to ASCII (ö → o), through ICU; each thread keeps its own transliterator.
std::string ToAscii(std::string_view text) {
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> prototype;
  std::call_once(once, [] {
    UErrorCode error = U_ZERO_ERROR;
    prototype.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, error));
    if (U_FAILURE(error)) prototype.reset();
  });
  std::string ascii;
  if (prototype) {
    thread_local std::unique_ptr<icu::Transliterator> local(prototype->clone());
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    local->transliterate(unicode);
    unicode.toUTF8String(ascii);
  }
  std::string clean;
  clean.reserve(ascii.size());
  for (char c : ascii) clean.push_back(static_cast<unsigned char>(c) < 0x80 ? c : ' ');
  return clean;
}

bool HasNonAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Drops /* … */ and [ … ] material.
std::string WithoutCommentsAndBrackets(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "/*") == 0) {
      const size_t close = text.find("*/", i + 2);
      if (close == std::string_view::npos) break;
      i = close + 1;
      kept.push_back(' ');
    } else if (text[i] == '[') {
      const size_t close = text.find(']', i);
      if (close == std::string_view::npos) break;
      i = close;
      kept.push_back(' ');
    } else {
      kept.push_back(text[i]);
    }
  }
  return kept;
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

// Applies the character rules; the result has blanks between words and around , and ".
std::string Spaced(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char before = i > 0 ? text[i - 1] : ' ';
    const char after = i + 1 < text.size() ? text[i + 1] : ' ';
    if (c == '.' && IsLower(before)) out.push_back(' ');
    else if (c == '?' || c == '!' || c == '-' || c == '_' || c == '(' || c == ')' || c == ':' || c == '\t' || c == '\n' ||
             c == '\r') {
      out.push_back(' ');
    }
    else if (c == ',' && IsDigit(before) && IsDigit(after)) continue;
    else if (c == ',' || c == ';') out += " , ";
    else if (c == '"') out += " \" ";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

void FilterText(std::string_view text, std::vector<std::string>& words, std::vector<bool>& capitalized) {
  words.clear();
  capitalized.clear();
  std::string kept = WithoutCommentsAndBrackets(text);
  if (HasNonAscii(kept)) kept = ToAscii(kept);
  const std::string spaced = Spaced(kept);
  size_t at = 0;
  while (at < spaced.size()) {
    while (at < spaced.size() && spaced[at] == ' ') ++at;
    const size_t begin = at;
    while (at < spaced.size() && spaced[at] != ' ' && at - begin < kMaxWordBytes) ++at;
    if (at == begin) continue;
    std::string word = spaced.substr(begin, at - begin);
    if (word == "\"") continue;  // quotes separate words but are not matched
    capitalized.push_back(std::isupper(static_cast<unsigned char>(word.front())) != 0);
    for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    words.push_back(std::move(word));
  }
}

}  // namespace lagebild::tabari
