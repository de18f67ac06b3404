#include "events/event_coder.h"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "events/coder_internal.h"

namespace lagebild {

std::unique_ptr<EventCoder> EventCoder::Create(const ResourceImage& image, Status& status) {
  std::unique_ptr<EventCoder> coder(new EventCoder());
  coder->german_ = EventLexicon::Create(image, "de", status);
  if (!coder->german_) return nullptr;
  coder->english_ = EventLexicon::Create(image, "en", status);
  if (!coder->english_) return nullptr;
  coder->cameo_ = CameoTable::Create(image, status);
  if (!coder->cameo_) return nullptr;
  return coder;
}

const EventLexicon* EventCoder::Lexicon(std::string_view language) const {
  if (language == "de") return german_.get();
  if (language == "en") return english_.get();
  return nullptr;
}

namespace event_internal {

SettledSubjects SettleSubjects(SentenceContext& context, const PreviousSubjects& previous_subjects) {
  const int32_t framed = MarkFramedSpeakers(context);
  AssignRoles(context.analysis, context.german);
  bool report_clause = false;
  const int32_t reporter = ReportSpeaker(context, report_clause);
  ResolvePronounSubjects(context, previous_subjects);
  InheritSubjects(context);
  return {reporter >= 0 ? reporter : framed, framed >= 0 || report_clause};
}

std::vector<Candidate> CodeSentence(SentenceContext& context, const CameoTable& cameo, const PreviousSubjects& previous_subjects,
                                    int32_t& attribution) {
  const SettledSubjects settled = SettleSubjects(context, previous_subjects);
  attribution = settled.attribution;
  const bool reported = settled.reported;
  std::vector<Candidate> candidates;
  for (size_t c = 0; c < context.analysis.clauses.size(); ++c) {
    std::optional<Candidate> verbal = MatchVerb(context, c);
    const bool has_verb_event = verbal.has_value();
    if (verbal) candidates.push_back(std::move(*verbal));
    MatchNouns(context, c, has_verb_event, candidates);
  }
  ResolveRequests(context, cameo, candidates);
  SuppressStanceComplements(context, candidates);
  ResolveWishes(context, cameo, candidates);
  ApplyFrameVerbs(context, candidates);
  AddDeterringWarnings(context, candidates);
  ApplyClauseContext(context, candidates, reported);
  return candidates;
}

}  // namespace event_internal

namespace {

using event_internal::Candidate;
using event_internal::SentenceContext;

// Refugees, tourists or firms arriving somewhere is no political visit.
bool IsPrivateTravel(std::string_view code, const Entity& source) {
  if (code != "042" && code != "043") return false;
  const std::string_view actor = source.code;
  return actor.ends_with("REF") || actor.ends_with("CVL") || actor.ends_with("BUS");
}

void EmitEvents(Document& doc, uint32_t sentence, const SentenceContext& context, const std::vector<Candidate>& candidates,
                int32_t attribution, const CameoTable& cameo) {
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const Candidate& candidate : candidates) {
    if (candidate.suppressed) continue;
    for (int32_t source : candidate.sources) {
      for (int32_t target : candidate.targets) {
        const Entity& from = doc.entities[source];
        const Entity& to = doc.entities[target];
        if (source == target || from.code.empty() || to.code.empty() || from.code == to.code) continue;
        if (IsPrivateTravel(candidate.code, from)) continue;
        if (!seen.emplace(from.code, to.code, candidate.code).second) continue;
        Event event;
        event.sentence = sentence;
        event.source = source;
        event.target = target;
        event.code = candidate.code;
        cameo.Describe(event);
        event.modality = candidate.modality;
        event.attribution = attribution;
        event.trigger = doc.tokens[context.analysis.words[candidate.trigger_word].token].span;
        event.rule = candidate.pattern != nullptr ? candidate.pattern->rule : "";
        doc.events.push_back(std::move(event));
      }
    }
  }
}

}  // namespace


namespace {

// Teasers and links to other articles ("Lesen Sie auch: …", "Read more: …") report nothing.
bool StartsWithBoilerplate(const Document& doc, uint32_t sentence, const EventLexicon& lexicon) {
  const Sentence& s = doc.sentences[sentence];
  for (const std::vector<std::string>& phrase : lexicon.Phrases("boilerplate-phrases")) {
    if (s.first_token + phrase.size() > s.last_token) continue;
    bool match = true;
    for (size_t k = 0; k < phrase.size() && match; ++k) {
      match = doc.Lower(doc.tokens[s.first_token + k]) == phrase[k];
    }
    if (match) return true;
  }
  return false;
}

// The main subjects of the latest sentence with actors in a paragraph, which a pronoun subject of
// the next one may take. Sentences that cannot yield an event (most: on Reuters three in four
// sentences with an actor gave no candidate) are not analysed as they come: their subjects are
// worked out, in order, only when a later sentence asks for them.
class SubjectChain {
 public:
  explicit SubjectChain(const Document& doc) : doc_(doc) {}

  void Reset() {
    latest_.clear();
    unanalysed_.clear();
  }
  void Skipped(uint32_t sentence, const EventLexicon& lexicon) { unanalysed_.push_back({sentence, &lexicon}); }
  void Analysed(std::vector<int32_t> main_subjects) {
    latest_ = std::move(main_subjects);
    unanalysed_.clear();
  }

