// Internal to the event stage: the candidate events of a sentence and the steps that find and
// refine them, split by concern over several files (docs/events.md follows the same order):
//   frame_matching.cc  verb and noun patterns against a clause
//   attribution.cc     speakers: reporting clauses and frames
//   subject_links.cc   subjects across clauses (infinitives, relatives, pronouns)
//   complements.cc     requests, wishes, threats, frame verbs, clause modality
//   event_coder.cc     the sentence loop and the output; event_explain.cc the --explain text
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/clause_analysis.h"
#include "events/event_lexicon.h"
#include "lagebild/document.h"

namespace lagebild::event_internal {

inline constexpr uint32_t kNounArgumentReach = 10;  // words after a noun trigger that its arguments may stand

// One coded interaction before it becomes an Event.
struct Candidate {
  size_t clause = 0;
  const Pattern* pattern = nullptr;
  std::string code;
  std::vector<int32_t> sources, targets;  // entity indexes
  uint32_t trigger_word = 0;
  Modality modality = Modality::kAsserted;
  bool suppressed = false;
  bool nominal = false;
};

struct SentenceContext {
  const Document& doc;
  const EventLexicon& lexicon;
  SentenceAnalysis& analysis;
  bool german = false;
};

// "am" → "an", "zum" → "zu": prepositions as patterns write them.
inline std::string_view BasePreposition(std::string_view p) {
  if (p == "am" || p == "ans") return "an";
  if (p == "im" || p == "ins") return "in";
  if (p == "zum" || p == "zur") return "zu";
  if (p == "vom") return "von";
  if (p == "beim") return "bei";
  return p;
}

inline bool PrepositionMatches(const std::vector<std::string>& wanted, std::string_view actual) {
  const std::string_view base = BasePreposition(actual);
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return BasePreposition(w) == base; });
}

inline std::vector<int32_t> EntitiesOf(const Clause& clause, const std::vector<int32_t>& args) {
  std::vector<int32_t> entities;
  for (int32_t a : args) entities.push_back(clause.args[a].entity);
  return entities;
}

inline bool UsableArgument(const Argument& arg) { return !arg.speaker && !arg.apposition && !arg.dateline; }

// The stronger of two modalities: negated > possible > planned > asserted.
Modality Stronger(Modality own, Modality frame);

// frame_matching.cc
std::optional<Candidate> MatchVerb(const SentenceContext& context, size_t c);
void MatchNouns(const SentenceContext& context, size_t c, bool clause_has_verb_event, std::vector<Candidate>& out);
bool LiteralInClause(const SentenceContext& context, const Clause& clause, const FrameElement& element);
bool ClassInClause(const SentenceContext& context, const Clause& clause, const std::string& name);
int ElementScore(const FrameElement& element);
std::string_view VerbRoot(const SentenceContext& context, const Clause& clause);

// attribution.cc: marks speakers; returns the speaker entity or -1. ReportSpeaker also says
// whether the sentence has any reporting clause.
int32_t MarkFramedSpeakers(SentenceContext& context);
bool IsReportClause(const SentenceContext& context, size_t c);
int32_t ReportSpeaker(SentenceContext& context, bool& reported);

// The main subjects of the sentence before, for a pronoun subject that has no antecedent in its
// own sentence. Asked only then: the answer may mean analysing sentences the coder skipped.
using PreviousSubjects = std::function<std::vector<int32_t>()>;

// subject_links.cc
void InheritSubjects(SentenceContext& context);
void ResolvePronounSubjects(SentenceContext& context, const PreviousSubjects& previous_subjects);
std::vector<int32_t> MainSubjects(const SentenceAnalysis& analysis);

// complements.cc
void ResolveRequests(const SentenceContext& context, const CameoTable& cameo, std::vector<Candidate>& candidates);
void SuppressStanceComplements(const SentenceContext& context, std::vector<Candidate>& candidates);
void ResolveWishes(const SentenceContext& context, const CameoTable& cameo, std::vector<Candidate>& candidates);
void ApplyFrameVerbs(const SentenceContext& context, std::vector<Candidate>& candidates);
// A warning without an addressee against a cooperation warns its actors (130 for each).
void AddDeterringWarnings(const SentenceContext& context, std::vector<Candidate>& candidates);
void ApplyClauseContext(const SentenceContext& context, std::vector<Candidate>& candidates, bool reported);

// event_coder.cc: every step for one sentence; `attribution` gets the speaker or -1.
std::vector<Candidate> CodeSentence(SentenceContext& context, const CameoTable& cameo, const PreviousSubjects& previous_subjects,
                                    int32_t& attribution);

// The steps of CodeSentence that change the analysis — speakers, roles, pronoun and inherited
// subjects — and what they find; every later step only reads it.
struct SettledSubjects {
  int32_t attribution = -1;  // the speaker, or -1
  bool reported = false;     // a speaker frames the sentence or it has a reporting clause
};
SettledSubjects SettleSubjects(SentenceContext& context, const PreviousSubjects& previous_subjects);

}  // namespace lagebild::event_internal
