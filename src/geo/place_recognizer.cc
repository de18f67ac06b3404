#include "geo/place_recognizer.h"

#include <algorithm>

#include "geo/gazetteer.h"
#include "geo/place_internal.h"
#include "resources/section_lines.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr uint32_t kMaxNameTokens = 5;
constexpr uint32_t kMaxCueDistance = 3;          // tokens between a word of place and the name
constexpr uint32_t kMinPopulationUncued = 5000;  // smaller places need a word of place
constexpr uint32_t kMinPopulationSentenceStart = 500000;
constexpr uint32_t kMinPopulationUncuedGerman = 20000;  // German capitalises nouns: "Treffen", "Norden"

std::unique_ptr<PlaceCues> LoadCues(const ResourceImage& image, const char* lang) {
  auto cues = std::make_unique<PlaceCues>();
  if (const auto section = image.Section(std::string("geo/") + lang + "/place_cues")) {
    ForEachSectionLine(*section, [&](const std::vector<std::string_view>& fields) {
      if (fields.size() >= 2 && !fields[1].empty()) cues->flags.emplace(LowerCase(fields[0]), std::string(fields[1]));
    });
  }
  return cues;
}

// The per-sentence view the recognizer works on.
struct SentenceContext {
  const Document& doc;
  const Sentence& sentence;
  const PlaceCues& cues;
  bool german;
  std::vector<bool> taken;  // tokens inside entities or time expressions (relative to the sentence)

  const Token& token(uint32_t i) const { return doc.tokens[i]; }
  std::string_view Lower(uint32_t i) const { return doc.Lower(doc.tokens[i]); }
  std::string_view Cue(uint32_t i) const { return cues.FlagOf(doc.Lower(doc.tokens[i]), doc.tokens[i].lower_hash); }
  bool IsWord(uint32_t i) const { return i < sentence.last_token && doc.tokens[i].kind == TokenKind::kWord; }
  bool Capitalized(uint32_t i) const { return IsWord(i) && doc.tokens[i].capitalized; }
};

// "von X nach Y", "von X aus", "von X bis Y": "von" names a place of departure.
bool FromToFollows(const SentenceContext& context, uint32_t first) {
  for (uint32_t i = first + 1; i < context.sentence.last_token && i <= first + 4; ++i) {
    const std::string_view word = context.Lower(i);
    if (word == "nach" || word == "aus" || word == "bis" || word == "über") return true;
  }
  return false;
}

bool IsListLink(std::string_view word) {
  return word == "und" || word == "and" || word == "oder" || word == "or" || word == "sowie" || word == ",";
}

enum class Cue { kPlace, kNone, kList };

// A word of place before `first`, allowing articles and compass words between: "in der Ukraine",
// "im Osten der Ukraine", "in eastern Ukraine", "die Hafenstadt Odessa". kList when a list link
// ("und", ",") stands right before.
Cue CueBefore(const SentenceContext& context, uint32_t first, uint32_t max_distance) {
  const uint32_t start = context.sentence.first_token;
  for (uint32_t distance = 1; distance <= max_distance && first >= start + distance; ++distance) {
    const uint32_t at = first - distance;
    const std::string_view word = context.Lower(at);
    const std::string_view cue = context.Cue(at);
    if (cue == "noun") return Cue::kPlace;
    if (cue == "locative") {
      // "von Peking nach Pjöngjang", "von Kiew aus"; but "die Haltung von Paris" is the government
      if (word == "von") return FromToFollows(context, first) ? Cue::kPlace : Cue::kNone;
      // "deliveries to Kyiv", "bought weapons from North Korea": after a word of giving or
      // buying, "to" and "from" name the other party
      if (word == "to" || word == "from") {
        constexpr uint32_t kTransferWindow = 8;  // "has sold a total of 200,000 tonnes of wheat to Tunisia"
        for (uint32_t k = at; k > start && k + kTransferWindow > at; --k) {
          if (context.Cue(k - 1) == "transfer") return Cue::kNone;
        }
      }
      return Cue::kPlace;
    }
    if (distance == 1 && IsListLink(word)) return Cue::kList;
    if (cue != "article" && cue != "direction") return Cue::kNone;
  }
  return Cue::kNone;
}

// In the role of a place: after a word of place, or in a list that follows one ("in the United
// States and Turkey", "in Sindh, Pakistan").
bool InPlaceRole(const SentenceContext& context, uint32_t first, uint32_t max_distance = kMaxCueDistance + 1) {
  const Cue cue = CueBefore(context, first, max_distance);
  if (cue != Cue::kList) return cue == Cue::kPlace;
  constexpr uint32_t kMaxListTokens = 12;
  const uint32_t start = context.sentence.first_token;
  for (uint32_t k = first - 1; k > start && k + kMaxListTokens > first; --k) {
    const uint32_t item = k - 1;
    const std::string_view word = context.Lower(item);
    if (context.Capitalized(item)) {
      if (CueBefore(context, item, kMaxCueDistance + 1) == Cue::kPlace) return true;
      continue;
    }
    if (!IsListLink(word) && context.Cue(item) != "article") return false;
  }
  return false;
}

