// A cheap first look at a text's language: how many of its words are English or German function
// words ("the", "of", "said"; "der", "und", "nicht"). Running text in one of the two languages is
// full of its own function words and nearly free of the other's; a text that is not — a table, a
// list of names, a third language, a mixed page — is left to CLD2. The function words are chosen
// to be rare in the other language and in its neighbours (no "war", "was", "in", "an").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lagebild {

enum class ClearLanguage : uint8_t { kEnglish, kGerman };

struct FunctionWordCounts {
  uint32_t words = 0;            // runs of letters
  uint32_t english = 0;          // of them English function words
  uint32_t german = 0;           // of them German function words
  uint32_t bytes = 0;            // bytes examined
  uint32_t non_ascii_bytes = 0;  // bytes of letters outside ASCII ("ü" is two)
  uint64_t english_kinds = 0;    // a bit per English function word seen
  uint64_t german_kinds = 0;     // a bit per German function word seen

  FunctionWordCounts& operator+=(const FunctionWordCounts& other);
};

// Counts the words of `text` and its function words. ASCII letters are compared case-blind.
FunctionWordCounts CountFunctionWords(std::string_view text);

// The language the counts leave no doubt about, if any: at least `min_words` words, a tenth of
// them function words of one language (three different ones at least), at most one in 25 a
// function word of the other, and a Latin-script text.
std::optional<ClearLanguage> ClearLanguageOf(const FunctionWordCounts& counts, uint32_t min_words);

// Whether a text too short or too terse to be clear on its own ("TORONTO, March 18 - Cambridge
// Shopping Centres Ltd said …") has nothing against `language`: none of the other language's
// function words, at least two different ones of its own that make a twentieth of its words,
// and a Latin-script text.
bool ConsistentWith(const FunctionWordCounts& counts, ClearLanguage language);

}  // namespace lagebild
