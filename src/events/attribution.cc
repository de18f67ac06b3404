#include "events/coder_internal.h"

namespace lagebild::event_internal {

// ---- speakers and attribution ----------------------------------------------------------------

void MarkSpeakerGroup(Clause& clause, size_t a) {
  const int32_t group = clause.args[a].group;
  for (Argument& arg : clause.args) {
    if (arg.group == group) arg.speaker = true;
  }
}

// The first argument starting within `reach` words after word `after` (in any clause).
std::optional<std::pair<size_t, size_t>> ArgumentAfter(SentenceAnalysis& analysis, uint32_t after, uint32_t reach) {
  for (size_t c = 0; c < analysis.clauses.size(); ++c) {
    for (size_t a = 0; a < analysis.clauses[c].args.size(); ++a) {
      const uint32_t word = analysis.clauses[c].args[a].word;
      if (word > after && word <= after + reach) return std::make_pair(c, a);
    }
  }
  return std::nullopt;
}

std::optional<std::pair<size_t, size_t>> ArgumentBefore(SentenceAnalysis& analysis, uint32_t before) {
  std::optional<std::pair<size_t, size_t>> found;
  for (size_t c = 0; c < analysis.clauses.size(); ++c) {
    for (size_t a = 0; a < analysis.clauses[c].args.size(); ++a) {
      const Argument& arg = analysis.clauses[c].args[a];
      if (arg.last_word < before && arg.last_word + 2 >= before) found = std::make_pair(c, a);
    }
  }
  return found;
}

// "laut KCNA", "KCNA zufolge", "nach Angaben der Beamten", ", so die KCNA", "according to
// officials", "citing US intelligence": the actor is a speaker, never an argument.
int32_t MarkFramedSpeakers(SentenceContext& context) {
  SentenceAnalysis& analysis = context.analysis;
  const std::vector<WordView>& words = analysis.words;
  int32_t speaker = -1;
  auto mark = [&](std::optional<std::pair<size_t, size_t>> found) {
    if (!found) return;
    MarkSpeakerGroup(analysis.clauses[found->first], found->second);
    if (speaker < 0) speaker = analysis.clauses[found->first].args[found->second].entity;
  };
  const std::vector<std::vector<std::string>>& according_phrases = context.lexicon.Phrases("according-phrases");
  for (uint32_t i = 0; i < words.size(); ++i) {
    const WordView& word = words[i];
    if (word.flags & kAccordingWord) {
      if (word.lower == "zufolge") mark(ArgumentBefore(analysis, i));
      else mark(ArgumentAfter(analysis, i, 6));
    }
    if ((word.flags & kQuoteTagWord) && i > 0 && words[i - 1].boundary) mark(ArgumentAfter(analysis, i, 3));
    if ((word.flags & kPhraseStart) == 0) continue;  // no phrase starts here
    for (const auto& phrase : according_phrases) {
      if (PhraseAt(words, i, phrase)) mark(ArgumentAfter(analysis, i + static_cast<uint32_t>(phrase.size()) - 1, 6));
    }
  }
  return speaker;
}

// A reporting verb reports unless one of its own patterns matches ("erklärte sich bereit").
bool IsReportClause(const SentenceContext& context, size_t c) {
  const Clause& clause = context.analysis.clauses[c];
  if (clause.verb.lemma < 0) return false;
  const uint32_t flags = context.lexicon.LemmaFlags(static_cast<uint32_t>(clause.verb.lemma));
  // A denial of someone else's act is reported by the one who denies: "Beijing denied that
  // Chinese companies had sold drones"; "Iran bestreitet, Drohnen geliefert zu haben" is its own.
  if ((flags & kNegatingVerb) && !(flags & kReportVerb)) {
    const std::vector<Clause>& clauses = context.analysis.clauses;
    return std::any_of(clauses.begin(), clauses.end(), [&](const Clause& other) {
      return other.governor == static_cast<int32_t>(c) && other.type == ClauseType::kSubordinate;
    });
  }
  if (!(flags & kReportVerb)) return false;
  return context.lexicon.PatternsOf(static_cast<uint32_t>(clause.verb.lemma)).empty() || !MatchVerb(context, c).has_value();
}

// The subject of a reporting clause ("sagten die Beamten", "officials said") is the speaker of
// everything else the sentence reports.
int32_t ReportSpeaker(SentenceContext& context, bool& reported) {
  reported = false;
  int32_t speaker = -1;
  for (size_t c = 0; c < context.analysis.clauses.size(); ++c) {
    Clause& clause = context.analysis.clauses[c];
    if (!IsReportClause(context, c)) continue;
    reported = true;  // "He added that …": a report even without a known speaker
    if (clause.subjects.empty() || speaker >= 0) continue;
    for (int32_t a : clause.subjects) clause.args[a].speaker = true;
    speaker = clause.args[clause.subjects[0]].entity;
  }
  return speaker;
}

}  // namespace lagebild::event_internal
