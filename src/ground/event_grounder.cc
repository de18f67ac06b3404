#include "ground/event_grounder.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

#include "geo/gazetteer.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

// Words that open another clause; with punctuation they bound the clause of a trigger.
constexpr std::array<std::string_view, 24> kClauseWords = {
    "dass",  "weil",    "obwohl", "nachdem", "bevor", "während", "wenn",   "als",
    "damit", "sodass",  "that",   "because", "although", "after", "before", "while",
    "when",  "whereas", "which",  "who",     "where",  "wo",      "wobei",  "worauf"};

bool IsClauseBoundary(const Document& doc, const Token& token) {
  if (token.kind == TokenKind::kPunctuation) {
    const std::string_view text = doc.Surface(token.span);
    return text == "," || text == ";" || text == ":" || text == "–" || text == "—";
  }
  if (token.kind == TokenKind::kBracket || token.kind == TokenKind::kQuote) return true;
  const std::string word = LowerCase(doc.Surface(token.span));
  return std::find(kClauseWords.begin(), kClauseWords.end(), word) != kClauseWords.end();
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// A sentence-initial phrase before the first comma that holds a time or place and no event
// trigger belongs to the main clause: "On Wednesday, Shoigu met Kim", "On the sidelines of the
// summit in Vilnius, Zelensky met Biden".
bool IsFrontedAdverbial(const Document& doc, uint32_t sentence, Span segment) {
  constexpr int kMaxOtherTokens = 6;
  bool anchor = false;
  const auto times = OfSentence(doc.times, sentence);
  const auto places = OfSentence(doc.places, sentence);
  for (const TimeExpression& time : times) anchor = anchor || Overlaps(time.span, segment);
  for (const Place& place : places) anchor = anchor || Overlaps(place.span, segment);
  for (const Event& event : OfSentence(doc.events, sentence)) {
    if (Overlaps(event.trigger, segment)) return false;
  }
  // An actor in it makes it a clause of its own ("Am Montag sagte Kirby, …").
  for (const Entity& entity : OfSentence(doc.entities, sentence)) {
    if (Overlaps(entity.span, segment)) return false;
  }
  int other = 0;
  const Sentence& whole = doc.sentences[sentence];
  for (uint32_t i = whole.first_token; i < whole.last_token; ++i) {
    const Span span = doc.tokens[i].span;
    if (!Overlaps(span, segment)) continue;
    bool covered = false;
    for (const TimeExpression& time : times) covered = covered || Overlaps(time.span, span);
    for (const Place& place : places) covered = covered || Overlaps(place.span, span);
    if (!covered) ++other;
  }
  return anchor && other <= kMaxOtherTokens;
}

bool InsideTime(const Document& doc, uint32_t sentence, Span span) {
  const auto times = OfSentence(doc.times, sentence);
  return std::any_of(times.begin(), times.end(), [&](const TimeExpression& time) { return Overlaps(time.span, span); });
}

// The index of an item of a sentence's range in its document vector.
template <typename Item>
int32_t IndexIn(const std::vector<Item>& items, const Item& item) {
  return static_cast<int32_t>(&item - items.data());
}

// "wo er Putin traf", "where he met Putin": the clause takes its antecedent's place and date.
// The clause starts at "wo" or right after it (the word itself bounds the clause).
bool OpensRelativeOfPlace(const Document& doc, const Sentence& sentence, Span clause) {
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    const Token& token = doc.tokens[i];
    if (token.span.end < clause.begin) continue;
    if (token.span.begin > clause.begin) break;
    const std::string word = LowerCase(doc.Surface(token.span));
    if (word == "wo" || word == "where") return true;
  }
  return false;
}

// "seit dem Zerfall der Sowjetunion im Jahr 1991": a time after "seit"/"since" starts a period the
// event is measured from; it is not the event's date.
bool AfterSince(const Document& doc, const Sentence& sentence, Span clause, Span time) {
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    const Token& token = doc.tokens[i];
    if (token.span.begin < clause.begin) continue;
    if (token.span.begin >= time.begin) break;
    const std::string word = LowerCase(doc.Surface(token.span));
    if (word == "seit" || word == "since") return true;
  }
  return false;
}

