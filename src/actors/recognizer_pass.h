// One pass of the actor stage over one document (see actor_recognizer.h). Internal.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/coreference.h"
#include "actors/name_key.h"
#include "lagebild/document.h"

namespace lagebild {

class RecognizerPass {
 public:
  RecognizerPass(const ActorDictionary& dictionary, Document& doc);
  void Run();

 private:
  // A dictionary match over tokens [first, last).
  struct NameSpan {
    uint32_t first = 0;
    uint32_t last = 0;
    uint32_t actor = 0;
    uint32_t end_byte = 0;  // may stop short of the last token's end (genitive "Putins")
  };
  struct Country {
    std::string code;  // the code the country word stands for: "PRK", "USAGOV" (metonym) …
    std::string country;
  };

  // recognizer_pass.cc: names and agents.
  bool MayStartEntity(uint32_t i) const;
  bool TryAgentWithAdjective(uint32_t i);
  bool TryName(uint32_t i);
  bool TryCompoundToken(uint32_t i);
  bool TryAgent(uint32_t i);
  std::optional<NameSpan> LongestName(uint32_t i) const;  // memoised per token
  std::optional<NameSpan> ComputeLongestName(uint32_t i) const;
  bool MayStartName(uint32_t i) const;  // remembered across documents (NameStartCache)
  bool ComputeMayStartName(uint32_t i) const;
  // The best of the actors sharing a name, for `text` as written (acronyms need capitals).
  std::optional<uint32_t> ChooseActor(const std::vector<NameMatch>& matches, std::string_view text) const;
  std::optional<Country> CountryOfWord(std::string_view word) const;
  std::string_view AdjectiveCountry(HashedWord word) const;
  std::optional<Country> CountryAfter(uint32_t i) const;
  std::optional<Country> CountryBefore(uint32_t i) const;
  // `explicit_country`: the text names the country (not taken from context).
  void AddAgent(Span span, const AgentForm& agent, const std::optional<Country>& country, EntitySource source,
                bool explicit_country = true);
  std::optional<std::string> UsualCountryOf(std::string_view lemma) const;
  std::optional<Country> FederalCountry(std::string_view word) const;
  bool NameFollows(uint32_t i) const;
  bool IsDoubtfulSingleWord(const NameSpan& name) const;
  bool IsFirstNameOfPerson(const NameSpan& name) const;
  bool TryNamedBodyWithRole(const NameSpan& name);
  bool IsOtherPersonsSurname(const NameSpan& name) const;
  uint32_t TokenIndexEndingAt(uint32_t end_byte) const;
  uint32_t TokenIndexStartingAt(uint32_t begin_byte) const;
  static bool IsIndefiniteArticle(std::string_view word);
  int32_t AddActor(Span span, uint32_t actor_index, EntitySource source);

  // person_cues.cc: people not in the dictionary, short references, appositions.
  bool TryTitledPerson(uint32_t i);
  bool TryReference(uint32_t i);
  bool TryNameShape(uint32_t i);
  uint32_t NameShapeEnd(uint32_t i) const;
  bool MayContinueNameShape(uint32_t j) const;
  bool AppositionNamesAPost(uint32_t end) const;
  int32_t PostBefore(uint32_t comma) const;
  bool LooksLikeNameWord(uint32_t i) const;  // memoised
  bool ComputeLooksLikeNameWord(uint32_t i) const;
  bool MayBeNameWord(uint32_t i) const;
  bool ComputeMayBeNameWord(uint32_t i) const;
  bool IsGermanNounCached(std::string_view word) const;
  uint32_t StrongCueNameEnd(uint32_t i) const;
  bool AppositionMayFollow(uint32_t i) const;
  bool CommaAndArticleAt(uint32_t end) const;
  int32_t AddCuePerson(uint32_t first, uint32_t last);
  void AddReference(Span span, int32_t referent);
  void RegisterPerson(int32_t entity, uint32_t first, uint32_t last);
  void CodeFromApposition(int32_t entity, uint32_t after);

