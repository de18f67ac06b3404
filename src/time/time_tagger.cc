#include "time/time_tagger.h"

#include <algorithm>

#include "time/calendar.h"
#include "time/time_grammar.h"
#include "time/time_lexicon.h"

namespace lagebild {
namespace {

bool IsRelative(const TimeSpec& spec) {
  switch (spec.kind) {
    case SpecKind::kFixed:
      return false;
    case SpecKind::kCalendar:
      return spec.year < 0;
    case SpecKind::kRange:
      return IsRelative(*spec.from) || IsRelative(*spec.to);
    default:
      return true;
  }
}

// Names that contain time words are no time expressions: "Bild am Sonntag", "Thomas Sommer".
bool InsideName(const Document& doc, Span span) {
  const auto first = std::lower_bound(doc.entities.begin(), doc.entities.end(), span.begin,
                                      [](const Entity& entity, uint32_t offset) { return entity.span.end <= offset; });
  for (auto it = first; it != doc.entities.end(); ++it) {
    const Entity& entity = *it;
    if (entity.span.begin >= span.end) break;
    if (entity.span.end <= span.begin || entity.kind == EntityKind::kAgent || entity.kind == EntityKind::kCountry ||
        entity.kind == EntityKind::kCapital) {
      continue;
    }
    return true;
  }
  return false;
}

// In a history, "damals" is the story's own time and "heutig~" names today's borders ("im
// heutigen Polen"): descriptions, not references to the time of writing.
bool IsNarrativeDescriptor(const TimeToken& token) {
  return token.lower == "damals" || token.lower.starts_with("heutig") || token.lower.starts_with("damalig");
}

// "2:30 p.m. on Thursday": a clock time without a day before it takes the day named right after.
void GiveClockTimesTheirDay(std::vector<TimeExpression>& times, size_t first, const std::vector<bool>& clock_without_day) {
  for (size_t i = first; i + 1 < times.size(); ++i) {
    if (!clock_without_day[i - first] || times[i].value.size() < 16) continue;
    const std::string& next = times[i + 1].value;
    if (times[i + 1].type != TimeType::kDate || next.size() < 10 || !DateOfValue(next)) continue;
    times[i].value = next.substr(0, 10) + times[i].value.substr(10, 6);
  }
}

constexpr int kAsideYears = 10;

// A history moves on with the dates it gives; a range ("Juni 1941 bis Juni 1944") at its start,
// where the story it introduces begins.
void MoveNarrativeReference(const std::string& value, TimeContext& context) {
  const std::optional<calendar::Date> date = DateOfValue(value);
  if (!date) return;
  // A bare year far from the story's present is an aside ("wie im Krieg 1870/71", "1370
  // Landungsboote" read as a year), not a jump: jumps come with a month or day.
  if (value.size() == 4 && context.reference_from_text && std::abs(date->year - context.reference->year) > kAsideYears) {
    return;
  }
  context.reference = date;
  context.reference_from_text = true;
}

// "1939/1940": two years in one token, each its own expression.
void AddSlashPair(Document& doc, uint32_t sentence, Span span, const TimeMatch& match, TimeContext& context) {
  // the separator: "/", "-" or "–" (three bytes) between the two
  const std::string_view surface = doc.Surface(span);
  const size_t slash = surface.find_first_of("/-\xE2");
  const size_t after = slash + (surface.substr(slash).starts_with("–") ? 3 : 1);
  const Span parts[2] = {{span.begin, static_cast<uint32_t>(span.begin + slash)}, {static_cast<uint32_t>(span.begin + after), span.end}};
  const TimeSpec* specs[2] = {match.spec.from.get(), match.spec.to.get()};
  for (int k = 0; k < 2; ++k) {
    TimeExpression expression;
    expression.span = parts[k];
    expression.sentence = sentence;
    expression.value = ResolveTimeSpec(*specs[k], context);
    if (context.narrative) MoveNarrativeReference(expression.value, context);
    doc.times.push_back(std::move(expression));
  }
}

// A company report compares quarters: "a year ago" after "the third quarter" is that quarter a
// year before, for this many sentences.
constexpr uint32_t kReportingQuarterSentences = 4;

bool IsQuarter(const std::string& value) { return value.size() == 7 && value[4] == '-' && value[5] == 'Q'; }

// The token span [first, last) of a sentence as a byte span.
Span SpanOf(const Document& doc, const Sentence& sentence, const TimeMatch& match) {
  return {doc.tokens[sentence.first_token + match.first].span.begin,
          doc.tokens[sentence.first_token + match.last - 1].span.end};
}

}  // namespace

TimeTagger::TimeTagger() = default;
TimeTagger::~TimeTagger() = default;

std::unique_ptr<TimeTagger> TimeTagger::Create(const ResourceImage& image, Status& status) {
  std::unique_ptr<TimeTagger> tagger(new TimeTagger());
  const char* languages[] = {"de", "en"};
  for (int i = 0; i < 2; ++i) {
    tagger->lexicons_[i] = TimeLexicon::Create(image, languages[i], status);
    if (!tagger->lexicons_[i]) return nullptr;
    tagger->grammars_[i] = std::make_unique<TimeGrammar>(*tagger->lexicons_[i], i == 0);
  }
  return tagger;
}

namespace {

// What a new expression tells about the rest of the text: the day for later clock times and
// anaphoric offsets, a narrative's reference, a company report's quarter.
void Remember(const TimeExpression& expression, const TimeSpec& spec, uint32_t sentence, bool bound, TimeContext& context,
              uint32_t& quarter_sentence) {
  if (expression.type == TimeType::kDate && expression.value.size() >= 10) {
    context.last_day = DateOfValue(expression.value);
    if (expression.value[4] == '-' && expression.value[7] == '-') context.last_text_day = context.last_day;
  }
  // A history moves its own reference: the last date it gave with a year (not one computed from
  // the reference, which would let errors drift), unless the date bounds a span reaching away
  // from the story's present ("bis 1915 mehr als 40 Divisionen", "seit 1871").
  if (context.narrative && !bound && expression.type == TimeType::kDate &&
      (!expression.relative || spec.kind == SpecKind::kCalendar)) {
    MoveNarrativeReference(expression.value, context);
  }
  if (IsQuarter(expression.value) && (spec.quarter > 0 || spec.unit == "Q")) {
    context.reporting_quarter = expression.value;
    quarter_sentence = sentence;
  }
}

}  // namespace

void TimeTagger::Tag(Document& doc) const {
  TimeContext context;
  if (doc.meta.published) context.reference = calendar::ParseDay(*doc.meta.published);
  context.narrative = doc.meta.time_reference == TimeReference::kNarrative;
  uint32_t quarter_sentence = 0;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    const std::string& lang = doc.LanguageOf(sentence);
    const std::string& chosen = lang == "de" || lang == "en" ? lang : doc.lang;
    if (chosen != "de" && chosen != "en") continue;
    if (s > quarter_sentence + kReportingQuarterSentences) context.reporting_quarter.clear();
    TagSentence(*grammars_[chosen == "de" ? 0 : 1], doc, s, context, quarter_sentence);
  }
}

