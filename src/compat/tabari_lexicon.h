// TABARI's dictionaries compiled for matching (manual 5.2, 5.5–5.7): every actor, agent, noun,
// adjective and verb phrase becomes a word sequence that is looked up at each position of a
// sentence, and every verb pattern becomes a lower part (before `*`) and an upper part (after)
// made of pattern elements.
//
// Word matching follows TABARI: a bare dictionary word is a stem (SYRI matches SYRIAN), a word
// ending in `_` must match exactly but may take a regular ending (S, 'S, ED, ES, EN, ING), and a
// word ending in `=` matches only itself. In patterns, `_` or `~` between two elements means the
// second must follow the first directly; a blank lets other words come between.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <marisa.h>

#include "compat/tabari_dictionary.h"

namespace lagebild::tabari {

enum class WordMatch : uint8_t { kStem, kExact, kExactNoEnding };

// The regular endings an exact word may take (manual 5.2.3): nouns, actors and agents take the
// plural and possessive (S, 'S); verbs and pattern words the verb endings (S, ED, ES, EN, ING).
enum class Endings : uint8_t { kNoun, kVerb };

bool WordMatches(std::string_view dictionary_word, WordMatch match, std::string_view text_word, Endings endings);

struct PatternElement {
  enum class Kind : uint8_t { kWord, kSynset, kAlternatives, kVerb, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWord;
  bool adjacent = false;  // must follow the previous element (or the verb) directly
  std::string word;       // kWord
  WordMatch match = WordMatch::kStem;
  int synset = -1;        // kSynset: index into Lexicon::synsets
  std::vector<std::vector<PatternElement>> alternatives;  // kAlternatives
};
using ElementSequence = std::vector<PatternElement>;

struct CompiledPattern {
  ElementSequence lower;  // the elements before `*`, in text order
  ElementSequence upper;  // the elements after `*`
  bool verb_adjacent_before = false;  // "WORD_*": the last lower element ends right before the verb
  std::string code;       // "064", "032:033", "---", "023?", "111!"
  int length = 0;         // characters of fixed text, for longest-first order
  int line = 0;
  bool designates_actors = false;  // has $, + or %
  // The plain words of the pattern (outside alternatives and synsets), each of which must occur
  // somewhere in a sentence for the pattern to match: a cheap test before the full match.
  // Indices into Lexicon::anchor_words().
  std::vector<int> anchors;
};

enum class RootKind : uint8_t { kActor, kAgent, kVerb, kNoun, kAdjective, kTime };

struct RootPhrase {
  RootKind kind = RootKind::kNoun;
  std::vector<std::string> words;
  std::vector<WordMatch> matches;
  std::vector<bool> adjacent;  // word k must follow word k-1 directly (joined by `_`); a blank
                               // lets other words come between, as in patterns
  int entry = -1;   // index into the dictionary's actors, agents, verbs or time phrases
  int length = 0;   // characters without connectors: longer phrases win
  int order = 0;    // position in the files: earlier wins a tie
};

struct CompiledVerb {
  std::string code;  // the root's own code
  std::vector<CompiledPattern> patterns;  // longest first
};

class Lexicon {
 public:
  // Compiles `dictionary`; patterns that cannot be read are reported in `problems`.
  Lexicon(const Dictionary& dictionary, std::vector<std::string>& problems);

  const Dictionary& dictionary() const { return dictionary_; }
  const std::vector<CompiledVerb>& verbs() const { return verbs_; }
  const std::vector<ElementSequence>& synset_members(int synset) const { return synsets_[synset]; }

  // The root phrases that could start at `word` (their first word is a prefix of it), unordered;
  // phrases whose second word must follow directly are left out unless `next_word` could be it.
  void Candidates(std::string_view word, std::string_view next_word, std::vector<const RootPhrase*>& out) const;

  // Every distinct plain pattern word, for CompiledPattern::anchors.
  const std::vector<std::pair<std::string, WordMatch>>& anchor_words() const { return anchor_words_; }

 private:
  void AddRoot(RootKind kind, std::string_view phrase, int entry);
  void CompileSynsets(std::vector<std::string>& problems);
  void CompileVerbs(std::vector<std::string>& problems);
  void IndexRoots();
  int AnchorId(const std::string& word, WordMatch match, std::unordered_map<std::string, int>& ids);

  const Dictionary& dictionary_;
  std::vector<RootPhrase> roots_;
  marisa::Trie first_words_;                      // the first words of all root phrases
  // A root as filed under its first word, with what is needed to rule it out without touching it.
  struct RootRef {
    int index = 0;
    char adjacent_second_letter = 0;  // the second word's first letter when it must follow directly
  };
  std::vector<std::vector<RootRef>> roots_by_first_word_;  // by trie key id
  std::vector<std::pair<std::string, WordMatch>> anchor_words_;
  std::unordered_map<std::string, int> synset_index_;
  std::vector<std::vector<ElementSequence>> synsets_;
  std::vector<CompiledVerb> verbs_;
};

}  // namespace lagebild::tabari
