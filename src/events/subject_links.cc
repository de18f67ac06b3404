#include "events/coder_internal.h"

namespace lagebild::event_internal {

// ---- subjects across clauses -----------------------------------------------------------------

bool HasRequestPattern(const SentenceContext& context, const Clause& clause) {
  if (clause.verb.lemma < 0) return false;
  const std::vector<Pattern>& patterns = context.lexicon.PatternsOf(static_cast<uint32_t>(clause.verb.lemma));
  return std::any_of(patterns.begin(), patterns.end(), [](const Pattern& p) {
    return p.IsRequest() && (p.code.starts_with("02") || p.code.starts_with("10"));
  });
}

void InheritSubjects(SentenceContext& context) {
  std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t c = 0; c < clauses.size(); ++c) {
    Clause& clause = clauses[c];
    if (clause.governor < 0) continue;
    Clause& governor = clauses[clause.governor];
    auto copy_from = [&](const std::vector<int32_t>& args) {
      for (int32_t a : args) {
        Argument arg = governor.args[a];
        arg.group = -2;  // not part of this clause's coordinations
        clause.args.push_back(arg);
        clause.subjects.push_back(static_cast<int32_t>(clause.args.size() - 1));
      }
    };
    if (clause.type == ClauseType::kRelative) {
      // The antecedent: the actor just before the relative clause.
      int32_t antecedent = -1;
      for (size_t a = 0; a < governor.args.size(); ++a) {
        if (governor.args[a].last_word < clause.words.front() && UsableArgument(governor.args[a])) antecedent = static_cast<int32_t>(a);
      }
      if (antecedent < 0 || governor.args[antecedent].last_word + 3 < clause.words.front()) continue;
      if (clause.verb.passive && clause.objects.empty()) {
        clause.args.push_back(governor.args[antecedent]);
        clause.objects.push_back(static_cast<int32_t>(clause.args.size() - 1));
      } else if (!clause.verb.passive && clause.subjects.empty()) {
        copy_from({antecedent});
      }
      continue;
    }
    if (!clause.subjects.empty()) continue;
    if (clause.type == ClauseType::kInfinitive) {
      // "bat Putin, Nordkorea zu besuchen", "wants North Korea to supply": the object acts.
      const bool object_control = (governor.verb.frame_flags & (kObjectControlVerb | kDesireVerb)) != 0 || HasRequestPattern(context, governor);
      // "Biden is set to travel", "Iran was asked to stop": a passive's subject acts.
      const bool patient_acts = object_control || governor.verb.passive;
      copy_from(patient_acts && !governor.objects.empty() ? governor.objects : governor.subjects);
    } else if (clause.coordinated || clause.verb.pronoun_subject) {
      copy_from(governor.subjects);  // "…, wo er Herrn Putin treffen würde"
    }
  }
}

// "Er wurde von … empfangen": a pronoun subject of a main clause refers to the subject of the
// sentence before (within the paragraph).
void ResolvePronounSubjects(SentenceContext& context, const PreviousSubjects& previous_subjects) {
  std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t c = 0; c < clauses.size(); ++c) {
    Clause& clause = clauses[c];
    if (clause.governor >= 0 || !clause.verb.pronoun_subject || !clause.subjects.empty() || clause.verb.passive) continue;
    // "Nachdem Schoigu eingetroffen war, traf er Kim": the nearest subject before, in this
    // sentence or the one before.
    std::vector<int32_t> antecedents;
    for (size_t k = c; k-- > 0 && antecedents.empty();) {
      for (int32_t a : clauses[k].subjects) {
        if (!clauses[k].args[a].speaker) antecedents.push_back(clauses[k].args[a].entity);
      }
    }
    if (antecedents.empty()) antecedents = previous_subjects();
    for (int32_t entity : antecedents) {
      Argument arg;
      arg.entity = entity;
      arg.group = -2;
      clause.args.push_back(arg);
      clause.subjects.push_back(static_cast<int32_t>(clause.args.size() - 1));
    }
  }
}

std::vector<int32_t> MainSubjects(const SentenceAnalysis& analysis) {
  for (const Clause& clause : analysis.clauses) {
    if (clause.type == ClauseType::kMain && clause.governor < 0 && !clause.subjects.empty()) return EntitiesOf(clause, clause.subjects);
  }
  return {};
}

}  // namespace lagebild::event_internal
