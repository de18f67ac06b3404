#include "langid/function_words.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace lagebild {
namespace {

// Function words of one language that are rare in the other and in its close neighbours. Left
// out on purpose: words both languages write as function words ("in", "an", "am", "so", "also",
// "man"), and those that are common words in the other language ("was", "war", "will", "not").
// German "die" and "hat" are kept: English writes them rarely, and Afrikaans "die" alone makes
// no German text (kMinKinds).
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
constexpr bool AllFitKeys(const std::string_view (&words)[N]) {
  return std::all_of(std::begin(words), std::end(words), [](std::string_view w) { return w.size() <= kMaxFunctionWordBytes; });
}
static_assert(AllFitKeys(kEnglishFunctionWords) && AllFitKeys(kGermanFunctionWords));
static_assert(std::size(kEnglishFunctionWords) <= 64 && std::size(kGermanFunctionWords) <= 64,
              "a bit per kind in FunctionWordCounts");

// All function words in one open-addressing table built at compile time: a word costs one
// multiplication and usually one probe.
struct FunctionWordSlot {
  uint64_t key = 0;       // the packed word; 0 for an empty slot
  bool german = false;
  uint8_t index = 0;      // its position in its language's list: its bit in the kinds
};

constexpr size_t kSlotBits = 8;
constexpr size_t kSlots = size_t{1} << kSlotBits;
static_assert(std::size(kEnglishFunctionWords) + std::size(kGermanFunctionWords) <= kSlots / 2, "a sparse table");

constexpr size_t SlotOf(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits)); }

template <size_t N>
constexpr void Insert(std::array<FunctionWordSlot, kSlots>& table, const std::string_view (&words)[N], bool german) {
  for (size_t i = 0; i < N; ++i) {
    const uint64_t key = Pack(words[i]);
    size_t slot = SlotOf(key);
    while (table[slot].key != 0 && table[slot].key != key) slot = (slot + 1) % kSlots;
    if (table[slot].key == 0) table[slot] = {key, german, static_cast<uint8_t>(i)};  // a word in both lists stays English
  }
}

constexpr std::array<FunctionWordSlot, kSlots> BuildTable() {
  std::array<FunctionWordSlot, kSlots> table{};
  Insert(table, kEnglishFunctionWords, false);
  Insert(table, kGermanFunctionWords, true);
  return table;
}

constexpr std::array<FunctionWordSlot, kSlots> kFunctionWordTable = BuildTable();

const FunctionWordSlot* FindFunctionWord(uint64_t key) {
  for (size_t slot = SlotOf(key);; slot = (slot + 1) % kSlots) {
    const FunctionWordSlot& entry = kFunctionWordTable[slot];
    if (entry.key == key) return &entry;
    if (entry.key == 0) return nullptr;
  }
}

// What a byte is to the word scanner: a bit each, so that a word's bytes OR together.
constexpr uint8_t kAsciiLetterBit = 1, kNonAsciiBit = 2;

constexpr std::array<uint8_t, 256> BuildByteKinds() {
  std::array<uint8_t, 256> kinds{};
  for (size_t c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) kinds[c] = kAsciiLetterBit;
    else if (c >= 0x80) kinds[c] = kNonAsciiBit;
  }
  return kinds;
}

constexpr std::array<uint8_t, 256> kByteKinds = BuildByteKinds();

// A word of ASCII letters packed and lowered, eight bytes at a time when eight can be read.
uint64_t PackAsciiWord(const unsigned char* word, size_t length, const unsigned char* end) {
  if constexpr (std::endian::native == std::endian::little) {
    if (end - word >= 8) {
      uint64_t bytes;
      std::memcpy(&bytes, word, 8);
      const unsigned unused_bits = 64 - 8 * static_cast<unsigned>(length);  // length is 1 to 8
      return (__builtin_bswap64(bytes) | 0x2020202020202020ull) >> unused_bits;
    }
  }
  uint64_t key = 0;
  for (size_t i = 0; i < length; ++i) key = key << 8 | (word[i] | 0x20);
  return key;
}

// Any word, packed byte by byte: upper-case Latin-1 letters are lowered too ("Ü" = C3 9C → C3
// BC). Counts the word's bytes outside ASCII.
uint64_t PackWord(const unsigned char* word, size_t length, uint32_t& non_ascii_bytes) {
  uint64_t key = 0;
  unsigned char previous = 0;
  for (size_t i = 0; i < length; ++i) {
    unsigned char c = word[i];
    if (c < 0x80) {
      c |= 0x20;
    } else {
      ++non_ascii_bytes;
      if (previous == 0xC3 && c <= 0x9E && c != 0x97) c += 0x20;
    }
    key = key << 8 | c;
    previous = c;
  }
  return key;
}

// Counts the word that ends here, given its packed lower-case key (only its last eight bytes
// when it is longer; such a word is no function word).
[[gnu::always_inline]] inline void NoteWord(uint64_t key, size_t length, FunctionWordCounts& counts) {
  ++counts.words;
  if (length > kMaxFunctionWordBytes) return;
  const FunctionWordSlot* found = FindFunctionWord(key);
  if (found == nullptr) return;
  const uint64_t bit = uint64_t{1} << found->index;
  if (found->german) {
    ++counts.german;
    counts.german_kinds |= bit;
  } else {
    ++counts.english;
    counts.english_kinds |= bit;
  }
}

// At most one byte in ten outside ASCII: German has a few umlauts, Cyrillic or Greek has more.
bool IsLatinScript(const FunctionWordCounts& counts) { return counts.non_ascii_bytes * 10 <= counts.bytes; }

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

// A word is a run of ASCII letters and bytes of multi-byte characters, found by a tight loop
// over its bytes; a short word of ASCII letters (most words) is then packed in one go.
FunctionWordCounts CountFunctionWords(std::string_view text) {
  FunctionWordCounts counts;
  counts.bytes = static_cast<uint32_t>(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    if (kByteKinds[*p] == 0) {
      ++p;
      continue;
    }
    const auto* const word = p;
    uint8_t kinds = 0;
    for (uint8_t kind; p < end && (kind = kByteKinds[*p]) != 0; ++p) kinds |= kind;
    const auto length = static_cast<size_t>(p - word);
    if ((kinds & kNonAsciiBit) != 0) {
      NoteWord(PackWord(word, length, counts.non_ascii_bytes), length, counts);
    } else {
      NoteWord(length <= kMaxFunctionWordBytes ? PackAsciiWord(word, length, end) : 0, length, counts);
    }
  }
  return counts;
}

std::optional<ClearLanguage> ClearLanguageOf(const FunctionWordCounts& counts, uint32_t min_words) {
  if (counts.words < min_words || !IsLatinScript(counts)) return std::nullopt;
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

bool ConsistentWith(const FunctionWordCounts& counts, ClearLanguage language) {
  constexpr int kMinConsistentKinds = 2;
  if (!IsLatinScript(counts)) return false;
  const bool german = language == ClearLanguage::kGerman;
  const uint32_t own = german ? counts.german : counts.english;
  const uint32_t other = german ? counts.english : counts.german;
  const uint64_t own_kinds = german ? counts.german_kinds : counts.english_kinds;
  return other == 0 && std::popcount(own_kinds) >= kMinConsistentKinds && own * 20 >= counts.words;
}

}  // namespace lagebild
