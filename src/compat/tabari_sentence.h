// TABARI's shallow parse of one sentence (manual, chapter 7): input filtering, word types from
// the dictionaries, agents joined to actors, parsed compound actors, pronoun coreference,
// removal of comma-delimited nonrestrictive clauses and the split into conjunction-delimited
// clauses. The coder (tabari_coder.h) reads the result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compat/tabari_lexicon.h"
#include "compat/tabari_options.h"

namespace lagebild::tabari {

// TABARI's input filter: upper case, ASCII letters, periods after lower-case letters, ?, ! and
// hyphens become blanks, commas inside numbers go, `;` becomes a comma, commas and double quotes
// stand alone, [bracketed] material and /* comments */ are dropped. `capitalized` says which
// words began with a capital letter in the original.
// `spans`, when given, receives each word's bytes in `text`.
struct WordSpan {
  uint32_t begin = 0, end = 0;
};
void FilterText(std::string_view text, std::vector<std::string>& words, std::vector<bool>& capitalized,
                std::vector<WordSpan>* spans = nullptr);

enum class UnitType : uint8_t {
  kOther, kActor, kAgent, kVerb, kNoun, kAdjective, kTime, kNull,
  kConjunction, kDeterminer, kPronoun, kComma
};

// One typed stretch of words: a dictionary phrase or a single function word.
struct Unit {
  UnitType type = UnitType::kOther;
  int begin = 0, end = 0;  // words [begin, end)
  int entry = -1;          // verb: index into Lexicon::verbs(); time: index into time phrases
  std::vector<std::string> codes;  // actor codes after date resolution and agents; compounds list all
  bool compound = false;   // a parsed or coded compound: several codes
  std::vector<std::string> base_codes;  // the actor's own codes, before agents joined them
  bool has_agent = false;  // an agent was joined to this actor
  bool from_pronoun = false;  // an actor only by coreference (HE, ITS, THEY, …)
  std::string special;     // "###" discard, "+++" complex: set when the actor's code is special
};

struct ParsedSentence {
  std::vector<std::string> words;
  std::vector<WordSpan> spans;                   // each word's bytes in the input sentence
  std::vector<Unit> units;                       // in text order, covering only typed words
  std::vector<std::pair<int, int>> clauses;      // unit index ranges [first, last)
  bool discard = false;                          // a ### code was found
  bool complex = false;                          // a +++ code or a complexity condition
  std::string explanation;                       // why complex or not coded
  int comma_clauses_removed = 0;
  int filtered_words = 0;  // words (commas count) before clauses were removed
};

struct SentenceContext {
  const Lexicon& lexicon;
  const Options& options;
  int32_t date = 0;  // YYYYMMDD, for date-restricted actor codes
  // FORWARD: the code a pronoun before the sentence's first actor refers to (the previous
  // sentence's first actor), or null.
  const std::string* forwarded_actor = nullptr;
};

// The parse as TABARI's display shows it: clauses in {…}, each unit with its type, actors with
// their codes: "{ARNOR'S=actor[ARNGOVFRM] URGED=verb ERIADOR=actor[ERI] …}".
std::string DescribeParse(const ParsedSentence& sentence);

// Runs the whole shallow parse; complexity conditions are checked by the coder.
ParsedSentence ParseSentence(std::string_view text, const SentenceContext& context);

// The code an actor entry has on `date` (YYYYMMDD): the first restricted code that holds, else
// the unrestricted one, else the null code "---".
std::string ResolveActorCode(const Actor& actor, int32_t date);

}  // namespace lagebild::tabari
