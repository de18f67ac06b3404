// Codes the entities of a sentence from PETRARCH's actor and agent dictionaries
// (PETRARCH-1's check_NEphrase): the first actor phrase found scanning the entity's words from
// the left gives the base code, resolved by the sentence date; every agent phrase outside the
// actor adds its code after (`~GOV`) or before (`NGO~`) the base, stopping at a code already
// present. An entity with agents but no actor gets the base "---" ("---GOV").
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compat/petrarch_dictionary.h"

namespace lagebild::petrarch {

class ActorCoder {
 public:
  explicit ActorCoder(const Dictionaries& dictionaries);

  // The code for an entity's upper-cased words on `date` (YYYYMMDD); "---" when nothing matches.
  std::string Code(const std::vector<std::string>& words, int date) const;

 private:
  // A dictionary phrase: words, and for each word after the first whether it must follow the
  // previous one directly (`_`) or may come after other words (` `).
  struct Phrase {
    std::vector<std::string> words;
    std::vector<bool> consecutive;
    int owner = 0;  // actor or agent index
  };
  using PhraseIndex = std::unordered_map<std::string, std::vector<Phrase>>;

  static void Add(PhraseIndex& index, const std::string& text, int owner);
  static int MatchLength(const Phrase& phrase, const std::vector<std::string>& words, size_t start);
  std::string ActorCode(int actor, int date) const;

  const Dictionaries& dictionaries_;
  PhraseIndex actors_, agents_;
};

// The code of `codes` valid on `date`: the first restricted code whose dates hold, else the
// last unrestricted one, else "---".
std::string ResolveDatedCode(const std::vector<DatedCode>& codes, int date);

}  // namespace lagebild::petrarch
