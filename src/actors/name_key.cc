#include "actors/name_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <stdexcept>

#include "segment/char_class.h"
#include "segment/typography.h"
#include "util/first_byte_index.h"

namespace lagebild {
namespace {

// The script part of the key, done by ICU: any script to Latin, diacritics to ASCII, lower
// case, and nothing but letters and digits left.
constexpr const char16_t* kScriptRules = uR"(
:: Any-Latin ;
:: Latin-ASCII ;
:: Lower ;
[^a-z0-9] > ;
)";

// Our rules on top, folding German and English transliteration conventions. Pass 1 rewrites
// letter groups left to right, trying the groups in this order at each position.
constexpr std::pair<std::string_view, std::string_view> kLetterGroups[] = {
    {"tsch", "ch"}, {"dsch", "j"}, {"dzh", "j"}, {"sch", "sh"}, {"zh", "sh"}, {"kh", "ch"},
    {"ph", "f"},    {"ck", "k"},   {"ae", "a"},  {"oe", "o"},   {"ue", "u"}};
static_assert(std::all_of(std::begin(kLetterGroups), std::end(kLetterGroups),
                          [](const auto& group) { return group.second.size() <= group.first.size(); }),
              "FoldConventions folds in place");

// Pass 2 maps single letters: w → v, j → i, y → i, z → s. Then doubled letters count once
// ("Mueller" / "Muller", "Selenskyy" / "Selensky"). FoldConventions does both passes in one walk:
// each letter a group rewrites to, or that no group starts with, is mapped as it is emitted.
constexpr std::array<char, 256> BuildFoldedLetters() {
  std::array<char, 256> folded{};
  for (size_t c = 0; c < folded.size(); ++c) folded[c] = static_cast<char>(c);
  folded['w'] = 'v';
  folded['j'] = 'i';
  folded['y'] = 'i';
  folded['z'] = 's';
  return folded;
}
constexpr std::array<char, 256> kFoldedLetters = BuildFoldedLetters();  // a table: no branch per letter

// The groups starting with each byte, in their order: most letters start none.
constexpr std::array<uint16_t, 256> kGroupsByFirstByte =
    IndexByFirstByte(kLetterGroups, [](const auto& group) { return group.first; });

// Whether `text` continues at `at` with `group` (at most four letters: compared by hand, as a
// memcmp call costs more than the letters).
bool GroupAt(std::string_view text, size_t at, std::string_view group) {
  if (text.size() - at < group.size()) return false;
  for (size_t k = 0; k < group.size(); ++k) {
    if (text[at + k] != group[k]) return false;
  }
  return true;
}

// At most positions of a word no group starts, but the letters that start groups ('s', 't', 'a',
// 'u') are among the commonest: for each first letter, the second letters of its groups as bits
// ('a' = bit 0), so that a position is ruled out by two look-ups, where trying the groups one by
// one cost a mispredicted branch per such letter.
constexpr std::array<uint32_t, 256> BuildGroupSecondLetters() {
  std::array<uint32_t, 256> seconds{};
  for (const auto& [group, replacement] : kLetterGroups) {
    if (group.size() < 2 || group[1] < 'a' || group[1] > 'z') throw "a letter group starts with two lower-case letters";
    seconds[static_cast<unsigned char>(group[0])] |= 1u << (group[1] - 'a');
  }
  return seconds;
}
constexpr std::array<uint32_t, 256> kGroupSecondLetters = BuildGroupSecondLetters();

bool MayStartGroup(std::string_view text, size_t at) {
  const uint32_t seconds = kGroupSecondLetters[static_cast<unsigned char>(text[at])];
  if (seconds == 0 || at + 1 >= text.size()) return false;
  const unsigned offset = static_cast<unsigned char>(text[at + 1]) - unsigned{'a'};
  return offset < 26 && (seconds >> offset & 1) != 0;
}

// Folds `key` in place: no group rewrites to more letters than it reads, so the letters written
// never overtake the letters still to read.
void FoldConventions(std::string& key) {
  const std::string_view ascii = key;  // read ahead of where the key is written
  char* const out = key.data();
  size_t length = 0;
  char last = '\0';  // the letter written last (the key holds no NUL: the script part keeps letters and digits only)
  // Written unconditionally and kept unless it doubles the letter before.
  const auto emit = [&](char c) {
    const char folded = kFoldedLetters[static_cast<unsigned char>(c)];
    out[length] = folded;
    length += last != folded;
    last = folded;
  };
  for (size_t i = 0; i < ascii.size();) {
    if (!MayStartGroup(ascii, i)) {
      emit(ascii[i++]);
      continue;
    }
    bool rewritten = false;
    for (uint16_t groups = kGroupsByFirstByte[static_cast<unsigned char>(ascii[i])]; groups != 0; groups &= groups - 1) {
      const auto& [group, replacement] = kLetterGroups[std::countr_zero(groups)];
      if (GroupAt(ascii, i, group)) {
        const size_t next = i + group.size();  // read before the replacement overwrites it
        for (const char c : replacement) emit(c);
        i = next;
        rewritten = true;
        break;
      }
    }
    if (!rewritten) emit(ascii[i++]);
  }
  key.resize(length);
}

// General punctuation (dashes, quotes, spaces): the script rules drop it anyway.
bool IsGeneralPunctuation(UChar32 c) { return c >= 0x2000 && c < 0x2070; }

}  // namespace