  // The main subjects of the sentence before, when known without analysing skipped sentences.
  const std::vector<int32_t>* Known() const { return unanalysed_.empty() ? &latest_ : nullptr; }

  std::vector<int32_t> Latest() {
    for (const auto& [sentence, lexicon] : unanalysed_) {
      SentenceAnalysis analysis = AnalyseSentence(doc_, sentence, *lexicon);
      event_internal::SentenceContext context{doc_, *lexicon, analysis, lexicon->german()};
      event_internal::SettleSubjects(context, [this] { return latest_; });
      latest_ = event_internal::MainSubjects(analysis);
    }
    unanalysed_.clear();
    return latest_;
  }

 private:
  const Document& doc_;
  std::vector<int32_t> latest_;
  std::vector<std::pair<uint32_t, const EventLexicon*>> unanalysed_;  // after latest_'s sentence, in order
};

// Debug builds (the sanitizer tests among them) code a skipped sentence anyway and stop if it
// yields an event: the test in EventCoder::Code is then too strict and loses events. `previous`
// are the main subjects of the sentence before when known (otherwise the sentence was skipped for
// having no subject pronoun or no trigger, and they cannot matter).
void CheckSkippedSentence([[maybe_unused]] Document& doc, [[maybe_unused]] uint32_t sentence,
                          [[maybe_unused]] const EventLexicon& lexicon, [[maybe_unused]] const CameoTable& cameo,
                          [[maybe_unused]] const std::vector<int32_t>* previous) {
#ifndef NDEBUG
  SentenceAnalysis analysis = AnalyseSentence(doc, sentence, lexicon);
  event_internal::SentenceContext context{doc, lexicon, analysis, lexicon.german()};
  int32_t attribution = -1;
  const std::vector<event_internal::Candidate> candidates = event_internal::CodeSentence(
      context, cameo, [&] { return previous != nullptr ? *previous : std::vector<int32_t>(); }, attribution);
  const size_t events_before = doc.events.size();
  EmitEvents(doc, sentence, context, candidates, attribution, cameo);
  if (doc.events.size() != events_before) {
    std::fprintf(stderr, "event coder: sentence %u was skipped as yielding no event but yields one\n", sentence);
    std::abort();
  }
#endif
}

// The actors of a sentence, as far as an event needs them: its source and target differ in code.
struct SentenceActors {
  bool any = false;        // any actor, with a code or not
  std::string_view first;  // the first actor's code, or empty
  bool two = false;        // a second, different code
};

std::vector<SentenceActors> ActorsBySentence(const Document& doc) {
  std::vector<SentenceActors> actors(doc.sentences.size());
  for (const Entity& entity : doc.entities) {
    if (entity.sentence >= actors.size()) continue;
    SentenceActors& sentence = actors[entity.sentence];
    sentence.any = true;
    if (entity.code.empty()) continue;
    if (sentence.first.empty()) sentence.first = entity.code;
    else if (sentence.first != entity.code) sentence.two = true;
  }
  return actors;
}

// Whether the entities bring a code other than `code` (or two codes when `code` is empty).
bool AddsAnotherCode(const Document& doc, const std::vector<int32_t>& entities, std::string_view code) {
  for (const int32_t e : entities) {
    const std::string_view other = doc.entities[e].code;
    if (other.empty() || other == code) continue;
    if (!code.empty()) return true;
    code = other;
  }
  return false;
}

}  // namespace

void EventCoder::Code(Document& doc) const {
  const std::vector<SentenceActors> actors = ActorsBySentence(doc);
  SubjectChain subjects(doc);
  // An event needs a trigger, and a source and a target of different codes: both among the
  // sentence's actors, or one of them a subject pronoun's antecedent in the sentence before.
  const auto may_yield_event = [&](uint32_t s, const EventLexicon& lexicon) {
    if (!actors[s].two) {
      if (!HasSubjectPronoun(doc, s, lexicon)) return false;
      const std::vector<int32_t>* antecedents = subjects.Known();
      if (antecedents != nullptr && !AddsAnotherCode(doc, *antecedents, actors[s].first)) return false;
    }
    return MayTriggerEvent(doc, s, lexicon);
  };
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (s > 0 && doc.sentences[s].paragraph != doc.sentences[s - 1].paragraph) subjects.Reset();
    if (!actors[s].any) {
      subjects.Reset();
      continue;
    }
    const Paragraph& paragraph = doc.paragraphs[doc.sentences[s].paragraph];
    const std::string& language = paragraph.lang == "de" || paragraph.lang == "en" ? paragraph.lang : doc.lang;
    const EventLexicon* lexicon = Lexicon(language);
    if (lexicon == nullptr || StartsWithBoilerplate(doc, s, *lexicon)) continue;
    if (!may_yield_event(s, *lexicon)) {
      CheckSkippedSentence(doc, s, *lexicon, *cameo_, subjects.Known());
      subjects.Skipped(s, *lexicon);
      continue;
    }
    SentenceAnalysis analysis = AnalyseSentence(doc, s, *lexicon);
    event_internal::SentenceContext context{doc, *lexicon, analysis, language == "de"};
    int32_t attribution = -1;
    const std::vector<event_internal::Candidate> candidates =
        event_internal::CodeSentence(context, *cameo_, [&] { return subjects.Latest(); }, attribution);
    EmitEvents(doc, s, context, candidates, attribution, *cameo_);
    subjects.Analysed(event_internal::MainSubjects(analysis));
  }
}

}  // namespace lagebild