uint32_t TokenAt(const Document& doc, uint32_t offset) {
  const auto found = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                                      [](const Token& token, uint32_t value) { return token.span.begin < value; });
  return static_cast<uint32_t>(found - doc.tokens.begin());
}

// Marks the tokens of entities (all but countries and capitals, which are looked at separately)
// and of time expressions: they are no toponyms.
void MarkTaken(const Document& doc, uint32_t sentence_index, SentenceContext& context) {
  const Sentence& sentence = context.sentence;
  context.taken.assign(sentence.last_token - sentence.first_token, false);
  auto mark = [&](Span span) {
    for (uint32_t i = TokenAt(doc, span.begin); i < sentence.last_token && doc.tokens[i].span.begin < span.end; ++i) {
      if (i >= sentence.first_token) context.taken[i - sentence.first_token] = true;
    }
  };
  for (const Entity& entity : OfSentence(doc.entities, sentence_index)) {
    // Countries and capitals are placed when a word of place stands before them; people found only
    // by cues ("nach Tel Aviv" read as a name) may be places too.
    const bool person_by_cue = entity.kind == EntityKind::kPerson && entity.source == EntitySource::kCue;
    if (entity.kind != EntityKind::kCountry && entity.kind != EntityKind::kCapital && !person_by_cue) {
      mark(entity.span);
    }
  }
  for (const TimeExpression& time : OfSentence(doc.times, sentence_index)) mark(time.span);
}

}  // namespace

PlaceRecognizer::PlaceRecognizer() = default;
PlaceRecognizer::~PlaceRecognizer() = default;

std::unique_ptr<PlaceRecognizer> PlaceRecognizer::Create(const ResourceImage& image, Status& status) {
  std::unique_ptr<PlaceRecognizer> recognizer(new PlaceRecognizer());
  recognizer->gazetteer_ = Gazetteer::Create(image, status);
  if (!recognizer->gazetteer_) return nullptr;
  recognizer->cues_[0] = LoadCues(image, "de");
  recognizer->cues_[1] = LoadCues(image, "en");
  if (const auto nouns = image.Section("lexicon/de/nouns")) {
    recognizer->german_nouns_ = StaticStringSet::FromSection(*nouns, status);
    if (!recognizer->german_nouns_) return nullptr;
  }
  if (const auto words = image.Section("lexicon/en/words")) {
    recognizer->english_words_ = StaticStringSet::FromSection(*words, status);
    if (!recognizer->english_words_) return nullptr;
  }
  return recognizer;
}

