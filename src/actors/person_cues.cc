// People the dictionary does not know, and short references to people named before.
#include <algorithm>

#include "actors/recognizer_pass.h"
#include "segment/char_class.h"

namespace lagebild {
namespace {

constexpr uint32_t kMaxNameShapeTokens = 4;
constexpr uint32_t kMaxAppositionTokens = 14;
constexpr uint32_t kMaxPostOffset = 5;  // ", eine hochrangige frühere Sprecherin"
constexpr uint32_t kMaxPostDistanceBytes = 60;  // "Sprecher des Nationalen Sicherheitsrats, X"

bool IsArticle(std::string_view word) {
  static constexpr std::string_view kArticles[] = {"ein", "eine", "einer", "eines", "der", "die", "das", "dem",
                                                   "den", "the", "a", "an", "kürzlich", "former", "ehemalige",
                                                   "ehemaliger", "früherer", "frühere"};
  return std::find(std::begin(kArticles), std::end(kArticles), word) != std::end(kArticles);
}

bool IsAllCaps(std::string_view word) {
  return std::none_of(word.begin(), word.end(), [](unsigned char c) { return std::islower(c); });
}

}  // namespace

// A word that can be part of a personal name: capitalised, and in German not a common noun.
bool RecognizerPass::LooksLikeNameWord(uint32_t i) const {
  if (i >= last_) return false;
  int8_t& known = memo_[i].looks_like_name;
  if (known < 0) known = ComputeLooksLikeNameWord(i) ? 1 : 0;
  return known == 1;
}

bool RecognizerPass::ComputeLooksLikeNameWord(uint32_t i) const {
  const Token& token = TokenAt(i);
  if (token.kind == TokenKind::kInitial) return true;
  if (token.kind != TokenKind::kWord || !token.capitalized) return false;
  const HashedWord word = Word(i);  // hashed once for the three look-ups
  if (AgentOfToken(i) != nullptr || dictionary_.PersonCue(word, Lang()) != CueKind::kNone) return false;
  if (dictionary_.IsFunctionWord(word, Lang()) || dictionary_.IsOrganisationWord(word)) return false;
  if (german_ && IsGermanNounCached(word.text)) return false;
  // A country, capital or organisation is not part of a person's name ("Gräberfeld Dänemarks").
  if (auto name = LongestName(i); name && dictionary_.actors()[name->actor].kind != "person") return false;
  return true;
}

// One past the last token of a name shape starting at i (i itself when there is none):
// capitalised name words and initials, two to four of them, not ending in an initial.
uint32_t RecognizerPass::NameShapeEnd(uint32_t i) const {
  uint32_t j = i;
  while (j < last_ && j < i + kMaxNameShapeTokens && (LooksLikeNameWord(j) || (j > i && dictionary_.IsNameParticle(Word(j))))) {
    ++j;
  }
  while (j > i && (TokenAt(j - 1).kind == TokenKind::kInitial || dictionary_.IsNameParticle(Word(j - 1)))) --j;
  return j;
}

// "Herr Kim", "Herrn Putin", "Frau Watson", "Mr. Kirby": a reference to someone named before,
// or a person of their own.
bool RecognizerPass::TryTitledPerson(uint32_t i) {
  if (!TokenAt(i).capitalized || i + 1 >= last_) return false;
  if (dictionary_.PersonCue(Word(i), Lang()) != CueKind::kTitle) return false;
  const uint32_t name = i + 1;
  if (!TokenAt(name).capitalized || TryName(name) || TryReference(name)) return true;
  const uint32_t end = std::max(NameShapeEnd(name), name + 1);
  const int32_t entity = AddCuePerson(name, end);
  CodeFromApposition(entity, end);
  return true;
}

// A name word of someone named before ("Kim" for Kim Jong-un, "Kims" in "Herr Kims Vater").
bool RecognizerPass::TryReference(uint32_t i) {
  const Token& token = TokenAt(i);
  if (token.kind != TokenKind::kWord || !token.capitalized || references_.empty()) return false;
  int32_t referent = references_.Resolve(WordKey(i));
  Span span = token.span;
  if (referent < 0) {
    const std::string stripped = GenitiveStripped(Surface(i));
    if (stripped.empty()) return false;
    referent = references_.Resolve(KeyOf(stripped));
    span.end -= 1;
  }
  if (referent < 0) return false;
  AddReference(span, referent);
  return true;
}

// A person not in the dictionary, recognised from the shape of the name and a cue: an initial
// inside it ("Jean H. Lee"), a role word or reporting verb before it ("Sprecherin Adrienne
// Watson", "sagte Jean H. Lee"), or an apposition after it ("Adrienne Watson, eine Sprecherin …").
bool RecognizerPass::TryNameShape(uint32_t i) {
  if (TokenAt(i).kind == TokenKind::kInitial) return false;
  // A name shape has two words at least: without a possible second one, none of the tests below
  // (in German a noun-lexicon search for every capitalised word) can make one.
  if (!MayContinueNameShape(i + 1)) return false;
  // After a title or a post set off by a comma, the cue is strong enough for name words that are
  // also nouns ("Sprecher …, Park Min-seo").
  const bool after_title = title_role_ && title_role_->token == i;
  const int32_t post = i >= first_ + 2 && Surface(i - 1) == "," ? PostBefore(i - 1) : -1;
  // An apposition naming a post is as strong: "Park Min-seo, ein Sprecher des …".
  const bool strong_cue = after_title || post >= 0 ||
                          (MayBeNameWord(i) && AppositionMayFollow(i) && AppositionNamesAPost(StrongCueNameEnd(i)));
  if (!(strong_cue ? MayBeNameWord(i) : LooksLikeNameWord(i))) return false;
  if (i == first_ && !strong_cue && !LooksLikeNameWord(i + 1)) return false;
  const uint32_t end = strong_cue ? std::max(NameShapeEnd(i), StrongCueNameEnd(i)) : NameShapeEnd(i);
  if (end < i + 2) return false;
  // "Eastern Economic Forum", "Wilson Center": the words name an organisation, not a person.
  if (end < last_ && dictionary_.IsOrganisationWord(Word(end))) return false;
  bool has_initial = false;
  for (uint32_t j = i; j < end; ++j) has_initial |= TokenAt(j).kind == TokenKind::kInitial;
  const bool after_cue = i > first_ && (AgentOfToken(i - 1) != nullptr ||
                                        dictionary_.PersonCue(Word(i - 1), Lang()) == CueKind::kReporting);
  const bool apposition = AppositionNamesAPost(end);
  // In German every noun is capitalised, so two capitalised words that the noun lexicon does not
  // know, inside a sentence, are a name ("… sagte Angela Merkel …"). The pair must be the whole
  // run of such words, and not follow an article: "das Kosmodrom Wostotschny" and "der Far
  // Eastern Federal University" are no people.
  const bool unknown_pair = german_ && i > first_ && end == i + 2 && !IsAllCaps(Surface(i)) &&
                            !IsAllCaps(Surface(i + 1)) && !TokenAt(i).line_start && !LooksLikeNameWord(i - 1) &&
                            !IsArticle(Surface(i - 1)) && !LooksLikeNameWord(end);
  if (!has_initial && !after_cue && !apposition && !strong_cue && !unknown_pair) return false;
  const int32_t entity = AddCuePerson(i, end);
  Entity& person = doc_.entities[entity];
  if (after_title && !title_role_->code.empty()) {  // "US-Regierungssprecherin Megan Castellano"
    person.code = title_role_->code;
    person.country = title_role_->country;
    person.role = title_role_->role;
  } else if (post >= 0) {  // "Ein Sprecher des Weißen Hauses, John F. Kirby"
    const Entity& role_word = doc_.entities[post];
    person.code = role_word.code;
    person.country = role_word.country;
    person.role = role_word.role;
  }
  CodeFromApposition(entity, end);
  return true;
}

// The compound test of the noun lexicon is costly and words repeat within a document.
bool RecognizerPass::IsGermanNounCached(std::string_view word) const {
  auto found = noun_cache_.find(word);
  if (found == noun_cache_.end()) found = noun_cache_.emplace(word, dictionary_.IsGermanNoun(word)).first;
  return found->second;
}

// Whether token j can be the second word of a name shape by its form alone: a capitalised word,
// an initial or a name particle (NameShapeEnd and StrongCueNameEnd take no other).
bool RecognizerPass::MayContinueNameShape(uint32_t j) const {
  if (j >= last_) return false;
  const Token& token = TokenAt(j);
  return token.kind == TokenKind::kInitial || (token.kind == TokenKind::kWord && token.capitalized) ||
         dictionary_.IsNameParticle(Word(j));
}

// Capitalised, and neither a function word, a role word, nor the name of a place or organisation.
// Asked for each word of up to four name shapes that may contain it: memoised per token.
bool RecognizerPass::MayBeNameWord(uint32_t i) const {
  if (i >= last_ || TokenAt(i).kind != TokenKind::kWord || !TokenAt(i).capitalized) return false;
  int8_t& known = memo_[i].may_be_name;
  if (known < 0) known = ComputeMayBeNameWord(i) ? 1 : 0;
  return known == 1;
}

bool RecognizerPass::ComputeMayBeNameWord(uint32_t i) const {
  if (AgentOfToken(i) != nullptr || dictionary_.IsFunctionWord(Word(i), Lang())) return false;
  if (dictionary_.IsOrganisationWord(Word(i))) return false;
  auto name = LongestName(i);
  return !name || dictionary_.actors()[name->actor].kind == "person";
}

// Name words after a strong cue: up to four, noun or not ("Park Min-seo"), until a comma, a
// lower-case word or a non-name.
uint32_t RecognizerPass::StrongCueNameEnd(uint32_t i) const {
  uint32_t j = i;
  while (j < last_ && j < i + kMaxNameShapeTokens && (MayBeNameWord(j) || TokenAt(j).kind == TokenKind::kInitial)) ++j;
  while (j > i && TokenAt(j - 1).kind == TokenKind::kInitial) --j;
  return j;
}

// The person agent with a code that a name after `comma` stands in apposition to: the last agent
// of the sentence, with only its genitive or "of" phrase between it and the comma.
int32_t RecognizerPass::PostBefore(uint32_t comma) const {
  for (int32_t e = static_cast<int32_t>(doc_.entities.size()) - 1; e >= 0; --e) {
    const Entity& entity = doc_.entities[e];
    if (entity.sentence != sentence_) return -1;
    if (TokenAt(comma).span.begin - entity.span.end >= kMaxPostDistanceBytes) return -1;
    if (entity.kind != EntityKind::kAgent) continue;  // the post's genitive: "des Weißen Hauses"
    const uint32_t last_token = TokenIndexEndingAt(entity.span.end);
    const AgentForm* agent = AgentOfToken(last_token);
    if (agent != nullptr && agent->person) return entity.code.empty() ? -1 : e;
  }
  return -1;
}

// Whether a comma and an article stand where a name starting at `i` may end (StrongCueNameEnd):
// without them, no apposition follows and the name words need not be looked up.
bool RecognizerPass::AppositionMayFollow(uint32_t i) const {
  for (uint32_t end = i + 1; end <= i + kMaxNameShapeTokens; ++end) {
    if (CommaAndArticleAt(end)) return true;
  }
  return false;
}

// ", eine …", ", der …": how an apposition after a name at `end` begins.
bool RecognizerPass::CommaAndArticleAt(uint32_t end) const {
  return end + 1 < last_ && Surface(end) == "," && IsArticle(Surface(end + 1));
}

// ", eine Sprecherin …", ", der Präsident …": an apposition after `end` that names a post.
bool RecognizerPass::AppositionNamesAPost(uint32_t end) const {
  if (!CommaAndArticleAt(end)) return false;
  for (uint32_t j = end + 2; j < last_ && j <= end + kMaxPostOffset; ++j) {
    if (const AgentForm* agent = AgentAt(Word(j)); agent != nullptr && agent->person) return true;
  }
  return false;
}

int32_t RecognizerPass::AddCuePerson(uint32_t first, uint32_t last) {
  Entity entity;
  entity.span = {TokenAt(first).span.begin, TokenAt(last - 1).span.end};
  entity.sentence = sentence_;
  entity.kind = EntityKind::kPerson;
  entity.source = EntitySource::kCue;
  doc_.entities.push_back(std::move(entity));
  const auto index = static_cast<int32_t>(doc_.entities.size() - 1);
  RegisterPerson(index, first, last);
  references_.CountMention(index);
  return index;
}

void RecognizerPass::AddReference(Span span, int32_t referent) {
  Entity entity = doc_.entities[referent];
  entity.span = span;
  entity.sentence = sentence_;
  entity.source = EntitySource::kCoreference;
  entity.antecedent = referent;
  doc_.entities.push_back(std::move(entity));
  references_.CountMention(referent);
}

// The words of a person's name become short forms pointing to the person.
void RecognizerPass::RegisterPerson(int32_t entity, uint32_t first, uint32_t last) {
  for (uint32_t j = first; j < last; ++j) {
    if (TokenAt(j).kind == TokenKind::kInitial || dictionary_.IsNameParticle(Word(j))) continue;
    if (dictionary_.PersonCue(Word(j), Lang()) == CueKind::kTitle) continue;
    references_.Register(WordKey(j), entity);
  }
}

// "Adrienne Watson, eine Sprecherin des Nationalen Sicherheitsrats": the person takes the code
// of the role the apposition gives; "Jean H. Lee, … am Wilson Center" that of the organisation.
// The apposition's words are recognised as the pass goes on, so this looks ahead with the same
// dictionary lookups the pass will make.
void RecognizerPass::CodeFromApposition(int32_t entity, uint32_t after) {
  if (!doc_.entities[entity].code.empty() || after + 1 >= last_ || Surface(after) != ",") return;
  std::optional<Country> organisation;
  for (uint32_t j = after + 1; j < last_ && j < after + 1 + kMaxAppositionTokens; ++j) {
    if (Surface(j) == "," || Surface(j) == ";") break;
    if (const AgentForm* agent = AgentAt(Word(j))) {
      if (auto country = CountryAfter(j)) {
        Entity& person = doc_.entities[entity];
        person.code = country->code.size() > 3 ? country->code : country->country + std::string(agent->sector);
        person.country = country->country;
        person.role = std::string(agent->role);
        return;
      }
    }
    if (!organisation && IsWordToken(j) && TokenAt(j).capitalized) {
      if (auto name = LongestName(j)) {
        const Actor& actor = dictionary_.actors()[name->actor];
        if (actor.kind != "person" && actor.kind != "country" && actor.kind != "capital") {
          organisation = Country{dictionary_.CodeOn(actor, date_), std::string(actor.country)};
        }
      }
    }
  }
  if (organisation) {
    doc_.entities[entity].code = organisation->code;
    doc_.entities[entity].country = organisation->country;
  }
}

}  // namespace lagebild