// The nearest place or dated time before `clause` in the sentence.
template <typename Item>
int32_t LastBefore(const std::vector<Item>& items, uint32_t sentence, Span clause) {
  int32_t found = -1;
  for (const Item& item : OfSentence(items, sentence)) {
    if (item.span.end <= clause.begin) found = IndexIn(items, item);
  }
  return found;
}

// The byte span of the clause around `offset` in its sentence.
Span ClauseAround(const Document& doc, uint32_t sentence_index, uint32_t offset) {
  const Sentence& sentence = doc.sentences[sentence_index];
  uint32_t begin = sentence.span.begin, end = sentence.span.end;
  bool first_boundary = true;
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    const Token& token = doc.tokens[i];
    if (!IsClauseBoundary(doc, token) || InsideTime(doc, sentence_index, token.span)) continue;  // "September 13, 2023"
    const bool fronted = first_boundary && doc.Surface(token.span) == "," &&
                         IsFrontedAdverbial(doc, sentence_index, {sentence.span.begin, token.span.begin});
    first_boundary = false;
    if (token.span.end <= offset) {
      if (!fronted) begin = std::max(begin, token.span.end);
    } else if (token.span.begin >= offset) {
      end = std::min(end, token.span.begin);
      break;
    }
  }
  return {begin, end};
}

// Whether the sentence has a dated time expression anywhere (then an event outside its clause is
// not plainly "recent": its date is unknown).
bool SentenceHasDate(const Document& doc, uint32_t sentence) {
  const auto times = OfSentence(doc.times, sentence);
  return std::any_of(times.begin(), times.end(), [&](const TimeExpression& time) {
    return !time.value.empty() && (time.type == TimeType::kDate || time.type == TimeType::kTime);
  });
}

bool IsVagueReference(const std::string& value) { return value.ends_with("_REF"); }

// Whether the sentence goes on telling a story dated in the sentences just before it at another
// time than the publication's month ("Im Juli besuchte Schoigu Pjöngjang. Kim zeigte ihm
// Raketen."): then an event without its own date is no plainly reported recent one. Times that
// bound a span ("seit dem Zerfall der Sowjetunion 1991") set no story.
constexpr uint32_t kStorySentences = 2;

bool FollowsOtherStory(const Document& doc, uint32_t sentence, const std::string& published) {
  // the times of the sentences before, latest first
  const auto before = std::lower_bound(doc.times.begin(), doc.times.end(), sentence, SentenceOrder{});
  for (auto it = std::make_reverse_iterator(before); it != doc.times.rend(); ++it) {
    const TimeExpression& time = *it;
    if (time.sentence + kStorySentences < sentence) return false;
    if (time.type != TimeType::kDate || time.value.empty() || IsVagueReference(time.value)) continue;
    const Sentence& where = doc.sentences[time.sentence];
    if (AfterSince(doc, where, where.span, time.span)) continue;
    return !time.value.starts_with(published.substr(0, 7));
  }
  return false;
}

bool Inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

uint32_t Distance(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}


// The nearest dated time expression in the clause; `vague` tells whether the clause has only a
// vague one ("kürzlich").
int32_t TimeOfClause(const Document& doc, uint32_t sentence, Span clause, Span trigger, bool& vague) {
  int32_t best = -1;
  uint32_t best_distance = UINT32_MAX;
  vague = false;
  for (const TimeExpression& time : OfSentence(doc.times, sentence)) {
    if (!Inside(time.span, clause)) continue;
    if (time.type == TimeType::kDuration || time.type == TimeType::kSet || time.value.empty()) continue;
    if (AfterSince(doc, doc.sentences[sentence], clause, time.span)) continue;
    if (IsVagueReference(time.value)) {
      vague = true;
      continue;
    }
    const uint32_t distance = Distance(time.span, trigger);
    if (distance < best_distance) {
      best_distance = distance;
      best = IndexIn(doc.times, time);
    }
  }
  return best;
}

