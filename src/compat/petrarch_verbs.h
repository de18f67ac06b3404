// The verb side of the PETRARCH-1 coder: which words are verbs of the dictionary (with their
// regular and irregular forms and multi-word verbs), and the matching of a verb block's
// patterns against the words before the verb (the "upper" sequence, read from the verb
// backwards) and after it inside its verb phrase (the "lower" sequence).
//
// Pattern semantics (PETRARCH-1's verb_pattern_match): pattern words must appear in order, with
// any words between them; `$` and `+` take the entity the match has reached as source and
// target, `^` skips the rest of an entity, `%` takes a compound as source and target before the
// verb and as target after it, a
// synset matches any of its phrases. Articles, some pronouns and number words after the verb are
// invisible to patterns. When several patterns match, the one with the longer part after the
// verb wins, then the longer part before it, then the one written first.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "compat/petrarch_dictionary.h"

namespace lagebild::petrarch {

struct VerbSense {
  int block = -1;
  std::string code;
  std::vector<std::string> before;  // words of a multi-word verb before the verb word, nearest first
  std::vector<std::string> after;   // words after the verb word
};

enum class SeqKind { kWord, kNeOpen, kNeClose, kNecOpen, kNecClose };

struct SeqItem {
  SeqKind kind = SeqKind::kWord;
  std::string word;
  int ne = -1;   // entity of an entity marker or of a word inside one
  int nec = -1;  // compound of a compound marker or of an entity inside one
};

// An entity (or a whole compound) chosen as source or target.
struct Slot {
  int entity = -1;
  int compound = -1;
  bool empty() const { return entity < 0 && compound < 0; }
};

struct PatternMatch {
  const VerbPattern* pattern = nullptr;
  Slot source, target;
};

class VerbIndex {
 public:
  explicit VerbIndex(const Dictionaries& dictionaries);

  // The senses of a verb word (upper case), nullptr when it is not a dictionary verb.
  const std::vector<VerbSense>* Find(const std::string& word) const;

  // The best matching pattern of `block`; `upper` runs from the verb backwards, `lower` forwards.
  PatternMatch Match(int block, const std::vector<SeqItem>& upper, const std::vector<SeqItem>& lower) const;

  // Articles, pronouns and number words that PETRARCH skips after the verb.
  static bool IsSkipWord(const std::string& word);

 private:
  void AddVerb(const VerbEntry& entry, int block);
  void AddForm(const std::string& phrase, int block, const std::string& code);
  void ExpandSynset(const std::string& name, std::vector<std::vector<std::string>>& out) const;

  std::unordered_map<std::string, std::vector<VerbSense>> senses_;
  std::map<std::string, std::vector<std::vector<std::string>>> synsets_;  // name → phrases
  std::vector<std::vector<const VerbPattern*>> patterns_;                 // per block, best first
};

}  // namespace lagebild::petrarch
