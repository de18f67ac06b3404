// The document model shared by every pipeline stage.
//
// A Document owns its cleaned, normalised UTF-8 `text`, which never changes once the clean stage
// has produced it. Everything else is a flat vector of small structs that refer to the text by
// byte spans (see span.h) and to each other by index. Stages append to these vectors; they never
// rewrite the text.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lagebild/span.h"

namespace lagebild {

// What relative time expressions ("im Mai", "am Mittwoch", "two days later") are resolved against.
enum class TimeReference : uint8_t {
  kPublication,  // news: the publication date
  kNarrative,    // history and narrative text: the last date the text itself mentioned, else the publication date
};

// Where a document came from and what its source says about it. Filled by readers; the clean
// stage may add a title found in HTML.
struct DocumentMeta {
  std::string id;                  // JSONL `id`, else the file path (with `:line` for JSONL)
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> published;  // ISO date YYYY-MM-DD
  // When a crawler fetched the page (a WARC record's date), ISO date: the clean stage makes it the
  // publication date when neither the source nor the page states one.
  std::optional<std::string> fetched;
  std::optional<std::string> lang;       // a language given by the source; overrides detection
  std::string source;              // file path or "-" for standard input
  TimeReference time_reference = TimeReference::kPublication;
  // The first-level regions the publisher is based in, "USA/LA" (alpha-3 / GeoNames admin1
  // code), learned from its other articles (geo/publisher_regions.h): a local paper's
  // "Alexandria" is the one near home. Usually one; a paper by a state line may have two.
  std::vector<std::string> home_regions;
};

// A warning about one document: something was repaired or skipped, never fatal.
struct Diagnostic {
  std::string message;
};

// A paragraph: text between blank lines, with the language detected for it.
struct Paragraph {
  Span span;
  std::string lang;  // ISO 639-1 ("de", "en") or "und"
  bool hard_wrapped = false;  // single line breaks inside are soft wraps, not boundaries
};

enum class TokenKind : uint8_t {
  kWord,         // letters, possibly with digits, hyphens or inner apostrophes: "US-Beamte"
  kNumber,       // "1.000", "3,5", "2023-09-05", "10:30"
  kOrdinal,      // a German ordinal with its period: "9."
  kAbbreviation, // an abbreviation with its period: "Dr.", "z.", "U.S."
  kInitial,      // a single capital letter with its period in a name: "K."
  kPunctuation,  // . , ; : ! ? … and dashes
  kQuote,        // „ “ ” " « » ‚ ‘ ’ '
  kBracket,      // ( ) [ ] { }
  kSymbol,       // % € $ § & and other symbols
  kClitic,       // English/German clitic split off a word: "'s", "n't"
  kUrl,          // URLs, e-mail addresses, @handles, #hashtags
  kListMarker,   // a bullet or "1." / "a)" opening a list item at the start of a line
  kOther,        // anything else (emoji, private use)
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;     // first letter is upper or title case
  bool opens = false;           // an opening quote or bracket
  bool closes = false;          // a closing quote or bracket
  bool line_start = false;      // the first token on its line
  bool plain_word = false;      // letters only (ASCII or Latin-1): no digit, hyphen or apostrophe
  // Its lower-case form, in Document::lower_forms, and the form's HashWord: folded once by the
  // segment stage for every later stage that matches words against lexicons.
  Span lower;
  uint64_t lower_hash = 0;
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t last_token = 0;   // one past the last token
  uint32_t paragraph = 0;    // index into Document::paragraphs
  bool forced_split = false; // cut at the length limit, not at punctuation
};

enum class EntityKind : uint8_t {
  kPerson,
  kOrganisation,
  kCountry,
  kCapital,      // a capital standing for its government ("Moskau warnte")
  kArmedGroup,
  kParty,
  kMedia,
  kAgent,        // a generic role word with its country: "US-Beamte", "der russische Präsident"
};

// How an entity was recognised.
enum class EntitySource : uint8_t {
  kDictionary,   // a name in the actor dictionary
  kCue,          // a person not in the dictionary, found from a title, role word or apposition
  kCoreference,  // a short reference ("Herr Kim") to an entity named earlier in the document
  kAgent,        // an agent word with a country word, a genitive or the document's context
};

// An actor mentioned in the text, coded for the document's date (the publication date; event
// grounding may recode it for the event's date).
struct Entity {
  Span span;
  uint32_t sentence = 0;
  EntityKind kind = EntityKind::kPerson;
  EntitySource source = EntitySource::kDictionary;
  std::string code;      // CAMEO actor code, e.g. "PRKGOV"; empty when the country is unknown
  std::string actor_id;  // dictionary id ("kim-jong-un"); empty for agents and unlisted people
  std::string country;   // ISO 3166-1 alpha-3 or an international code; empty when unknown
  std::string role;      // the role held on the date ("defence-minister"), when known
  std::string sector;    // for agents: GOV, MIL, …
  int32_t antecedent = -1;  // for coreference: index of the entity referred to
};

// The kind of a time expression, as in TIMEX3.
enum class TimeType : uint8_t {
  kDate,      // "am Mittwoch", "im September 2023", "last year", "in den 50er Jahren"
  kTime,      // "um 10 Uhr", "am Mittwochabend", "this morning"
  kDuration,  // "drei Jahre", "for two weeks"
  kSet,       // "jährlich", "every Monday"
};

// A time expression with its TIMEX3 value (docs/time.md): "2023-08-30", "2023-09", "2023-W35",
// "2023-SU", "195", "P3Y", "2023-09-10/2023-09-13", "PRESENT_REF". `value` is empty when the
// expression is relative and there is nothing to resolve it against (no publication date).
struct TimeExpression {
  Span span;
  uint32_t sentence = 0;
  TimeType type = TimeType::kDate;
  std::string value;
  std::string mod;        // TIMEX3 mod: "START", "MID", "END", "APPROX", … or empty
  bool relative = false;  // resolved against the publication date or an earlier date in the text
};

// What a place is.
enum class PlaceKind : uint8_t {
  kCity,       // a populated place from GeoNames
  kRegion,     // a first-level administrative region ("Bayern", "Texas")
  kCountry,
  kArea,       // a continent or a named area that is no administrative unit ("Naher Osten", "Gazastreifen")
};

// A place mentioned in the text, resolved to one gazetteer entry.
struct Place {
  Span span;
  uint32_t sentence = 0;
  PlaceKind kind = PlaceKind::kCity;
  std::string name;      // the gazetteer's English name: "Vladivostok"
  std::string country;   // ISO 3166-1 alpha-3; empty for areas that span countries
  std::string admin1;    // GeoNames first-level code ("LA", "59"); empty for countries and areas
  double lat = 0;
  double lon = 0;
  int64_t geonames = 0;  // GeoNames id; 0 for regions and areas we compiled ourselves
  // After "in", "nach", "near", … and not where a speaker is ("Diplomaten in Khartum sagen"):
  // a place where something happens, which can locate an event of its clause.
  bool locates_event = false;
};

// Where an event's date came from.
enum class DateBasis : uint8_t {
  kNone,         // no date
  kText,         // a time expression governing the event's clause or sentence
  kPublication,  // the publication date, for a plainly reported recent event
};

// How certain the text is about an event (docs/events.md).
enum class Modality : uint8_t {
  kAsserted,  // happened, or reported as having happened
  kPlanned,   // announced, intended, scheduled, about to
  kPossible,  // could, might, würde, conditional
  kNegated,   // did not happen, denied, has yet to
};

// An interaction between two actors found in one sentence, coded in CAMEO. Actors refer to
// Document::entities by index; `trigger` is the verb or noun that reports it.
struct Event {
  uint32_t sentence = 0;
  int32_t source = -1;       // index into Document::entities
  int32_t target = -1;
  std::string code;          // CAMEO event code, e.g. "036"
  double goldstein = 0;
  int quad_class = 0;        // 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict
  std::string plover_type;   // empty when PLOVER has no type for the code
  std::string plover_mode;
  Modality modality = Modality::kAsserted;
  int32_t attribution = -1;  // the entity who says so, or -1
  Span trigger;
  std::string rule;          // the pattern that coded it: "de/verbs-04:treffen:2"
  // Grounding (src/ground): the event's date and place, or none rather than a guess.
  std::string date;          // TIMEX3 value; empty when unknown
  DateBasis date_basis = DateBasis::kNone;
  int32_t time = -1;         // index into Document::times when the date comes from the text
  int32_t place = -1;        // index into Document::places
};

// Orders items by the sentence they belong to, for searching a vector kept in text order.
struct SentenceOrder {
  template <typename Item>
  bool operator()(const Item& item, uint32_t sentence) const { return item.sentence < sentence; }
  template <typename Item>
  bool operator()(uint32_t sentence, const Item& item) const { return sentence < item.sentence; }
};

struct Document {
  DocumentMeta meta;
  std::string text;   // cleaned, NFC-normalised UTF-8; immutable after the clean stage
  std::string lang;   // the document's main language, ISO 639-1 or "und"
  uint64_t content_hash = 0;  // XXH3-64 of `text`

  std::vector<Paragraph> paragraphs;
  std::vector<Token> tokens;
  std::string lower_forms;  // the lower-case forms of all tokens, back to back (Token::lower)
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;  // in text order
  std::vector<TimeExpression> times;  // in text order
  std::vector<Place> places;          // in text order
  std::vector<Event> events;     // in sentence order
  std::vector<Diagnostic> warnings;

  std::string_view Surface(Span span) const { return span.In(text); }
  std::string_view Lower(const Token& token) const { return token.lower.In(lower_forms); }
  // The language of a sentence: its paragraph's, else the document's.
  const std::string& LanguageOf(const Sentence& sentence) const {
    return sentence.paragraph < paragraphs.size() ? paragraphs[sentence.paragraph].lang : lang;
  }
};

// The items of one sentence, from a vector kept in text order (entities, times, places, events):
// a contiguous range found by binary search, so a stage looking at every sentence in turn stays
// linear in the length of the document.
template <typename Item>
std::span<const Item> OfSentence(const std::vector<Item>& items, uint32_t sentence) {
  const auto [first, last] = std::equal_range(items.begin(), items.end(), sentence, SentenceOrder{});
  return {first, last};
}

}  // namespace lagebild
