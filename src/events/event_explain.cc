// `lagebild extract --explain`: how the event stage read each sentence, for pattern writers.
#include "events/coder_internal.h"
#include "events/event_coder.h"
#include "lagebild/output.h"

namespace lagebild {

namespace {

using event_internal::Candidate;
using event_internal::SentenceContext;

const char* ClauseTypeName(ClauseType type) {
  switch (type) {
    case ClauseType::kMain: return "main";
    case ClauseType::kSubordinate: return "subordinate";
    case ClauseType::kConditional: return "conditional";
    case ClauseType::kRelative: return "relative";
    case ClauseType::kInfinitive: return "infinitive";
    case ClauseType::kFragment: return "fragment";
  }
  return "main";
}

std::string ExplainClause(const Document& doc, const SentenceContext& context, size_t c) {
  const Clause& clause = context.analysis.clauses[c];
  const std::vector<WordView>& words = context.analysis.words;
  std::string out = "  clause " + std::to_string(c) + " " + ClauseTypeName(clause.type);
  if (clause.governor >= 0) out += " under " + std::to_string(clause.governor);
  if (clause.coordinated) out += " coordinated";
  out += ": ";
  for (uint32_t i : clause.words) out += std::string(doc.Surface(doc.tokens[words[i].token].span)) + " ";
  out += "\n    verb ";
  out += clause.verb.lexical >= 0 ? std::string(doc.Surface(doc.tokens[words[clause.verb.lexical].token].span)) : "-";
  if (clause.verb.lemma >= 0) out += " (" + context.lexicon.lemma(static_cast<uint32_t>(clause.verb.lemma)) + ")";
  out += std::string(clause.verb.passive ? " passive" : "") + " " + ModalityName(clause.verb.modality);
  if (clause.verb.frame_flags != 0) out += " frame-flags=" + std::to_string(clause.verb.frame_flags);
  out += "\n    actors";
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    const bool subject = std::find(clause.subjects.begin(), clause.subjects.end(), static_cast<int32_t>(a)) != clause.subjects.end();
    const bool object = std::find(clause.objects.begin(), clause.objects.end(), static_cast<int32_t>(a)) != clause.objects.end();
    out += " [" + std::string(doc.Surface(doc.entities[arg.entity].span));
    if (!arg.preposition.empty()) out += " " + arg.preposition;
    if (subject) out += " subject";
    if (object) out += " object";
    if (arg.genitive) out += " genitive";
    if (arg.apposition) out += " apposition";
    if (arg.speaker) out += " speaker";
    out += "]";
  }
  return out + "\n";
}

}  // namespace

std::string EventCoder::Explain(const Document& doc) const {
  std::string out;
  Document copy = doc;
  copy.events.clear();
  std::vector<int32_t> previous_subjects;
  for (uint32_t s = 0; s < copy.sentences.size(); ++s) {
    const Paragraph& paragraph = copy.paragraphs[copy.sentences[s].paragraph];
    const std::string& language = paragraph.lang == "de" || paragraph.lang == "en" ? paragraph.lang : copy.lang;
    const EventLexicon* lexicon = Lexicon(language);
    if (lexicon == nullptr) continue;
    SentenceAnalysis analysis = AnalyseSentence(copy, s, *lexicon);
    SentenceContext context{copy, *lexicon, analysis, language == "de"};
    int32_t attribution = -1;
    const std::vector<Candidate> candidates = event_internal::CodeSentence(context, *cameo_, [&] { return previous_subjects; }, attribution);
    previous_subjects = event_internal::MainSubjects(analysis);
    out += "[" + std::to_string(s) + "] " + std::string(copy.Surface(copy.sentences[s].span)) + "\n";
    for (size_t c = 0; c < analysis.clauses.size(); ++c) out += ExplainClause(copy, context, c);
    for (const Candidate& candidate : candidates) {
      out += std::string("    ") + (candidate.suppressed ? "suppressed " : "candidate ") + candidate.code + " " +
             ModalityName(candidate.modality) + " " + (candidate.pattern ? candidate.pattern->rule : "");
      for (int32_t source : candidate.sources) out += " from:" + std::string(copy.Surface(copy.entities[source].span));
      for (int32_t target : candidate.targets) out += " to:" + std::string(copy.Surface(copy.entities[target].span));
      out += "\n";
    }
  }
  return out;
}

}  // namespace lagebild
