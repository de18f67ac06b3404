#include "events/event_coder.h"

#include <set>
#include <tuple>

#include "events/coder_internal.h"
#include "util/lower_case.h"

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

std::vector<Candidate> CodeSentence(SentenceContext& context, const CameoTable& cameo, const std::vector<int32_t>& previous_subjects,
                                    int32_t& attribution) {
  const int32_t framed = MarkFramedSpeakers(context);
  AssignRoles(context.analysis, context.german);
  bool report_clause = false;
  const int32_t reporter = ReportSpeaker(context, report_clause);
  attribution = reporter >= 0 ? reporter : framed;
  const bool reported = framed >= 0 || report_clause;
  ResolvePronounSubjects(context, previous_subjects);
  InheritSubjects(context);
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
      match = LowerCase(doc.Surface(doc.tokens[s.first_token + k].span)) == phrase[k];
    }
    if (match) return true;
  }
  return false;
}

}  // namespace

void EventCoder::Code(Document& doc) const {
  std::vector<bool> has_actors(doc.sentences.size(), false);
  for (const Entity& entity : doc.entities) {
    if (entity.sentence < has_actors.size()) has_actors[entity.sentence] = true;
  }
  std::vector<int32_t> previous_subjects;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (s > 0 && doc.sentences[s].paragraph != doc.sentences[s - 1].paragraph) previous_subjects.clear();
    if (!has_actors[s]) {
      previous_subjects.clear();
      continue;
    }
    const Paragraph& paragraph = doc.paragraphs[doc.sentences[s].paragraph];
    const std::string& language = paragraph.lang == "de" || paragraph.lang == "en" ? paragraph.lang : doc.lang;
    const EventLexicon* lexicon = Lexicon(language);
    if (lexicon == nullptr || StartsWithBoilerplate(doc, s, *lexicon)) continue;
    SentenceAnalysis analysis = AnalyseSentence(doc, s, *lexicon);
    event_internal::SentenceContext context{doc, *lexicon, analysis, language == "de"};
    int32_t attribution = -1;
    const std::vector<event_internal::Candidate> candidates = event_internal::CodeSentence(context, *cameo_, previous_subjects, attribution);
    EmitEvents(doc, s, context, candidates, attribution, *cameo_);
    previous_subjects = event_internal::MainSubjects(analysis);
  }
}

}  // namespace lagebild
