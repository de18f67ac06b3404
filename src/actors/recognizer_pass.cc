// Names from the dictionary and agents with their country.
#include "actors/recognizer_pass.h"

#include <algorithm>

#include "actors/name_key.h"
#include "actors/name_start_cache.h"
#include "actors/recognizer_text.h"
#include "segment/char_class.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr uint32_t kMaxNameTokens = 7;
constexpr uint32_t kMaxAgentWords = 3;     // "secretary of state"
constexpr size_t kShoutingMinLetters = 12;  // "US SAYS" is no shouting; a headline is
constexpr size_t kMinPlainNameBytes = 3;  // shorter names must be written in capitals
constexpr size_t kMinGenitiveWord = 4;

constexpr DateNumber kLatestDate = 99991230;

EntityKind KindOf(std::string_view kind) {
  if (kind == "person") return EntityKind::kPerson;
  if (kind == "country") return EntityKind::kCountry;
  if (kind == "capital") return EntityKind::kCapital;
  if (kind == "armed-group") return EntityKind::kArmedGroup;
  if (kind == "party") return EntityKind::kParty;
  if (kind == "media") return EntityKind::kMedia;
  return EntityKind::kOrganisation;
}

// Preference among actors sharing a name: people, then organisations, then places.
int KindRank(std::string_view kind) {
  if (kind == "person") return 0;
  if (kind == "country") return 2;
  if (kind == "capital") return 3;
  return 1;
}

}  // namespace

RecognizerPass::RecognizerPass(const ActorDictionary& dictionary, Document& doc)
    : dictionary_(dictionary), doc_(doc) {
  date_ = doc.meta.published ? ToDateNumber(*doc.meta.published) : 0;
  if (date_ == 0) date_ = kLatestDate;
  const size_t tokens = doc.tokens.size();
  surface_hashes_.assign(tokens, 0);
  memo_.resize(tokens);  // sized once, so that the memos' accessors need no check
  keys_.reserve(2 * tokens);
  longest_names_.reserve(tokens);  // grown from empty, it was reallocated five times in a short article
}

void RecognizerPass::Run() {
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    const Sentence& sentence = doc_.sentences[s];
    sentence_ = s;
    first_ = sentence.first_token;
    last_ = sentence.last_token;
    german_ = doc_.paragraphs[sentence.paragraph].lang == "de";
    shouting_.reset();
    for (uint32_t i = first_; i < last_;) {
      const size_t before = doc_.entities.size();
      const uint32_t start = i;
      if (!MayStartEntity(i)) {
        ++i;
        continue;
      }
      if (TryAgentWithAdjective(i) || TryName(i) || TryCompoundToken(i) || TryAgent(i) || TryTitledPerson(i) ||
          TryReference(i) || TryNameShape(i)) {
        // The entity's last token decides where to go on.
        i = start + 1;
        while (i < last_ && doc_.entities.size() > before && TokenAt(i).span.begin < doc_.entities.back().span.end) ++i;
      } else {
        ++i;
      }
    }
  }
}

// What each Try… of Run needs at its first token: a capitalised word or an initial (names,
// compounds, titles, references, name shapes), a name particle ("von der Leyen", "al-Sisi"), or
// a word that may be an agent or demonym ("officials", "nordkoreanische"). Most tokens are none.
bool RecognizerPass::MayStartEntity(uint32_t i) const {
  const Token& token = TokenAt(i);
  if (token.capitalized || token.kind == TokenKind::kInitial) return true;
  if (!IsWordToken(i)) return false;
  return dictionary_.MayBeAgentDemonymOrParticle({doc_.Lower(token), token.lower_hash});
}

bool RecognizerPass::SentenceIsShouting() const {
  if (!shouting_) shouting_ = IsShouting(doc_.Surface(doc_.sentences[sentence_].span));
  return *shouting_;
}

// A sentence set (mostly) in capitals, as wire headlines are.
bool RecognizerPass::IsShouting(std::string_view text) {
  const auto [upper, lower] = CountAsciiLetters(text);  // ASCII letters only, as std::isupper in any UTF-8 locale
  return upper > kShoutingMinLetters && upper > 3 * lower;
}

// --- tokens ---------------------------------------------------------------------------------

