// Matching one TABARI verb pattern around a verb (manual 5.5.3–5.7.4): the upper part (after
// `*`) is matched forward from the verb to the end of the clause, the lower part backward from
// the verb towards the start of the clause, so `$ HOSTING ^ *` finds the actor nearest before
// HOSTING. Neither part crosses a comma. `$` and `+` take the first actor met, `%` the first
// compound actor, `^` skips one; words may have other words between them unless joined by `_`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compat/tabari_lexicon.h"
#include "compat/tabari_sentence.h"

namespace lagebild::tabari {

// Units designated by a pattern; -1 where the pattern has no such slot.
struct PatternSlots {
  int source = -1;
  int target = -1;
  int compound = -1;
  std::vector<int> skipped;  // actors passed over by `^`: never a default source or target
};

class PatternMatcher {
 public:
  PatternMatcher(const Lexicon& lexicon, const ParsedSentence& sentence);

  // True when `pattern` matches around `verb` with the lower part inside words
  // [lower_start, verb.begin) and the upper part inside [verb.end, upper_limit).
  // `matched_length` receives the characters of the pattern words that matched: less than the
  // pattern's length when it has alternatives or synsets.
  bool Match(const CompiledPattern& pattern, const Unit& verb, int lower_start, int upper_limit, PatternSlots& slots,
             int& matched_length) const;

  // False when a word the pattern needs occurs nowhere in the sentence: such patterns cannot
  // match, and most of a large dictionary's patterns are ruled out this way.
  bool AnchorsPresent(const CompiledPattern& pattern) const;

 private:
  struct Pending;
  struct Search;
  bool MatchFrom(const Pending& pending, int position, bool adjacent, Search& search) const;
  bool MatchWord(const PatternElement& element, const Pending& next, int position, bool adjacent, Search& search) const;
  bool MatchActor(const PatternElement& element, const Pending& next, int position, bool adjacent, Search& search) const;
  bool MatchGroup(const std::vector<ElementSequence>& members, bool group_adjacent, const Pending& next, int position, bool adjacent,
                  Search& search) const;

  const Lexicon& lexicon_;
  const ParsedSentence& sentence_;
  std::vector<int> actor_at_;      // word index → unit index of the actor starting there, or -1
  std::vector<int> actor_ending_;  // word index → unit index of the actor ending there, or -1
  std::vector<std::string_view> sorted_words_;
  mutable std::vector<int8_t> anchor_state_;  // by anchor id: -1 not yet looked up, 0 absent, 1 present
  bool AnchorPresent(int anchor) const;
};

}  // namespace lagebild::tabari