namespace {

// A verb of saying right after a name: a single name there is a person ("Jones said"), a place
// there is where the speakers are ("diplomats in Khartoum say").
bool BeforeReportingVerb(const SentenceContext& context, uint32_t last) {
  if (last >= context.sentence.last_token) return false;
  return context.Cue(last) == "reporting";
}

// Countries and capitals found by the actor stage, where a word of place stands before them.
void AddEntityMentions(const Gazetteer& gazetteer, const SentenceContext& context, uint32_t sentence,
                       std::vector<PlaceMention>& mentions) {
  const Document& doc = context.doc;
  for (const Entity& entity : OfSentence(doc.entities, sentence)) {
    if (entity.country.empty() || entity.kind != EntityKind::kCountry) continue;
    const uint32_t first = TokenAt(doc, entity.span.begin);
    if (!InPlaceRole(context, first)) continue;
    PlaceMention mention;
    mention.span = entity.span;
    mention.sentence = sentence;
    mention.first_token = first;
    mention.last_token = TokenAt(doc, entity.span.end);
    mention.in_place_role = true;
    mention.entity = static_cast<int32_t>(&entity - doc.entities.data());
    mention.speaker_place = BeforeReportingVerb(context, mention.last_token) || BeforeReportingVerb(context, mention.last_token + 1);
    if (const int32_t country = gazetteer.Country(entity.country); country >= 0) mention.candidates.push_back(country);
    // "Georgia" is also a US state: regions of the same name compete in disambiguation.
    for (uint32_t index : gazetteer.Lookup(doc.Surface(entity.span))) {
      if (gazetteer.place(index).kind == PlaceKind::kRegion) mention.candidates.push_back(index);
    }
    if (!mention.candidates.empty()) mentions.push_back(std::move(mention));
  }
}

// A capitalised word next to the name that makes it part of a person's name: "Paris Hilton",
// "George Washington", "Jack London". German nouns are capitalised too and do not count.
bool NextToPersonName(const SentenceContext& context, uint32_t first, uint32_t last,
                      const std::optional<StaticStringSet>& german_nouns) {
  auto name_like = [&](uint32_t i) {
    if (!context.Capitalized(i) || !context.Cue(i).empty()) return false;
    if (context.taken[i - context.sentence.first_token]) return false;  // a name of its own ("in Pjöngjang Kim Jong-un")
    if (!context.german) return true;
    return !german_nouns || !german_nouns->Contains(context.doc.Surface(context.token(i).span));
  };
  if (last < context.sentence.last_token && name_like(last)) return true;
  return first > context.sentence.first_token && name_like(first - 1);
}

struct NameCheck {
  const Gazetteer& gazetteer;
  const SentenceContext& context;
  const std::optional<StaticStringSet>& german_nouns;
  const std::optional<StaticStringSet>& english_words;
};


// Whether a name found in the gazetteer is a toponym here.
bool IsToponym(const NameCheck& check, uint32_t first, uint32_t last, const std::vector<uint32_t>& candidates, bool place_role) {
  const SentenceContext& context = check.context;
  uint32_t population = 0;
  bool administrative = false;
  bool country = false;
  for (uint32_t index : candidates) {
    const auto [kind, place_population] = check.gazetteer.kind_and_population(index);
    population = std::max(population, place_population);
    administrative = administrative || kind != PlaceKind::kCity;
    country = country || kind == PlaceKind::kCountry;
  }
  if (NextToPersonName(context, first, last, check.german_nouns)) return false;
  // A country's name ("West Germany", "Vereinigte Staaten") is the state acting unless a word of
  // place stands before it, as for the countries the actor stage finds.
  if (country && !place_role) return false;
  const bool single = last == first + 1;
  const std::string_view surface = context.doc.Surface(context.token(first).span);
  // "Essen", "Bild", "Ende": common nouns that are also towns need a word of place right before
  // them ("in Essen", not "nach dem Essen").
  if (single && context.german && check.german_nouns && check.german_nouns->Contains(surface) && !administrative) {
    return InPlaceRole(context, first, 1);
  }
  // "Mobile", "Reading", "Council", "March": English common words that are also towns, likewise.
  const Token& first_token = context.token(first);
  const bool english_word = single && !context.german && check.english_words &&
                            check.english_words->Contains(context.doc.Lower(first_token), first_token.lower_hash);
  if (english_word && !administrative) {
    return InPlaceRole(context, first, 2);
  }
  if (place_role) return true;
  if (single && BeforeReportingVerb(context, last)) return false;
  if (single && first == context.sentence.first_token && !context.german && population < kMinPopulationSentenceStart &&
      !administrative) {
    return false;
  }
  return administrative || population >= (context.german ? kMinPopulationUncuedGerman : kMinPopulationUncued);
}

// "Paris, Texas", "Alexandria, Va.": the region or country after a comma.
void ReadQualifier(const NameCheck& check, PlaceMention& mention) {
  const SentenceContext& context = check.context;
  const uint32_t comma = mention.last_token;
  if (comma + 1 >= context.sentence.last_token || context.doc.Surface(context.token(comma).span) != "," ||
      !context.Capitalized(comma + 1)) {
    return;
  }
  for (uint32_t length = 3; length >= 1; --length) {
    const uint32_t end = comma + 1 + length;
    if (end > context.sentence.last_token) continue;
    const Span span{context.token(comma + 1).span.begin, context.token(end - 1).span.end};
    for (uint32_t index : check.gazetteer.Lookup(context.doc.Surface(span))) {
      const GazetteerPlace place = check.gazetteer.place(index);
      if (place.kind != PlaceKind::kRegion && place.kind != PlaceKind::kCountry) continue;
      mention.qualifier_country = std::string(place.country);
      mention.qualifier_admin1 = std::string(place.admin1);
      return;
    }
  }
}

// A word in capitals ("CHINA", "SAYS" in a wire headline) is no evidence of a name.
bool IsShouted(std::string_view word) {
  constexpr size_t kMaxAcronym = 3;
  if (word.size() <= kMaxAcronym) return false;
  return std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
         std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The kind of an entity with exactly this span, or nullptr.
const EntityKind* ExactEntity(const Document& doc, uint32_t sentence, Span span) {
  for (const Entity& entity : OfSentence(doc.entities, sentence)) {
    if (entity.span.begin == span.begin && entity.span.end == span.end) return &entity.kind;
  }
  return nullptr;
}

// Names of the gazetteer in the sentence, longest first.
void AddNameMentions(const NameCheck& check, uint32_t sentence, std::vector<PlaceMention>& mentions) {
  const SentenceContext& context = check.context;
  const uint32_t first_token = context.sentence.first_token, last_token = context.sentence.last_token;
  auto taken = [&](uint32_t i) { return context.taken[i - first_token]; };
  // The words that may start a name, keyed and prefetched before any is looked up.
  std::vector<GazetteerKey> keys(last_token - first_token);
  for (uint32_t i = first_token; i < last_token; ++i) {
    const bool name_start = context.Capitalized(i) || (context.token(i).kind == TokenKind::kAbbreviation && context.token(i).capitalized);
    if (taken(i) || !name_start || IsShouted(context.doc.Surface(context.token(i).span))) continue;
    GazetteerKey& key = keys[i - first_token];
    key = Gazetteer::KeyOfToken(context.doc, context.token(i));
    check.gazetteer.Prefetch(key);
  }
  for (uint32_t i = first_token; i < last_token; ++i) {
    const GazetteerKey& key = keys[i - first_token];
    if (key.text.empty()) continue;
    // Longer names only where one starts with this word ("New York", "Frankfurt am Main").
    const GazetteerWord word = check.gazetteer.Word(key);  // one probe for both questions
    const bool longer = Gazetteer::StartsLongerName(word);
    for (uint32_t length = longer ? std::min(kMaxNameTokens, last_token - i) : 1; length >= 1; --length) {
      const uint32_t end = i + length;
      const Token& last = context.token(end - 1);
      if (last.kind != TokenKind::kWord && !(last.kind == TokenKind::kBracket && last.closes)) continue;
      // A lower-case last word only as a classifier: "Kherson region", "Washington state"
      if (last.kind == TokenKind::kWord && !last.capitalized && context.Cue(end - 1) != "noun") continue;
      bool overlaps = false;
      for (uint32_t k = i; k < end; ++k) overlaps = overlaps || taken(k);
      if (overlaps) continue;
      const Span span{context.token(i).span.begin, last.span.end};
      std::vector<uint32_t> candidates = length == 1 ? check.gazetteer.PlacesOf(word) : check.gazetteer.LookupTokens(context.doc, i, end);
      if (candidates.empty()) continue;
      if (length == 1 && !context.Cue(i).empty()) break;  // "Osten", "Region", "Den"
      const bool place_role = InPlaceRole(context, i);
      // A country the actor stage found is placed by AddEntityMentions; a capital on its own is
      // its government unless a word of place stands before it ("Moskau warnte" / "in Moskau").
      const EntityKind* entity = ExactEntity(context.doc, sentence, span);
      if (entity != nullptr && *entity == EntityKind::kCountry) break;
      if (entity != nullptr && *entity == EntityKind::kCapital && !place_role) break;
      if (!IsToponym(check, i, end, candidates, place_role)) break;
      PlaceMention mention;
      mention.span = span;
      mention.sentence = sentence;
      mention.first_token = i;
      mention.last_token = end;
      mention.candidates = std::move(candidates);
      mention.surface = length == 1 ? std::string(context.doc.Lower(context.token(i))) : LowerCase(context.doc.Surface(span));
      mention.in_place_role = place_role;
      ReadQualifier(check, mention);
      mention.speaker_place = BeforeReportingVerb(context, end) || BeforeReportingVerb(context, end + 1);
      mentions.push_back(std::move(mention));
      i = end - 1;
      break;
    }
  }
}

}  // namespace

void PlaceRecognizer::Locate(Document& doc) const {
  std::vector<PlaceMention> mentions;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    const std::string& lang = doc.LanguageOf(sentence);
    const std::string& chosen = lang == "de" || lang == "en" ? lang : doc.lang;
    if (chosen != "de" && chosen != "en") continue;
    SentenceContext context{doc, sentence, *cues_[chosen == "de" ? 0 : 1], chosen == "de", {}};
    MarkTaken(doc, s, context);
    AddEntityMentions(*gazetteer_, context, s, mentions);
    AddNameMentions(NameCheck{*gazetteer_, context, german_nouns_, english_words_}, s, mentions);
  }
  ResolveMentions(*gazetteer_, doc, mentions);
  std::sort(mentions.begin(), mentions.end(), [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
  for (const PlaceMention& mention : mentions) {
    if (mention.chosen < 0) continue;
    const GazetteerPlace entry = gazetteer_->place(static_cast<uint32_t>(mention.chosen));
    Place place;
    place.span = mention.span;
    place.sentence = mention.sentence;
    place.kind = entry.kind;
    place.name = std::string(entry.name);
    place.country = std::string(entry.country);
    place.admin1 = std::string(entry.admin1);
    place.lat = entry.lat;
    place.lon = entry.lon;
    place.geonames = entry.geonames;
    place.locates_event = mention.in_place_role && !mention.speaker_place;
    doc.places.push_back(std::move(place));
  }
}

}  // namespace lagebild