// Asked for many times per token by the tries: memoised per token. (A cache by surface across
// tokens cost more in hashing and allocation than the repeated words saved.)
const std::string& RecognizerPass::WordKey(uint32_t i) const {
  uint32_t& key = memo_[i].key;
  if (key == 0) {
    keys_.push_back(KeyOf(Surface(i)));
    key = static_cast<uint32_t>(keys_.size());
  }
  return keys_[key - 1];
}

bool RecognizerPass::IsWordToken(uint32_t i) const {
  const TokenKind kind = TokenAt(i).kind;
  return kind == TokenKind::kWord || kind == TokenKind::kAbbreviation || kind == TokenKind::kInitial;
}

std::string RecognizerPass::GenitiveStripped(std::string_view word) const {
  if (!german_ || word.size() < kMinGenitiveWord || !word.ends_with('s')) return {};
  return std::string(word.substr(0, word.size() - 1));
}

// An English role word of up to three words at token i ("foreign minister", "secretary of
// state"); `end` receives one past its last token. German role words are single compounds.
const AgentForm* RecognizerPass::AgentPhraseAt(uint32_t i, uint32_t& end) const {
  end = i + 1;
  const bool may_start = MayBeAgentOrDemonym(i) &&
                         (dictionary_.MayStartAgentPhrase(Word(i)) ||
                          (LowerFirstDiffers(Surface(i)) && dictionary_.MayStartAgentPhrase(LowerFirst(Surface(i)))));
  if (!german_ && IsWordToken(i) && may_start) {
    std::string phrase;
    for (uint32_t length = kMaxAgentWords; length >= 2; --length) {
      if (i + length > last_) continue;
      phrase.clear();
      bool words_only = true;
      for (uint32_t j = i; j < i + length && words_only; ++j) {
        words_only = IsWordToken(j);
        if (!phrase.empty()) phrase += ' ';
        phrase += Surface(j);
      }
      if (!words_only) continue;
      if (const AgentForm* agent = AgentAt(phrase)) {
        end = i + length;
        return agent;
      }
    }
  }
  return AgentOfToken(i);
}

const AgentForm* RecognizerPass::AgentOfToken(uint32_t i) const {
  if (memo_[i].agent == kUnknownAgent) {
    // German agents are nouns, so capitalised; English ones may be any case.
    const bool possible = IsWordToken(i) && (!german_ || TokenAt(i).capitalized) && MayBeAgentOrDemonym(i);
    memo_[i].agent = possible ? AgentAt(Word(i)) : nullptr;
  }
  return memo_[i].agent;
}

const AgentForm* RecognizerPass::AgentAt(HashedWord word) const {
  if (const AgentForm* agent = dictionary_.FindAgent(word, Lang())) return agent;
  if (!german_ && LowerFirstDiffers(word.text)) return dictionary_.FindAgent(LowerFirst(word.text), Lang());
  return nullptr;
}

uint32_t RecognizerPass::TokenIndexEndingAt(uint32_t end_byte) const {
  for (uint32_t i = first_; i < last_; ++i) {
    if (TokenAt(i).span.end >= end_byte) return i;
  }
  return last_ - 1;
}

uint32_t RecognizerPass::TokenIndexStartingAt(uint32_t begin_byte) const {
  for (uint32_t i = first_; i < last_; ++i) {
    if (TokenAt(i).span.end > begin_byte) return i;
  }
  return last_ - 1;
}

bool RecognizerPass::IsIndefiniteArticle(std::string_view word) {
  static constexpr std::string_view kIndefinite[] = {"ein", "eine", "einen", "einem", "einer", "eines", "Ein", "Eine",
                                                     "a", "an", "A", "An", "another"};
  return std::find(std::begin(kIndefinite), std::end(kIndefinite), word) != std::end(kIndefinite);
}

// --- names ----------------------------------------------------------------------------------

namespace {

// The letters and digits of `text` begin with those of `acronym`: "U.S." matches "US", "PKKs"
// matches "PKK", "PKK" does not match "PPK".
bool AcronymMatches(std::string_view text, std::string_view acronym) {
  auto letters = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c != '.' && c != '-' && c != ' ') out.push_back(c);
    }
    return out;
  };
  return letters(text).starts_with(letters(acronym));
}

}  // namespace