int32_t PlaceOfClause(const Document& doc, uint32_t sentence, Span clause, Span trigger) {
  int32_t best = -1;
  uint32_t best_distance = UINT32_MAX;
  for (const Place& place : OfSentence(doc.places, sentence)) {
    // Only a place after a word of place locates the event: "Garnac Grain of New Jersey" does not.
    if (!Inside(place.span, clause) || !place.locates_event) continue;
    const uint32_t distance = Distance(place.span, trigger);
    if (distance < best_distance) {
      best_distance = distance;
      best = IndexIn(doc.places, place);
    }
  }
  return best;
}

}  // namespace

int32_t EventGrounder::PlaceOfVisit(Document& doc, const Event& event) const {
  if (gazetteer_ == nullptr || event.code.rfind("042", 0) != 0 || event.target < 0) return -1;
  const Entity& visited = doc.entities[event.target];
  int32_t entry = -1;
  if (visited.kind == EntityKind::kCountry) entry = gazetteer_->Country(visited.country);
  if (visited.kind == EntityKind::kCapital) {
    for (uint32_t index : gazetteer_->Lookup(doc.Surface(visited.span))) {
      const GazetteerPlace place = gazetteer_->place(index);
      if (place.country == visited.country && place.feature == "PPLC") entry = static_cast<int32_t>(index);
    }
  }
  if (entry < 0) return -1;
  const GazetteerPlace found = gazetteer_->place(static_cast<uint32_t>(entry));
  Place place{visited.span,
              visited.sentence,
              found.kind,
              std::string(found.name),
              std::string(found.country),
              std::string(found.admin1),
              found.lat,
              found.lon,
              found.geonames,
              true};
  // Keep doc.places in text order; later indices move up by one.
  const auto at = std::upper_bound(doc.places.begin(), doc.places.end(), place.span.begin,
                                   [](uint32_t begin, const Place& other) { return begin < other.span.begin; });
  const auto index = static_cast<int32_t>(at - doc.places.begin());
  doc.places.insert(at, std::move(place));
  // Events are grounded in order, so only those of this sentence can hold a place after it.
  const auto [first, last] = std::equal_range(doc.events.begin(), doc.events.end(), event.sentence, SentenceOrder{});
  for (auto other = first; other != last; ++other) {
    if (other->place >= index) ++other->place;
  }
  return index;
}

void EventGrounder::Ground(Document& doc) const {
  for (Event& event : doc.events) event.place = -1;
  for (Event& event : doc.events) {
    if (event.sentence >= doc.sentences.size()) continue;
    const Span clause = ClauseAround(doc, event.sentence, event.trigger.begin);
    const bool relative_of_place = OpensRelativeOfPlace(doc, doc.sentences[event.sentence], clause);
    event.place = PlaceOfClause(doc, event.sentence, clause, event.trigger);
    if (event.place < 0 && relative_of_place) event.place = LastBefore(doc.places, event.sentence, clause);
    if (event.place < 0) event.place = PlaceOfVisit(doc, event);
    if (event.modality == Modality::kNegated) continue;  // no date for what did not happen
    bool vague = false;
    event.time = TimeOfClause(doc, event.sentence, clause, event.trigger, vague);
    if (event.time < 0 && relative_of_place) {
      const int32_t before = LastBefore(doc.times, event.sentence, clause);
      if (before >= 0 && doc.times[before].type == TimeType::kDate && !doc.times[before].value.empty()) event.time = before;
    }
    if (event.time >= 0) {
      event.date = doc.times[event.time].value;
      event.date_basis = DateBasis::kText;
    } else if (!vague && event.modality == Modality::kAsserted && doc.meta.published && !SentenceHasDate(doc, event.sentence) &&
               !FollowsOtherStory(doc, event.sentence, *doc.meta.published)) {
      event.date = *doc.meta.published;
      event.date_basis = DateBasis::kPublication;
    }
  }
}

}  // namespace lagebild