NameKeyer::NameKeyer() {
  UParseError parse_error;
  UErrorCode error = U_ZERO_ERROR;
  prototype_.reset(icu::Transliterator::createFromRules("lagebild-name-key", icu::UnicodeString(kScriptRules),
                                                        UTRANS_FORWARD, parse_error, error));
  if (U_FAILURE(error) || !prototype_) {
    throw std::runtime_error(std::string("name key rules do not compile: ") + u_errorName(error));
  }
  // What ICU makes of each Latin character on its own, so that Latin text needs no ICU call.
  latin_table_.resize(kLatinTableSize);
  for (UChar32 c = 0; c < static_cast<UChar32>(kLatinTableSize); ++c) {
    icu::UnicodeString text(c);
    prototype_->transliterate(text);
    text.toUTF8String(latin_table_[static_cast<size_t>(c)]);
  }
  for (size_t c = 0; c < ascii_keys_.size(); ++c) {
    const std::string& latin = latin_table_[c];
    if (latin.size() > 1) throw std::logic_error("name key rules turn an ASCII character into several");
    ascii_keys_[c] = latin.empty() ? '\0' : latin[0];
  }
}

NameKeyer::~NameKeyer() = default;

std::string NameKeyer::Key(std::string_view name) const {
  // Most names are ASCII: written into place, as ASCII never maps to more than one letter.
  std::string ascii(name.size(), '\0');
  size_t length = 0;
  uint32_t pos = 0;
  for (; pos < name.size(); ++pos) {
    const auto byte = static_cast<uint8_t>(name[pos]);
    if (byte >= 0x80) break;
    const char key = ascii_keys_[byte];
    ascii[length] = key;
    length += key != '\0';
  }
  ascii.resize(length);
  while (pos < name.size()) {
    if (const auto byte = static_cast<uint8_t>(name[pos]); byte < 0x80) {
      if (const char key = ascii_keys_[byte]; key != '\0') ascii.push_back(key);
      ++pos;
      continue;
    }
    const auto [c, next] = chars::DecodeAt(name, pos);
    pos = next;
    if (static_cast<size_t>(c) < kLatinTableSize) {
      const std::string& latin = latin_table_[static_cast<size_t>(c)];
      if (latin.size() == 1) ascii.push_back(latin[0]);  // most letters
      else ascii += latin;
    } else if (!IsGeneralPunctuation(c)) {
      return KeyWithIcu(name);
    }
  }
  FoldConventions(ascii);
  return ascii;
}

std::string NameKeyer::KeyWithIcu(std::string_view name) const {
  thread_local const icu::Transliterator* cached_for = nullptr;
  thread_local std::unique_ptr<icu::Transliterator> local;
  if (cached_for != prototype_.get()) {
    local.reset(prototype_->clone());
    cached_for = prototype_.get();
  }
  const std::string folded = FoldTypography(name);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded);
  local->transliterate(text);
  std::string ascii;
  text.toUTF8String(ascii);
  FoldConventions(ascii);
  return ascii;
}

// The endings, tried in the order -es, -en, -er, -em, -e, -s, -n; the first that leaves a stem
// of kMinStem letters or more is removed. Asked of every capitalised token: decided by the last
// two letters.
size_t StemLength(std::string_view key) {
  constexpr size_t kMinStem = 4;
  const size_t size = key.size();
  if (size <= kMinStem) return size;
  const bool two_letter_ending = size >= kMinStem + 2 && key[size - 2] == 'e';
  size_t ending = 0;
  switch (key[size - 1]) {
    case 's':
    case 'n':
      ending = two_letter_ending ? 2 : 1;
      break;
    case 'r':
    case 'm':
      ending = two_letter_ending ? 2 : 0;
      break;
    case 'e':
      ending = 1;
      break;
    default:
      break;
  }
  return size - ending;
}

std::string StemWordKey(std::string key) {
  key.resize(StemLength(key));
  return key;
}

void AppendWordKey(std::string& name_key, std::string_view word_key) {
  if (!name_key.empty() && !word_key.empty() && name_key.back() == word_key.front()) word_key.remove_prefix(1);
  name_key.append(word_key);
}

NameKeys ComputeNameKeys(const NameKeyer& keyer, std::string_view name) {
  NameKeys keys;
  keys.key = keyer.Key(name);
  size_t words = 0;
  size_t start = 0;
  std::string whole;
  while (start < name.size()) {
    size_t end = name.find_first_of(" -", start);
    if (end == std::string_view::npos) end = name.size();
    const std::string word_key = keyer.Key(name.substr(start, end - start));
    if (!word_key.empty()) {
      if (words++ == 0) keys.first_word_key = word_key;
      AppendWordKey(keys.stem_key, StemWordKey(word_key));
      AppendWordKey(whole, word_key);
      keys.prefixes.push_back(whole);
      keys.prefixes.push_back(keys.stem_key);
    }
    start = end + 1;
  }
  if (words < 2) keys.stem_key.clear();
  return keys;
}

}  // namespace lagebild
