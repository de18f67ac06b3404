// TABARI's input filter (manual 7.3), see FilterText in tabari_sentence.h.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <unicode/utf8.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "compat/tabari_sentence.h"

namespace lagebild::tabari {
namespace {

constexpr size_t kMaxWordBytes = 63;  // TABARI splits longer "words"

// Text being filtered, with the byte offset in the input that each character came from.
struct TrackedText {
  std::string chars;
  std::vector<uint32_t> origin;

  void Push(char c, uint32_t from) {
    chars.push_back(c);
    origin.push_back(from);
  }
};

// One code point to ASCII (ö → o, ß → ss) through ICU, cached per thread; "" when ICU gives
// nothing ASCII.
const std::string& CodePointToAscii(UChar32 c) {
  static std::once_flag once;
  static std::unique_ptr<icu::Transliterator> prototype;
  std::call_once(once, [] {
    UErrorCode error = U_ZERO_ERROR;
    prototype.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, error));
    if (U_FAILURE(error)) prototype.reset();
  });
  thread_local std::unordered_map<UChar32, std::string> cache;
  const auto cached = cache.find(c);
  if (cached != cache.end()) return cached->second;
  std::string ascii;
  if (prototype) {
    thread_local std::unique_ptr<icu::Transliterator> local(prototype->clone());
    icu::UnicodeString unicode(c);
    local->transliterate(unicode);
    std::string utf8;
    unicode.toUTF8String(utf8);
    for (char byte : utf8) {
      if (static_cast<unsigned char>(byte) < 0x80) ascii.push_back(byte);
    }
  }
  return cache.emplace(c, std::move(ascii)).first->second;
}

// ASCII text as it is; other code points transliterated one by one, invalid bytes as blanks.
TrackedText ToTrackedAscii(std::string_view text) {
  TrackedText out;
  out.chars.reserve(text.size());
  out.origin.reserve(text.size());
  for (int32_t at = 0; at < static_cast<int32_t>(text.size());) {
    const uint32_t from = static_cast<uint32_t>(at);
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      out.Push(text[at++], from);
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), c);
    if (c < 0) {
      out.Push(' ', from);
      continue;
    }
    const std::string& ascii = CodePointToAscii(c);
    if (ascii.empty()) out.Push(' ', from);
    for (char byte : ascii) out.Push(byte, from);
  }
  return out;
}

// Blanks out /* … */ and [ … ] material.
void BlankCommentsAndBrackets(TrackedText& text) {
  std::string& chars = text.chars;
  for (size_t i = 0; i < chars.size(); ++i) {
    size_t close = std::string::npos;
    if (chars.compare(i, 2, "/*") == 0) {
      close = chars.find("*/", i + 2);
      close = close == std::string::npos ? chars.size() : close + 2;
    } else if (chars[i] == '[') {
      close = chars.find(']', i);
      close = close == std::string::npos ? chars.size() : close + 1;
    }
    if (close == std::string::npos) continue;
    for (size_t k = i; k < close; ++k) chars[k] = ' ';
    i = close - 1;
  }
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool IsLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

// Applies the character rules; the result has blanks between words and around , and ".
TrackedText Spaced(const TrackedText& text) {
  TrackedText out;
  const std::string& chars = text.chars;
  for (size_t i = 0; i < chars.size(); ++i) {
    const char c = chars[i];
    const uint32_t from = text.origin[i];
    const char before = i > 0 ? chars[i - 1] : ' ';
    const char after = i + 1 < chars.size() ? chars[i + 1] : ' ';
    if (c == '.' && IsLower(before)) out.Push(' ', from);
    else if (c == ',' && IsDigit(before) && IsDigit(after)) continue;
    else if (c == ',' || c == ';' || c == '"') {
      out.Push(' ', from);
      out.Push(c == '"' ? '"' : ',', from);
      out.Push(' ', from);
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '\'' || c == '&' || c == '/' || c == '$' || c == '%') {
      out.Push(c, from);
    } else {
      out.Push(' ', from);  // ? ! - _ ( ) : and other punctuation separate words
    }
  }
  return out;
}

}  // namespace

void FilterText(std::string_view text, std::vector<std::string>& words, std::vector<bool>& capitalized,
                std::vector<WordSpan>* spans) {
  words.clear();
  capitalized.clear();
  if (spans != nullptr) spans->clear();
  TrackedText tracked = ToTrackedAscii(text);
  BlankCommentsAndBrackets(tracked);
  const TrackedText spaced = Spaced(tracked);
  const std::string& chars = spaced.chars;
  size_t at = 0;
  while (at < chars.size()) {
    while (at < chars.size() && chars[at] == ' ') ++at;
    const size_t begin = at;
    while (at < chars.size() && chars[at] != ' ' && at - begin < kMaxWordBytes) ++at;
    if (at == begin) continue;
    std::string word = chars.substr(begin, at - begin);
    if (word == "\"") continue;  // quotes separate words but are not matched
    capitalized.push_back(std::isupper(static_cast<unsigned char>(word.front())) != 0);
    for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    words.push_back(std::move(word));
    if (spans != nullptr) {
      const uint32_t last = spaced.origin[at - 1];
      uint32_t end = last + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // whole code point
      spans->push_back({spaced.origin[begin], end});
    }
  }
}

}  // namespace lagebild::tabari
