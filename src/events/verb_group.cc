#include "events/clause_internal.h"

#include <algorithm>
#include <unordered_set>

namespace lagebild::clause_internal {

// ---- verb group --------------------------------------------------------------------------------

// English passive: "was released", "has been attacked", "were later freed" (not the possessive
// "'s" of "Iran's").
bool BeFormBefore(const std::vector<WordView>& words, uint32_t verb) {
  for (uint32_t i = verb, steps = 0; i-- > 0 && steps < 3; ++steps) {
    const WordView& word = words[i];
    if (word.flags & kWerdenWord) return !(word.lower == "'s" || word.lower == "’s") || (i > 0 && words[i - 1].entity_inside < 0);
    if (!word.is_word || word.entity_inside >= 0 || word.capitalized || word.finite) return false;
  }
  return false;
}

// Headlines drop the auxiliary: "Three Egyptian policemen killed by Israeli tank fire", "CIA
// accused over Iraq detainees". A participle with no finite verb before it, an actor before it
// and "by" or "over" after it is passive.
bool HeadlinePassive(const std::vector<WordView>& words, const Clause& clause, uint32_t verb) {
  if (clause.verb.finite >= 0 && static_cast<uint32_t>(clause.verb.finite) != verb) return false;
  if (verb + 1 >= words.size() || (words[verb + 1].lower != "by" && words[verb + 1].lower != "over")) return false;
  for (uint32_t i : clause.words) {
    if (i < verb && words[i].entity_inside >= 0) return true;
  }
  return false;
}

// A personal pronoun where the subject stands: first in the clause, right after the finite verb
// (German V2: "traf er Kim") or after the subordinator; in English before the verb.
bool PronounInSubjectPosition(const std::vector<WordView>& words, const Clause& clause, bool german) {
  const int32_t finite = clause.verb.finite >= 0 ? clause.verb.finite : clause.verb.lexical;
  for (size_t k = 0; k < clause.words.size(); ++k) {
    const uint32_t i = clause.words[k];
    if (!(words[i].flags & kSubjectPronoun)) continue;
    if (!german) return finite < 0 || static_cast<int32_t>(i) < finite;
    if (k == 0 || static_cast<int32_t>(i) == finite + 1) return true;
    if (k == 1 && (words[clause.words[0]].flags & (kSubordinator | kRelativeWord | kCoordinator))) return true;
  }
  return false;
}



bool ParticleInClause(const std::vector<WordView>& words, const Clause& clause, size_t from, std::string_view particle) {
  // The particle closes the clause: it is its last word, or only verbs follow it.
  for (size_t k = clause.words.size(); k-- > from + 1;) {
    const WordView& word = words[clause.words[k]];
    if (word.lower == particle) return true;
    if (!IsVerbForm(word)) return false;
  }
  return false;
}

struct VerbCandidate {
  size_t position = 0;  // in clause.words
  int32_t lemma = -1;
  std::string_view particle;  // the separable particle that closes the clause
  FormKind kind = FormKind::kFinite;
  bool has_patterns = false;
  bool frame_verb = false;
};

// An English word right after an article or possessive is a noun: "the attack", "its sanctions".
bool AfterDeterminer(const std::vector<WordView>& words, const Clause& clause, size_t k) {
  if (k == 0) return false;
  const std::string_view before = words[clause.words[k - 1]].lower;
  return before == "the" || before == "a" || before == "an" || before == "its" || before == "their" || before == "his" ||
         before == "her" || before == "'s" || before == "’s";
}

constexpr uint32_t kAuxiliary = kWerdenWord | kPerfectWord | kPlannedWord | kPossibleWord | kFiniteWord;

// English word shapes that rule out reading word k of the clause as its verb.
bool EnglishNounShape(const std::vector<WordView>& words, const Clause& clause, size_t k) {
  const size_t count = clause.words.size();
  if (k + 1 < count && (words[clause.words[k + 1]].flags & kCompoundHead)) return true;  // "trade gap"
  if (AfterDeterminer(words, clause, k)) return true;
  // "told Reuters Finance Secretary Ongpin": inside a sentence a capitalised word is a name or
  // title, not a verb (TABARI's rule), unless it opens a quotation or follows a colon.
  const uint32_t index = clause.words[k];
  if (words[index].capitalized && index > 0 && !words[index - 1].boundary) return true;
  // "held talks": a noun after a full verb (not after "the sanctions", itself a noun).
  if (k > 0 && words[clause.words[k - 1]].finite && !(words[clause.words[k - 1]].flags & kAuxiliary) &&
      !AfterDeterminer(words, clause, k - 1)) {
    return true;
  }
  // "Sanctions have stopped …", "Talks will resume …": a plural subject before an auxiliary.
  const std::string_view lower = words[clause.words[k]].lower;
  return k + 1 < count && lower.size() > 3 && lower.back() == 's' && (words[clause.words[k + 1]].flags & (kPerfectWord | kWerdenWord | kFiniteWord));
}

std::vector<VerbCandidate> VerbCandidates(const std::vector<WordView>& words, const Clause& clause, const EventLexicon& lexicon) {
  std::vector<VerbCandidate> candidates;
  const bool german = IsGerman(lexicon);
  for (size_t k = 0; k < clause.words.size(); ++k) {
    const WordView& word = words[clause.words[k]];
    if (word.forms == nullptr || word.entity_inside >= 0) continue;
    if (german && word.capitalized && clause.words[k] != 0 && !(k == 0 && clause.words[0] == 0)) continue;
    if (!german && EnglishNounShape(words, clause, k)) continue;
    // A separable verb whose particle closes the clause wins over its base verb ("zog … zusammen").
    std::vector<const TriggerForm*> ordered;
    for (const TriggerForm& form : *word.forms) {
      if (!form.particle.empty()) ordered.push_back(&form);
    }
    for (const TriggerForm& form : *word.forms) {
      if (form.particle.empty()) ordered.push_back(&form);
    }
    for (const TriggerForm* form_pointer : ordered) {
      const TriggerForm& form = *form_pointer;
      if (form.kind == FormKind::kNoun) continue;
      if (!form.particle.empty() && !ParticleInClause(words, clause, k, form.particle)) continue;
      if (form.kind == FormKind::kFinite && !word.finite && !HasFormKind(word, FormKind::kInfinitive)) continue;
      VerbCandidate candidate;
      candidate.position = k;
      candidate.lemma = static_cast<int32_t>(form.lemma);
      candidate.kind = form.kind;
      candidate.particle = form.particle;
      candidate.has_patterns = !lexicon.PatternsOf(form.lemma).empty();
      candidate.frame_verb = lexicon.LemmaFlags(form.lemma) != 0;
      candidates.push_back(candidate);
      break;
    }
  }
  return candidates;
}

// German prefers the participle or infinitive of a verb group (the finite verb is often an
// auxiliary); English takes the first pattern verb after its subject and distrusts -ing forms.
int CandidateRank(const VerbCandidate& candidate, bool german) {
  int rank = 0;
  if (candidate.has_patterns) rank += 4;
  if (german && !candidate.frame_verb) rank += 2;
  if (german && candidate.kind != FormKind::kFinite) rank += 1;
  if (!german && candidate.kind == FormKind::kGerund) rank -= 3;
  return rank;
}

namespace {

// A negation word that negates nothing: "nicht nur", "not least", "mehr als je", "than ever".
bool NegationIsIdiom(const std::vector<WordView>& words, const Clause& clause, size_t k) {
  const std::string_view next = k + 1 < clause.words.size() ? std::string_view(words[clause.words[k + 1]].lower) : "";
  const std::string_view before = k > 0 ? std::string_view(words[clause.words[k - 1]].lower) : "";
  const bool comparative = before == "wie" || before == "als" || before == "than" || before == "as" || before == "ever";
  const bool idiom = next == "nur" || next == "only" || next == "zuletzt" || next == "least" || next == "just";
  return comparative || idiom;
}

}  // namespace

Modality ClauseModality(const std::vector<WordView>& words, const Clause& clause, bool future, bool german, std::string_view particle,
                        bool& would) {
  bool planned = future, possible = false, negated = false;
  for (size_t k = 0; k < clause.words.size(); ++k) {
    const WordView& word = words[clause.words[k]];
    if (!particle.empty() && word.lower == particle) continue;  // "stellte … bereit" is no readiness
    if ((word.flags & (kPlannedWord | kPossibleWord)) && IsModalityAdjective(words, clause.words[k], german)) continue;
    if ((word.flags & kNegationWord) && !NegationIsIdiom(words, clause, k)) negated = true;
    if (word.flags & kPlannedWord) planned = true;
    if (word.flags & kPossibleWord) {
      if (word.lower == "would" || word.lower == "'d" || word.lower == "würde" || word.lower == "würden") would = true;
      else possible = true;
    }
  }
  if (would && !possible) possible = true;
  if (negated) return Modality::kNegated;
  if (possible) return Modality::kPossible;
  if (planned) return Modality::kPlanned;
  return Modality::kAsserted;
}

void AnalyseVerbGroup(const std::vector<WordView>& words, Clause& clause, const EventLexicon& lexicon) {
  VerbGroup& verb = clause.verb;
  for (size_t k = 0; k < clause.words.size(); ++k) {
    if (words[clause.words[k]].finite) {
      verb.finite = static_cast<int32_t>(clause.words[k]);
      break;
    }
  }
  const std::vector<VerbCandidate> candidates = VerbCandidates(words, clause, lexicon);
  const VerbCandidate* best = nullptr;
  for (const VerbCandidate& candidate : candidates) {
    verb.frame_flags |= lexicon.LemmaFlags(static_cast<uint32_t>(candidate.lemma));
    if (best == nullptr || CandidateRank(candidate, IsGerman(lexicon)) > CandidateRank(*best, IsGerman(lexicon))) best = &candidate;
  }
  bool werden = false, werden_past = false, future_werden = false, agent = false;
  for (uint32_t i : clause.words) {
    const std::string_view w = words[i].lower;
    werden |= (words[i].flags & kWerdenWord) != 0;
    werden_past |= w == "wurde" || w == "wurden" || w == "worden" || w == "wurdest" || w == "wurdet";
    future_werden |= w == "wird" || w == "werden" || w == "werde" || w == "wirst" || w == "werdet";
    agent |= w == "von" || w == "vom" || w == "durch" || w == "by";
  }
  bool future = false;
  if (best != nullptr) {
    verb.lexical = static_cast<int32_t>(clause.words[best->position]);
    verb.lemma = best->lemma;
    verb.kind = best->kind;
    const WordView& lexical = words[verb.lexical];
    const bool participle = best->kind == FormKind::kParticiple || best->kind == FormKind::kPast ||
                            HasFormKind(lexical, FormKind::kParticiple) || HasFormKind(lexical, FormKind::kPast);
    const bool infinitive = HasFormKind(lexical, FormKind::kInfinitive);
    if (IsGerman(lexicon)) {
      // "wurde von Xi empfangen" is passive; "wird Kim empfangen" is a future.
      verb.passive = werden && participle && (werden_past || agent || !infinitive);
      future = future_werden && infinitive && !verb.passive;
    } else {
      const bool verbal_participle = participle && best->kind != FormKind::kInfinitive && best->kind != FormKind::kGerund;
      const uint32_t lexical = static_cast<uint32_t>(verb.lexical);
      verb.passive = verbal_participle && (BeFormBefore(words, lexical) || HeadlinePassive(words, clause, lexical));
    }
  }
  verb.modality = ClauseModality(words, clause, future, IsGerman(lexicon), best != nullptr ? best->particle : std::string_view(), verb.would);
  for (const VerbCandidate& candidate : candidates) {
    if (best != nullptr && candidate.position != best->position) {
      verb.other_frame_flags |= lexicon.LemmaFlags(static_cast<uint32_t>(candidate.lemma));
    }
  }
  verb.pronoun_subject = PronounInSubjectPosition(words, clause, IsGerman(lexicon));
}

}  // namespace lagebild::clause_internal