void TimeTagger::TagSentence(const TimeGrammar& grammar, Document& doc, uint32_t s, TimeContext& context,
                             uint32_t& quarter_sentence) const {
  const Sentence& sentence = doc.sentences[s];
  context.last_day.reset();
  if (!grammar.MayHoldTime(doc, sentence)) {
    grammar.CheckSkippedSentence(doc, sentence);
    return;
  }
  const TimeSentence prepared = grammar.Prepare(doc, sentence);
  const std::vector<TimeToken>& tokens = prepared.tokens;
  const size_t first_in_sentence = doc.times.size();
  std::vector<bool> clock_without_day;
  bool tense_known = false;  // the sentence's tense is read at its first possible start, if any
  Tense sentence_tense = Tense::kUnknown;
  for (size_t i = 0; i < tokens.size();) {
    if (!tokens[i].may_start) {
      ++i;
      continue;
    }
    if (!tense_known) {
      sentence_tense = grammar.TenseOf(tokens);
      context.tense = sentence_tense;
      tense_known = true;
    }
    std::optional<TimeMatch> match = grammar.MatchAt(prepared, i, context.tense);
    const bool skipped = match && (InsideName(doc, SpanOf(doc, sentence, *match)) ||
                                   (context.narrative && IsNarrativeDescriptor(tokens[match->first])));
    if (!match || skipped) {
      ++i;
      continue;
    }
    i = match->last;
    clock_without_day.push_back(match->spec.kind == SpecKind::kClock && !context.last_day);
    context.tense = grammar.ClauseTense(tokens, match->first, match->last, sentence_tense);
    // In a history, "bis zum Frühjahr" after the autumn reaches into the next year.
    if (context.narrative && grammar.BoundBefore(tokens, match->first) == TimeGrammar::Bound::kUntil) context.tense = Tense::kFuture;
    if (match->spec.split) {
      AddSlashPair(doc, s, SpanOf(doc, sentence, *match), *match, context);
      continue;
    }
    TimeExpression expression;
    expression.span = SpanOf(doc, sentence, *match);
    expression.sentence = s;
    expression.type = match->spec.type;
    expression.mod = match->spec.mod;
    expression.relative = IsRelative(match->spec);
    expression.value = ResolveTimeSpec(match->spec, context);
    const bool bound = grammar.BoundBefore(tokens, match->first) != TimeGrammar::Bound::kNone;
    Remember(expression, match->spec, s, bound, context, quarter_sentence);
    doc.times.push_back(std::move(expression));
  }
  GiveClockTimesTheirDay(doc.times, first_in_sentence, clock_without_day);
}

}  // namespace lagebild
