#include "langid/function_words.h"

#include <algorithm>
#include <array>
#include <bit>

namespace lagebild {
namespace {

// Function words of one language that are rare in the other and in its close neighbours. Left
// out on purpose: words both languages write ("in", "an", "am", "so", "also", "man", "hat" as an
// English noun is rare enough to keep for German), and English "was", "war", "will", "not".
constexpr std::string_view kEnglishFunctionWords[] = {
    "the",   "of",    "and",  "to",    "that",  "for",  "with",  "on",     "said",   "by",    "from", "it",
    "as",    "at",    "is",   "has",   "have",  "had",  "be",    "are",    "were",   "would", "which",
    "this",  "its",   "they", "their", "been",  "he",   "she",   "but",    "or",     "after", "about",
    "who",   "his",   "her",  "we",    "there", "than", "could", "should", "these",  "those", "our"};
constexpr std::string_view kGermanFunctionWords[] = {
    "der",   "die",    "das",   "und",    "ist",    "nicht", "mit",  "von",   "den",  "dem",   "des",
    "ein",   "eine",   "einen", "einem",  "einer",  "eines", "sich", "auf",   "für",  "zu",    "zum",
    "zur",   "im",     "auch",  "wird",   "werden", "wurde", "wurden", "hat", "haben", "dass", "daß",
    "bei",   "nach",   "wie",   "aus",    "sie",    "noch",  "oder", "aber",  "nur",  "er",    "es",
    "sind",  "vom",    "über",  "sei",    "seine",  "ihre",  "kein", "keine", "wir",  "ich",   "um",
    "gegen", "seit",   "bis",   "vor",    "wenn",   "als"};

// Different function words a clear text has at least.
constexpr int kMinKinds = 3;

// Function words are at most this many bytes long, so a word packs into one integer.
constexpr size_t kMaxFunctionWordBytes = 8;

constexpr uint64_t Pack(std::string_view word) {
  uint64_t key = 0;
  for (const char c : word) key = key << 8 | static_cast<unsigned char>(c);
  return key;
}

template <size_t N>
constexpr std::array<uint64_t, N> SortedKeys(const std::string_view (&words)[N]) {
  std::array<uint64_t, N> keys{};
  for (size_t i = 0; i < N; ++i) keys[i] = Pack(words[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr auto kEnglishKeys = SortedKeys(kEnglishFunctionWords);
constexpr auto kGermanKeys = SortedKeys(kGermanFunctionWords);

template <size_t N>
constexpr bool AllFitKeys(const std::string_view (&words)[N]) {
  return std::all_of(std::begin(words), std::end(words), [](std::string_view w) { return w.size() <= kMaxFunctionWordBytes; });
}
static_assert(AllFitKeys(kEnglishFunctionWords) && AllFitKeys(kGermanFunctionWords));
static_assert(kEnglishKeys.size() <= 64 && kGermanKeys.size() <= 64, "a bit per kind in FunctionWordCounts");

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A byte that belongs to a word: an ASCII letter or any byte of a multi-byte character.
bool IsWordByte(unsigned char c) { return IsAsciiLetter(c) || c >= 0x80; }

// The word text[begin, end) lower-cased and packed, or 0 when it is too long to be a function
// word. Upper-case Latin-1 letters ("Ü" = C3 9C) are lowered like ASCII ones.
uint64_t LowerKey(std::string_view text, size_t begin, size_t end) {
  if (end - begin > kMaxFunctionWordBytes) return 0;
  uint64_t key = 0;
  for (size_t i = begin; i < end; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) c |= 0x20;
    else if (i > begin && static_cast<unsigned char>(text[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) c += 0x20;
    key = key << 8 | c;
  }
  return key;
}

// The position of `key` in `keys`, or -1.
template <size_t N>
int IndexOf(const std::array<uint64_t, N>& keys, uint64_t key) {
  const auto found = std::lower_bound(keys.begin(), keys.end(), key);
  return found != keys.end() && *found == key ? static_cast<int>(found - keys.begin()) : -1;
}

// Notes a function word in its count and its bit in the set of kinds seen.
void Note(int index, uint32_t& count, uint64_t& kinds) {
  ++count;
  kinds |= uint64_t{1} << index;
}

}  // namespace

FunctionWordCounts& FunctionWordCounts::operator+=(const FunctionWordCounts& other) {
  words += other.words;
  english += other.english;
  german += other.german;
  bytes += other.bytes;
  non_ascii_bytes += other.non_ascii_bytes;
  english_kinds |= other.english_kinds;
  german_kinds |= other.german_kinds;
  return *this;
}

FunctionWordCounts CountFunctionWords(std::string_view text) {
  FunctionWordCounts counts;
  counts.bytes = static_cast<uint32_t>(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      if (static_cast<unsigned char>(text[i]) >= 0x80) ++counts.non_ascii_bytes;
      ++i;
    }
    ++counts.words;
    const uint64_t key = LowerKey(text, begin, i);
    if (key == 0) continue;
    if (const int english = IndexOf(kEnglishKeys, key); english >= 0) Note(english, counts.english, counts.english_kinds);
    else if (const int german = IndexOf(kGermanKeys, key); german >= 0) Note(german, counts.german, counts.german_kinds);
  }
  return counts;
}

std::optional<ClearLanguage> ClearLanguageOf(const FunctionWordCounts& counts, uint32_t min_words) {
  // At most one byte in ten outside ASCII: German has a few umlauts, Cyrillic or Greek has more.
  if (counts.words < min_words || counts.non_ascii_bytes * 10 > counts.bytes) return std::nullopt;
  // A tenth of the words are function words of one language, of at least kMinKinds different
  // ones (Afrikaans writes "die" often, but no other German function word), and at most one word
  // in 25 is a function word of the other.
  const auto clear = [&](uint32_t own, uint64_t own_kinds, uint32_t other) {
    return std::popcount(own_kinds) >= kMinKinds && own * 10 >= counts.words && other * 25 <= counts.words;
  };
  if (clear(counts.english, counts.english_kinds, counts.german)) return ClearLanguage::kEnglish;
  if (clear(counts.german, counts.german_kinds, counts.english)) return ClearLanguage::kGerman;
  return std::nullopt;
}

}  // namespace lagebild
