#include "events/pattern.h"

#include "resources/section_lines.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lagebild {
namespace {

std::vector<std::string_view> SplitSpaces(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
    size_t end = start;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

bool IsSlot(std::string_view word) { return word == "S" || word == "T"; }

bool IsLowerWord(std::string_view word) {
  if (word.empty()) return false;
  for (const std::string& alternative : SplitToStrings(word, '|')) {
    if (alternative.empty() || alternative == "*") return false;
    for (unsigned char c : alternative) {
      if (std::isupper(c) || c == '$' || c == ',' || c == '(' || c == ')') return false;
    }
  }
  return true;
}

FrameElement Slot(std::string_view slot, std::vector<std::string> prepositions) {
  FrameElement element;
  element.kind = slot == "S" ? ElementKind::kSource : ElementKind::kTarget;
  element.words = std::move(prepositions);
  return element;
}

}  // namespace

bool Pattern::HasTarget() const {
  return std::any_of(elements.begin(), elements.end(), [](const FrameElement& element) {
    return element.kind == ElementKind::kTarget || element.kind == ElementKind::kBetween;
  });
}

bool Pattern::HasSource() const {
  return std::any_of(elements.begin(), elements.end(), [](const FrameElement& element) {
    return element.kind == ElementKind::kSource || element.kind == ElementKind::kBetween;
  });
}

Status ParseFrame(std::string_view frame, std::string_view language, std::vector<FrameElement>& elements) {
  const std::string_view between = language == "de" ? "zwischen" : "between";
  const std::string_view conjunction = language == "de" ? "und" : "and";
  const std::vector<std::string_view> words = SplitSpaces(frame);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    if (word == between && i + 3 < words.size() && words[i + 1] == "S" && words[i + 2] == conjunction &&
        words[i + 3] == "T") {
      elements.push_back({ElementKind::kBetween, {std::string(between)}, {}});
      i += 3;
    } else if (IsSlot(word)) {
      elements.push_back(Slot(word, {}));
    } else if (i + 1 < words.size() && IsSlot(words[i + 1]) && IsLowerWord(word) && word.find('*') == std::string_view::npos) {
      elements.push_back(Slot(words[i + 1], SplitToStrings(word, '|')));
      ++i;
    } else if (word.size() > 1 && word[0] == '$') {
      elements.push_back({ElementKind::kClass, {}, std::string(word.substr(1))});
    } else if (IsLowerWord(word)) {
      elements.push_back({ElementKind::kLiteral, SplitToStrings(word, '|'), {}, word.find('*') != std::string_view::npos});
    } else {
      return Status::Error("cannot read frame element '" + std::string(word) +
                           "' (expected S, T, PREP S, PREP T, a lower-case word or $CLASS)");
    }
  }
  size_t sources = 0, targets = 0;
  for (FrameElement& element : elements) {
    if (element.kind == ElementKind::kLiteral && !element.glob) {
      for (const std::string& alternative : element.words) element.word_set.insert(alternative);
    }
  }
  for (const FrameElement& element : elements) {
    sources += element.kind == ElementKind::kSource || element.kind == ElementKind::kBetween;
    targets += element.kind == ElementKind::kTarget || element.kind == ElementKind::kBetween;
  }
  if (sources > 1 || targets > 1) return Status::Error("a frame names at most one source and one target");
  return Status::Ok();
}

bool IsPatternCodeShape(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    const bool last = i + 1 == code.size();
    if (!std::isdigit(static_cast<unsigned char>(code[i])) && !(last && code[i] == '*' && code.size() == 3)) return false;
  }
  return true;
}

namespace {

// LetterSet's bit for each byte.
constexpr std::array<uint32_t, 256> kLetterBits = [] {
  constexpr uint32_t kDigit = 1u << 26, kOtherAscii = 1u << 27, kNonAscii = 1u << 28;
  std::array<uint32_t, 256> bits{};
  for (size_t byte = 0; byte < bits.size(); ++byte) {
    if (byte >= 'a' && byte <= 'z') bits[byte] = 1u << (byte - 'a');
    else if (byte >= '0' && byte <= '9') bits[byte] = kDigit;
    else if (byte >= 0x80) bits[byte] = kNonAscii;
    else if (byte != '*') bits[byte] = kOtherAscii;
  }
  return bits;
}();

}  // namespace

uint32_t LetterSet(std::string_view text) {
  uint32_t set = 0;
  for (const char c : text) set |= kLetterBits[static_cast<unsigned char>(c)];
  return set;
}

bool GlobMatches(std::string_view pattern, std::string_view word) {
  // Iterative wildcard match with backtracking to the last '*'.
  size_t p = 0, w = 0, star = std::string_view::npos, mark = 0;
  while (w < word.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = w;
    } else if (p < pattern.size() && pattern[p] == word[w]) {
      ++p;
      ++w;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      w = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace lagebild
