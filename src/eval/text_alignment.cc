#include "eval/text_alignment.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace lagebild {
namespace {

constexpr size_t kLookahead = 16;  // original characters searched for a partner
constexpr size_t kConfirm = 3;     // characters that must agree from there on

struct Character {
  uint32_t begin = 0;
  uint32_t end = 0;
  UChar32 base = 0;
};

bool PassedOver(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK;
}

UChar32 BaseOf(UChar32 c) {
  if (c < 0x80) return c;
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  icu::UnicodeString decomposition;
  if (U_SUCCESS(error) && nfd->getDecomposition(c, decomposition)) return decomposition.char32At(0);
  return c;
}

// The characters of `text` that are not passed over, in order. An ill-formed sequence stands
// for U+FFFD, which is what the cleaner makes of it.
std::vector<Character> Characters(std::string_view text) {
  std::vector<Character> characters;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (PassedOver(c)) continue;
    characters.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i), BaseOf(c)});
  }
  return characters;
}

// True when the characters from `from[i]` and `to[j]` on agree for kConfirm characters, or
// until the cleaned text ends.
bool Agree(const std::vector<Character>& from, size_t i, const std::vector<Character>& to, size_t j) {
  for (size_t k = 0; k < kConfirm && i + k < from.size(); ++k) {
    if (j + k >= to.size() || from[i + k].base != to[j + k].base) return false;
  }
  return true;
}

// Where the partner of `from[i]` is, searching the original from `next`: `next` itself when the
// bases agree, else the first place among the next kLookahead where the following characters
// agree too; nullopt when there is none.
std::optional<size_t> FindPartner(const std::vector<Character>& from, size_t i, const std::vector<Character>& to,
                                  size_t next) {
  if (from[i].base == to[next].base) return next;
  const size_t stop = std::min(to.size(), next + kLookahead);
  for (size_t j = next + 1; j < stop; ++j) {
    if (Agree(from, i, to, j)) return j;
  }
  return std::nullopt;
}

}  // namespace

TextAlignment::TextAlignment(std::string_view cleaned, std::string_view original) : partner_(cleaned.size()) {
  const std::vector<Character> from = Characters(cleaned);
  const std::vector<Character> to = Characters(original);
  size_t next = 0;
  for (size_t i = 0; i < from.size() && next < to.size(); ++i) {
    std::optional<size_t> found = FindPartner(from, i, to, next);
    if (!found) {
      ++mismatches_;
      if (Agree(from, i + 1, to, next)) continue;  // a character the original lacks: no partner
      found = next;                                  // a different character in its place
    }
    partner_[from[i].begin] = {to[*found].begin, to[*found].end};
    next = *found + 1;
  }
}

std::optional<Span> TextAlignment::ToOriginal(Span cleaned) const {
  if (cleaned.begin > cleaned.end || cleaned.end > partner_.size()) return std::nullopt;
  std::optional<Span> result;
  for (uint32_t i = cleaned.begin; i < cleaned.end; ++i) {
    const Span partner = partner_[i];
    if (partner.empty()) continue;
    if (!result) result = partner;
    result->end = std::max(result->end, partner.end);
  }
  return result;
}

std::vector<uint32_t> CodePointOffsets(std::string_view utf8) {
  std::vector<uint32_t> offsets;
  offsets.reserve(utf8.size() + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    offsets.push_back(static_cast<uint32_t>(i));
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
  }
  offsets.push_back(static_cast<uint32_t>(utf8.size()));
  return offsets;
}

}  // namespace lagebild