std::optional<uint32_t> RecognizerPass::ChooseActor(const std::vector<NameMatch>& matches, std::string_view text) const {
  const char language = german_ ? 'd' : 'e';
  // In a headline set in capitals every word looks like an acronym ("SAYS IT IS STUDYING").
  const bool capitals = std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::islower(c); }) && !SentenceIsShouting();
  const NameMatch* best = nullptr;
  auto rank = [&](const NameMatch& match) {
    const int language_rank = match.language == language || match.language == '*' ? 0 : 1;
    return KindRank(dictionary_.actors()[match.actor].kind) * 2 + language_rank;
  };
  // On a tie, the actor of the country the document has mentioned most: "der Nationale
  // Sicherheitsrat" in an article about US policy is the American one.
  auto salience = [&](const NameMatch& match) {
    const auto found = country_mentions_.find(std::string(dictionary_.actors()[match.actor].country));
    return found == country_mentions_.end() ? 0u : found->second;
  };
  for (const NameMatch& match : matches) {
    if (match.acronym && !capitals) continue;
    // Acronyms share keys easily ("PKK" and "PPK" both fold to "pk"): they must match as written.
    if (match.acronym && !AcronymMatches(text, match.text)) continue;
    if (best == nullptr || rank(match) < rank(*best) ||
        (rank(match) == rank(*best) && salience(match) > salience(*best))) {
      best = &match;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->actor;
}

// The longest dictionary name starting at token i: exact keys, keys without initials
// ("John F. Kirby" ~ "John Kirby"), a German genitive on the last word ("Putins"), and stem
// keys for inflected multi-word names ("des Weißen Hauses").
std::optional<RecognizerPass::NameSpan> RecognizerPass::LongestName(uint32_t i) const {
  // Asked for the same token by several tries; the answer depends only on the token.
  if (memo_[i].longest_name == 0) {
    std::optional<NameSpan> name = ComputeLongestName(i);
    longest_names_.push_back(name);
    memo_[i].longest_name = static_cast<uint32_t>(longest_names_.size());
    return name;
  }
  return longest_names_[memo_[i].longest_name - 1];
}

bool RecognizerPass::MayStartName(uint32_t i) const {
  const HashedWord word = Word(i);
  NameStartCache& cache = NameStartCache::ForThread(dictionary_.instance(), german_);
  if (const std::optional<bool> known = cache.Find(word.text, word.hash)) return *known;
  const bool starts = ComputeMayStartName(i);
  cache.Keep(word.text, word.hash, starts);
  return starts;
}

// Whether the token's key, stem key or (German) key without a genitive -s starts some name: a
// function of the token as written, the dictionary and german_ alone, which NameStartCache
// relies on. Keys equal to one already tried are not looked up again (most words have no ending
// to strip, and most names no initials): each look-up is a likely cache miss in a large table.
bool RecognizerPass::ComputeMayStartName(uint32_t i) const {
  const std::string& first_key = WordKey(i);
  const std::string_view first_stem = StemKey(i);
  if (dictionary_.IsNamePrefix(first_key) || (first_stem != first_key && dictionary_.IsNamePrefix(first_stem))) return true;
  const std::string stripped = GenitiveStripped(Surface(i));
  if (stripped.empty()) return false;
  const std::string genitive_first = KeyOf(stripped);
  return !genitive_first.empty() && dictionary_.IsNamePrefix(genitive_first);
}

std::optional<RecognizerPass::NameSpan> RecognizerPass::ComputeLongestName(uint32_t i) const {
  if (!MayStartName(i)) return std::nullopt;
  std::optional<NameSpan> best;
  std::string key, key_without_initials, stem_key;
  for (uint32_t j = i; j < last_ && j < i + kMaxNameTokens && IsWordToken(j); ++j) {
    const Token& token = TokenAt(j);
    if (j > i && !token.capitalized && !dictionary_.IsNameParticle(Word(j)) && token.kind != TokenKind::kAbbreviation) break;
    const std::string& word_key = WordKey(j);
    const std::string key_before = key;
    AppendWordKey(key, word_key);
    if (token.kind != TokenKind::kInitial) AppendWordKey(key_without_initials, word_key);
    AppendWordKey(stem_key, StemKey(j));
    auto consider = [&](const std::vector<NameMatch>* matches, uint32_t end_byte) {
      if (matches == nullptr) return;
      const std::string_view text(doc_.text.data() + TokenAt(i).span.begin, end_byte - TokenAt(i).span.begin);
      if (auto actor = ChooseActor(*matches, text)) best = NameSpan{i, j + 1, *actor, end_byte};
    };
    const HashedWord hashed_key(key), hashed_stem_key(stem_key);  // each asked of two tables
    consider(dictionary_.FindKey(hashed_key), token.span.end);
    if ((!best || best->last <= j) && key_without_initials != key) consider(dictionary_.FindKey(key_without_initials), token.span.end);
    if ((!best || best->last <= j) && j > i) consider(dictionary_.FindStemKey(hashed_stem_key), token.span.end);
    if (!best || best->last <= j) {
      const std::string stripped = GenitiveStripped(Surface(j));
      if (!stripped.empty()) {
        std::string genitive_key = key_before;
        AppendWordKey(genitive_key, KeyOf(stripped));
        consider(dictionary_.FindKey(genitive_key), token.span.end - 1);
      }
    }
    const bool may_continue =
        dictionary_.IsNamePrefix(hashed_key) || (key_without_initials != key && dictionary_.IsNamePrefix(key_without_initials)) ||
        (stem_key != key && stem_key != key_without_initials && dictionary_.IsNamePrefix(hashed_stem_key));
    if (!may_continue) break;
  }
  return best;
}

// The stem key of a token, word by word across its hyphens ("Jong-un", "Nationalen"). Most
// tokens have no hyphen: their stem key is a prefix of their word key, and no string is made.
std::string_view RecognizerPass::StemKey(uint32_t i) const {
  uint32_t& stem = memo_[i].stem;
  if (stem == 0) stem = ComputeStemKey(i);
  if ((stem & kStemPrefix) != 0) return std::string_view(WordKey(i)).substr(0, stem & ~kStemPrefix);
  return keys_[stem - 1];
}

uint32_t RecognizerPass::ComputeStemKey(uint32_t i) const {
  const std::string_view surface = Surface(i);
  if (TokenAt(i).plain_word || surface.find('-') == std::string_view::npos) {
    return kStemPrefix | static_cast<uint32_t>(StemLength(WordKey(i)));
  }
  std::string stem;
  for (size_t start = 0; start < surface.size();) {
    size_t end = surface.find('-', start);
    if (end == std::string_view::npos) end = surface.size();
    AppendWordKey(stem, StemWordKey(KeyOf(surface.substr(start, end - start))));
    start = end + 1;
  }
  keys_.push_back(std::move(stem));
  return static_cast<uint32_t>(keys_.size());
}

bool RecognizerPass::TryName(uint32_t i) {
  if (!IsWordToken(i)) return false;
  const Token& token = TokenAt(i);
  // A name may start with "von" or "al", but not with an article ("der Spiegel" is `Spiegel`).
  const bool particle_start = dictionary_.IsNameParticle(Word(i)) && !dictionary_.IsFunctionWord(UpperFirst(Surface(i)), Lang());
  if (!token.capitalized && !particle_start) return false;
  const std::optional<NameSpan> name = LongestName(i);
  if (!name || IsDoubtfulSingleWord(*name) || IsFirstNameOfPerson(*name) || IsOtherPersonsSurname(*name)) return false;
  if (TryNamedBodyWithRole(*name)) return true;
  const int32_t entity = AddActor({token.span.begin, name->end_byte}, name->actor, EntitySource::kDictionary);
  if (doc_.entities[entity].kind == EntityKind::kPerson) {
    RegisterPerson(entity, name->first, name->last);
    references_.CountMention(entity);
  }
  return true;
}

// One German word that is also a common noun or an English-only name is no media title, capital
// or country on its own: "Bild", "Spiegel", "Liga" (~ Riga), "Georgia" (the US state).
bool RecognizerPass::IsDoubtfulSingleWord(const NameSpan& name) const {
  if (name.last != name.first + 1) return false;
  const Actor& actor = dictionary_.actors()[name.actor];
  // Keys of very short words collide ("A" ~ "Aa"); short names need capitals ("US", "EU").
  const std::string_view text = doc_.Surface({TokenAt(name.first).span.begin, name.end_byte});
  const bool capitals = std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::islower(c); });
  if (text.size() < kMinPlainNameBytes && !capitals) return true;
  if (text.size() < 2) return true;
  if (!german_) return false;
  if (actor.kind == "person" || actor.kind == "organisation" || actor.kind == "armed-group" || actor.kind == "party") {
    return false;
  }
  const std::string_view surface = doc_.Surface({TokenAt(name.first).span.begin, name.end_byte});
  // The noun lexicon lists country names too, so only media titles and capitals (whose GeoNames
  // names come in every language) are tested against it.
  if (actor.kind != "country" && dictionary_.IsCommonNoun(surface)) return true;
  if (actor.kind != "country") return false;
  const auto* matches = dictionary_.FindKey(WordKey(name.first));
  if (matches == nullptr) return false;
  return std::all_of(matches->begin(), matches->end(), [&](const NameMatch& match) {
    return match.actor != name.actor || match.language == 'e';
  });
}

