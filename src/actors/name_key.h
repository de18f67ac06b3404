// The key under which names are matched: one spelling for the many ways German and English
// news write a name. ICU transliteration does the script part (any script to Latin, diacritics
// to ASCII, lower case); our rules then fold German and English transliteration conventions:
//   Schoigu / Shoigu / Shoygu        → shoigu
//   Selenskyj / Zelensky / Zelenskyy → selenski
//   Lawrow / Lavrov                  → lavrov
//   Kim Jong-un / Kim Jong Un        → kimiongun
// Spaces, hyphens, apostrophes and periods are dropped, so multi-token names compare as one key.
// Equal keys mean "may be the same name"; dictionaries keep full names to stay precise.
#pragma once

#include <unicode/uversion.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace lagebild {

class NameKeyer {
 public:
  NameKeyer();
  ~NameKeyer();
  NameKeyer(const NameKeyer&) = delete;
  NameKeyer& operator=(const NameKeyer&) = delete;

  // Thread-safe. Latin-script text is keyed through a table of ICU's per-character results;
  // anything else goes through ICU (each thread uses its own clone of the transliterator).
  std::string Key(std::string_view name) const;
  // The same key always computed by ICU: the reference the table path is tested against.
  std::string KeyWithIcu(std::string_view name) const;

 private:
  static constexpr size_t kLatinTableSize = 0x250;  // up to the end of Latin Extended-B
  std::unique_ptr<icu::Transliterator> prototype_;
  std::vector<std::string> latin_table_;
  std::array<char, 128> ascii_keys_{};  // latin_table_ for ASCII: the one letter kept, or 0
};

// The keys a dictionary name is indexed under.
struct NameKeys {
  std::string key;             // the whole name
  std::string stem_key;        // each word's key without German inflection endings, for
                               // names of two or more words ("Weißen Hauses" ~ "Weißes Haus")
  std::string first_word_key;  // the first word's key: which tokens may start a name
  // The keys and stem keys of the name's first one, two, … words (and the stem of the first
  // word): a token sequence whose key is none of these cannot continue into a name.
  std::vector<std::string> prefixes;
};

NameKeys ComputeNameKeys(const NameKeyer& keyer, std::string_view name);

// The key of one word without a German inflection ending (-es, -en, -er, -em, -e, -s, -n) when
// enough of it remains: a prefix of the key, StemLength bytes long.
size_t StemLength(std::string_view key);
std::string StemWordKey(std::string key);

// Appends a word's key to a name key, as the key of the joined words would be (a letter
// doubled across the boundary counts once).
void AppendWordKey(std::string& name_key, std::string_view word_key);

}  // namespace lagebild
