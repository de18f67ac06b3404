// Agents: role words with the country they belong to ("US-Beamte", "der russische Präsident",
// "Kremlsprecher", "Sprecher des Weißen Hauses"), and role words as titles before names.
#include <algorithm>

#include "actors/recognizer_pass.h"
#include "actors/recognizer_text.h"
#include "segment/char_class.h"

namespace lagebild {
namespace {

constexpr uint32_t kMaxAdjectivesBeforeAgent = 2;
constexpr uint32_t kMaxLinkedTokens = 4;
// A bare "Beamte" takes the sector's country of at most this many sentences back.
constexpr uint32_t kContextSentences = 3;

}  // namespace

// --- agents ---------------------------------------------------------------------------------

// What a word says about a country: a nationality adjective ("nordkoreanische"), a country,
// capital or seat of government ("Kreml" → RUSGOV), or an organisation with a country code.
std::optional<RecognizerPass::Country> RecognizerPass::CountryOfWord(std::string_view word) const {
  if (const std::string_view country = AdjectiveCountry(word); !country.empty()) {
    return Country{std::string(country), std::string(country)};
  }
  const std::vector<NameMatch>* matches = dictionary_.FindName(word);
  const std::string stripped = GenitiveStripped(word);
  if (matches == nullptr && !stripped.empty()) matches = dictionary_.FindName(stripped);
  if (matches == nullptr) return std::nullopt;
  const auto actor = ChooseActor(*matches, word);
  if (!actor) return std::nullopt;
  const Actor& found = dictionary_.actors()[*actor];
  if (found.kind == "person") return std::nullopt;
  return Country{dictionary_.CodeOn(found, date_), std::string(found.country)};
}

// The country of a nationality adjective as written or with its first letter lowered (at the
// start of a sentence: "Nordkoreanische Soldaten"); empty when it is none.
std::string_view RecognizerPass::AdjectiveCountry(HashedWord word) const {
  const std::string_view country = dictionary_.CountryOfAdjective(word, Lang());
  if (!country.empty() || !LowerFirstDiffers(word.text)) return country;
  return dictionary_.CountryOfAdjective(LowerFirst(word.text), Lang());
}

// "nordkoreanische Beamte", "der russische Verteidigungsminister", "the Iranian military",
// "North Korean officials", "US officials".
bool RecognizerPass::TryAgentWithAdjective(uint32_t i) {
  if (TokenAt(i).kind != TokenKind::kWord && TokenAt(i).kind != TokenKind::kAbbreviation) return false;
  // German nationality adjectives are lower case ("nordkoreanische"), except at the start of a
  // sentence or inside a name.
  const bool hyphenated = !TokenAt(i).plain_word && Surface(i).find('-') != std::string_view::npos;
  if (german_ && TokenAt(i).capitalized && i != first_ && !hyphenated) {
    return false;
  }
  if (!MayBeAgentOrDemonym(i)) return false;  // neither a demonym nor the start of one
  std::optional<Country> country;
  uint32_t next = i + 1;
  if (i + 1 < last_ && !german_ && dictionary_.MayStartAdjectivePhrase(Word(i))) {  // "North Korean"
    const std::string two_words = std::string(Surface(i)) + " " + std::string(Surface(i + 1));
    if (const std::string_view code = dictionary_.CountryOfAdjective(two_words, "en"); !code.empty()) {
      country = Country{std::string(code), std::string(code)};
      next = i + 2;
    }
  }
  if (const std::string_view code = country ? std::string_view() : AdjectiveCountry(Word(i)); !code.empty()) {
    country = Country{std::string(code), std::string(code)};
  }
  if (!country) return false;
  // A dictionary name that starts here and runs on wins: "U.S. Treasury", "Russian Defense
  // Ministry" are organisations, not agents.
  if (TokenAt(i).capitalized) {
    if (auto name = LongestName(i); name && name->last > next) return false;
  }
  for (uint32_t j = next; j < last_ && j <= next + kMaxAdjectivesBeforeAgent && IsWordToken(j); ++j) {
    uint32_t end = j + 1;
    if (const AgentForm* agent = AgentPhraseAt(j, end)) {
      AddAgent({TokenAt(i).span.begin, TokenAt(end - 1).span.end}, *agent, country, EntitySource::kAgent);
      return true;
    }
    if (TokenAt(j).capitalized && german_) break;  // a noun that is no agent
  }
  return false;
}

// Hyphenated and closed compounds: "US-Beamte", "Kreml-Sprecher", "Kremlsprecher"; and country
// words inside compounds: "Russland-Besuch", "Russland-Nordkorea-Bündnis".
bool RecognizerPass::TryCompoundToken(uint32_t i) {
  const Token& token = TokenAt(i);
  if (token.kind != TokenKind::kWord || !token.capitalized) return false;
  const std::string_view surface = Surface(i);
  const size_t hyphen = surface.rfind('-');
  if (hyphen != std::string_view::npos && hyphen > 0) {
    const std::string_view head = surface.substr(0, hyphen);
    const std::string_view tail = surface.substr(hyphen + 1);
    if (const AgentForm* agent = AgentAt(tail)) {
      if (auto country = CountryOfWord(head)) {
        AddAgent(token.span, *agent, country, EntitySource::kAgent);
        return true;
      }
    }
    // Country words as parts of a compound become entities of their own sub-spans.
    bool found = false;
    for (size_t start = 0; start < hyphen;) {
      const size_t end = surface.find('-', start);
      const std::string_view part = surface.substr(start, end - start);
      if (auto matches = dictionary_.FindName(part)) {
        const auto actor = ChooseActor(*matches, part);
        const std::string_view kind = actor ? dictionary_.actors()[*actor].kind : std::string_view();
        if (actor && kind != "person" && kind != "capital") {
          const uint32_t begin = token.span.begin + static_cast<uint32_t>(start);
          AddActor({begin, begin + static_cast<uint32_t>(end - start)}, *actor, EntitySource::kDictionary);
          found = true;
        }
      }
      start = end + 1;
    }
    return found;
  }
  if (!german_ || !dictionary_.MayEndWithGermanAgent(surface)) return false;
  // "Kremlsprecher": a known prefix and an agent as the last part.
  for (uint32_t split = 3; split + 3 <= surface.size(); split = chars::DecodeAt(surface, split).next) {
    if ((static_cast<uint8_t>(surface[split]) & 0xC0) == 0x80) continue;
    const AgentForm* agent = AgentAt(UpperFirst(surface.substr(split)));
    if (agent == nullptr) continue;
    if (auto country = CountryOfWord(surface.substr(0, split))) {
      AddAgent(token.span, *agent, country, EntitySource::kAgent);
      return true;
    }
  }
  return false;
}

// A bare agent word: its country from a genitive or "of" phrase after it ("Sprecher des Weißen
// Hauses", "officials of Iran"), an adjacent name before it ("White House officials"), or the
// last agent with a country in the document ("die Beamten" after "US-Beamte").
bool RecognizerPass::TryAgent(uint32_t i) {
  uint32_t end = i + 1;
  const AgentForm* agent = AgentPhraseAt(i, end);
  if (agent == nullptr) return false;
  std::optional<Country> country = CountryAfter(end - 1);
  if (!country) country = CountryBefore(i);
  if (!country) country = FederalCountry(Surface(i));
  const bool explicit_country = country.has_value();
  // "die Beamten" after "US-Beamte": officials, soldiers, diplomats of the country last named
  // with the same word. Posts ("Präsident") and bodies ("Botschaft") are not guessed.
  const bool may_take_context = agent->person && agent->role.empty();
  if (!country && may_take_context) {
    // The country this word was most often named with in the document ("die Beamten" in an
    // article citing US officials throughout), else the sector's country of the last three
    // sentences ("alliierte Beamte" right after "die amerikanische Regierung").
    if (auto usual = UsualCountryOf(agent->lemma)) {
      country = Country{*usual, *usual};
    } else if (const auto previous = countries_by_sector_.find(agent->sector);
               previous != countries_by_sector_.end() && sentence_ - previous->second.sentence <= kContextSentences) {
      country = Country{previous->second.country, previous->second.country};
    }
  }
  AddAgent({TokenAt(i).span.begin, TokenAt(end - 1).span.end}, *agent, country, EntitySource::kAgent, explicit_country);
  return true;
}

std::optional<RecognizerPass::Country> RecognizerPass::CountryAfter(uint32_t i) const {
  static constexpr std::string_view kLinks[] = {"des", "der", "von", "vom", "of", "in", "aus"};
  uint32_t j = i + 1;
  if (j >= last_ || std::find(std::begin(kLinks), std::end(kLinks), Surface(j)) == std::end(kLinks)) {
    // German genitive without article: "die Regierung Nordkoreas".
    if (german_ && j < last_ && TokenAt(j).capitalized) return CountryOfWord(Surface(j));
    return std::nullopt;
  }
  // The first country word within a few tokens: "des Weißen Hauses", "von etwa 20
  // nordkoreanischen Beamten", "of the Iranian government".
  for (uint32_t k = j + 1; k < last_ && k <= j + kMaxLinkedTokens; ++k) {
    if (!IsWordToken(k) && TokenAt(k).kind != TokenKind::kNumber) break;
    if (!IsWordToken(k)) continue;
    if (TokenAt(k).capitalized) {
      if (auto name = LongestName(k)) {
        const Actor& actor = dictionary_.actors()[name->actor];
        if (actor.kind == "person") return std::nullopt;
        return Country{dictionary_.CodeOn(actor, date_), std::string(actor.country)};
      }
    }
    if (auto country = CountryOfWord(Surface(k))) {
      // "Sprecher der ukrainischen Polizei": the body's own sector makes the code.
      if (k + 1 < last_ && country->code.size() == 3) {
        if (const AgentForm* body = AgentOfToken(k + 1)) country->code = country->country + std::string(body->sector);
      }
      return country;
    }
  }
  return std::nullopt;
}

std::optional<RecognizerPass::Country> RecognizerPass::CountryBefore(uint32_t i) const {
  if (doc_.entities.empty() || i == first_) return std::nullopt;
  // "China's leader": the possessive clitic stands between the name and the role word.
  if (TokenAt(i - 1).kind == TokenKind::kClitic && i - 1 > first_) --i;
  const Entity& previous = doc_.entities.back();
  // Adjacent, or inside the token before ("Chinas Führer": the entity is "China").
  if (previous.sentence != sentence_ || previous.span.begin < TokenAt(i - 1).span.begin) return std::nullopt;
  if (previous.kind == EntityKind::kPerson || previous.country.empty()) return std::nullopt;
  return Country{previous.code, previous.country};
}

// A name right after token i: a dictionary name, or the shape of a person's name.
bool RecognizerPass::NameFollows(uint32_t i) const {
  const uint32_t next = i + 1;
  if (next >= last_ || !IsWordToken(next) || !TokenAt(next).capitalized) return false;
  if (auto name = LongestName(next)) {
    const std::string_view kind = dictionary_.actors()[name->actor].kind;
    return kind != "country" && kind != "capital";
  }
  return StrongCueNameEnd(next) >= next + 2;
}

// "Bundesregierung", "Bundesaußenministerin": German federal bodies and posts are Germany's,
// or Austria's or Switzerland's in a text that mentions those more.
std::optional<RecognizerPass::Country> RecognizerPass::FederalCountry(std::string_view word) const {
  if (!german_ || !word.starts_with("Bundes")) return std::nullopt;
  std::string best = "DEU";
  uint32_t best_count = 0;
  for (const char* country : {"DEU", "AUT", "CHE"}) {
    const auto found = country_mentions_.find(country);
    const uint32_t count = found == country_mentions_.end() ? 0 : found->second;
    if (count > best_count) {
      best = country;
      best_count = count;
    }
  }
  return Country{best, best};
}

std::optional<std::string> RecognizerPass::UsualCountryOf(std::string_view lemma) const {
  const auto found = country_counts_by_lemma_.find(lemma);
  if (found == country_counts_by_lemma_.end()) return std::nullopt;
  const auto best = std::max_element(found->second.begin(), found->second.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  return best->first;
}

void RecognizerPass::AddAgent(Span span, const AgentForm& agent, const std::optional<Country>& country,
                              EntitySource source, bool explicit_country) {
  // "US-Außenminister Antony Blinken", "Staatsagentur KCNA": the role word is part of the name;
  // the person after it takes the role's code unless the dictionary knows better.
  const uint32_t last_token = TokenIndexEndingAt(span.end);
  if (NameFollows(last_token)) {
    TitleRole title{last_token + 1, "", "", std::string(agent.role)};
    if (country) {
      title.code = country->code.size() > 3 ? country->code : country->country + std::string(agent.sector);
      title.country = country->country;
    }
    // "russische Vizeaußenminister Pawel Saizew" is seen from "russische" and again from the
    // role word alone; the first, with its country, stays.
    const bool keep = title_role_ && title_role_->token == title.token && !title_role_->code.empty();
    if (!keep) title_role_ = std::move(title);
    return;
  }
  // A bare role word with no country is no actor: "der Präsident", "eine Reporterin".
  if (!country) return;
  // "eines russischen Verteidigungsministers": an indefinite post names nobody in particular.
  const uint32_t first_token = TokenIndexStartingAt(span.begin);
  const bool indefinite = first_token > first_ && IsIndefiniteArticle(Surface(first_token - 1));
  // A post held by one person on the date names that person: "der russische Präsident".
  if (!indefinite && !agent.role.empty()) {
    const std::vector<uint32_t> holders = dictionary_.HoldersOf(country->country, agent.role, date_);
    if (holders.size() == 1) {
      const int32_t entity = AddActor(span, holders[0], EntitySource::kAgent);
      references_.CountMention(entity);
      return;
    }
  }
  Entity entity;
  entity.span = span;
  entity.sentence = sentence_;
  entity.kind = EntityKind::kAgent;
  entity.source = source;
  entity.sector = std::string(agent.sector);
  entity.role = std::string(agent.role);
  entity.country = country->country;
  // A seat of government or an organisation with a sector keeps it ("Sprecher des Weißen
  // Hauses" is USAGOV); a plain country takes the agent's sector.
  entity.code = country->code.size() > 3 ? country->code : country->country + std::string(agent.sector);
  ++country_mentions_[entity.country];
  doc_.entities.push_back(std::move(entity));
  if (explicit_country) ++country_counts_by_lemma_[agent.lemma][country->country];
  countries_by_sector_[agent.sector] = {country->country, sentence_};
}

}  // namespace lagebild