// A surname alone that the document has already used for someone else named in full ("Wolfgang
// Sobotka", then "Sobotkas"): the reference wins over the dictionary's namesake.
bool RecognizerPass::IsOtherPersonsSurname(const NameSpan& name) const {
  if (name.last != name.first + 1 || dictionary_.actors()[name.actor].kind != "person") return false;
  int32_t referent = references_.Resolve(WordKey(name.first));
  if (referent < 0) {
    const std::string stripped = GenitiveStripped(Surface(name.first));
    if (!stripped.empty()) referent = references_.Resolve(KeyOf(stripped));
  }
  return referent >= 0 && doc_.entities[referent].actor_id != dictionary_.actors()[name.actor].id;
}

// A place name followed by a name word is a first name: "Sophie Lindqvist", "Georgia Meloni".
bool RecognizerPass::IsFirstNameOfPerson(const NameSpan& name) const {
  const std::string_view kind = dictionary_.actors()[name.actor].kind;
  if (name.last != name.first + 1 || (kind != "country" && kind != "capital") || name.last >= last_) return false;
  return LooksLikeNameWord(name.last) && TokenAt(name.last).kind == TokenKind::kWord;
}

// A seat of government or an organisation right before a role word is one agent: "a White House
// spokesman", "Kremlin spokesman" (USAGOV, RUSGOV); before a name it is that person's title.
bool RecognizerPass::TryNamedBodyWithRole(const NameSpan& name) {
  const Actor& actor = dictionary_.actors()[name.actor];
  if (actor.kind == "person" || actor.kind == "country" || name.last >= last_) return false;
  if (name.end_byte != TokenAt(name.last - 1).span.end) return false;  // not after a genitive -s
  uint32_t end = name.last + 1;
  const AgentForm* agent = AgentPhraseAt(name.last, end);
  if (agent == nullptr || !agent->person) return false;
  const std::string code = dictionary_.CodeOn(actor, date_);
  const Country country{code.size() > 3 ? code : code + std::string(agent->sector), std::string(actor.country)};
  AddAgent({TokenAt(name.first).span.begin, TokenAt(end - 1).span.end}, *agent, country, EntitySource::kAgent);
  return true;
}

int32_t RecognizerPass::AddActor(Span span, uint32_t actor_index, EntitySource source) {
  const Actor& actor = dictionary_.actors()[actor_index];
  Entity entity;
  entity.span = span;
  entity.sentence = sentence_;
  entity.kind = KindOf(actor.kind);
  entity.source = source;
  std::string_view role;
  entity.code = dictionary_.CodeOn(actor, date_, &role);
  entity.role = std::string(role);
  entity.actor_id = std::string(actor.id);
  entity.country = std::string(actor.country);
  // Other names of a country ("DVRK", "Weißrussland") are written as entries with a bare code.
  ++country_mentions_[entity.country];
  const bool international = entity.country == "IGO" || entity.country == "NGO" || entity.country == "IMG" ||
                             entity.country == "MNC";
  if (entity.kind == EntityKind::kOrganisation && entity.code == entity.country && !international) {
    entity.kind = EntityKind::kCountry;
  }
  doc_.entities.push_back(std::move(entity));
  return static_cast<int32_t>(doc_.entities.size() - 1);
}

}  // namespace lagebild