  // Helpers over tokens.
  std::string_view Surface(uint32_t i) const { return doc_.Surface(doc_.tokens[i].span); }
  // The token's surface with its hash, memoised: the rules ask for it several times per word.
  HashedWord Word(uint32_t i) const {
    uint64_t& hash = surface_hashes_[i];
    if (hash == 0) hash = HashWord(Surface(i));  // 0: not hashed yet (a hash of 0 is hashed again)
    return {Surface(i), hash};
  }
  // ActorDictionary::MayBeAgentOrDemonym for the token, in any case. Memoised.
  bool MayBeAgentOrDemonym(uint32_t i) const {
    int8_t& known = memo_[i].may_be_agent_or_demonym;
    if (known < 0) known = dictionary_.MayBeAgentOrDemonym({doc_.Lower(TokenAt(i)), TokenAt(i).lower_hash});
    return known != 0;
  }
  const Token& TokenAt(uint32_t i) const { return doc_.tokens[i]; }
  const std::string& WordKey(uint32_t i) const;
  std::string_view StemKey(uint32_t i) const;
  uint32_t ComputeStemKey(uint32_t i) const;
  std::string KeyOf(std::string_view text) const { return dictionary_.keyer().Key(text); }
  std::string_view Lang() const { return german_ ? "de" : "en"; }
  bool IsWordToken(uint32_t i) const;
  std::string GenitiveStripped(std::string_view word) const;
  const AgentForm* AgentAt(HashedWord word) const;
  const AgentForm* AgentOfToken(uint32_t i) const;  // memoised per token
  const AgentForm* AgentPhraseAt(uint32_t i, uint32_t& end) const;

  const ActorDictionary& dictionary_;
  Document& doc_;
  DateNumber date_;
  ReferenceRegistry references_;
  inline static const AgentForm* const kUnknownAgent = reinterpret_cast<const AgentForm*>(1);
  // What the pass found out about a token, once asked. Small, because every token of the
  // document gets one: the keys and names, asked for at a third of the tokens, lie in pools.
  struct TokenMemo {
    const AgentForm* agent = kUnknownAgent;  // AgentOfToken
    uint32_t key = 0;           // WordKey: 1 + its index in keys_; 0 until asked
    uint32_t stem = 0;          // StemKey: likewise, or kStemPrefix | its length in WordKey
    uint32_t longest_name = 0;  // LongestName: 1 + its index in longest_names_; 0 until asked
    int8_t looks_like_name = -1;          // -1 until asked, then 0 or 1
    int8_t may_be_agent_or_demonym = -1;  // likewise
    int8_t may_be_name = -1;              // likewise
  };
  mutable std::vector<TokenMemo> memo_;
  static constexpr uint32_t kStemPrefix = uint32_t{1} << 31;  // the stem key is a prefix of the word key
  // At most a key and a stem key per token: reserved for that many, it never moves its strings,
  // so the references WordKey and StemKey return stay valid.
  mutable std::vector<std::string> keys_;
  mutable std::vector<std::optional<NameSpan>> longest_names_;
  mutable std::unordered_map<std::string_view, bool> noun_cache_;
  // Per token: HashWord of its surface, once asked for. The rules ask for it at the words that may
  // start an entity (MayStartEntity), a small part of the text: hashing every token cost more.
  mutable std::vector<uint64_t> surface_hashes_;
  // The sentence being processed.
  uint32_t sentence_ = 0;
  uint32_t first_ = 0;
  uint32_t last_ = 0;
  bool german_ = false;  // the sentence's language: German, else English rules
  mutable std::optional<bool> shouting_;  // the sentence is set in capitals; asked rarely, so found out when asked
  bool SentenceIsShouting() const;
  static bool IsShouting(std::string_view text);
  struct LemmaCountry {
    std::string country;
    uint32_t sentence = 0;
  };
  // A role word standing as a title before a name ("US-Außenminister Blinken"): its code goes
  // to the person whose name starts at `token`.
  struct TitleRole {
    uint32_t token = 0;
    std::string code;
    std::string country;
    std::string role;
  };
  std::optional<TitleRole> title_role_;
  std::unordered_map<std::string, uint32_t> country_mentions_;  // country → entities so far
  // Agent lemma → country → how often the text named them together.
  std::unordered_map<std::string_view, std::map<std::string, uint32_t>> country_counts_by_lemma_;
  std::unordered_map<std::string_view, LemmaCountry> countries_by_sector_;  // sector → last country
};

}  // namespace lagebild
