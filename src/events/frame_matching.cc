#include "events/coder_internal.h"

namespace lagebild::event_internal {

// ---- pattern matching ------------------------------------------------------------------------

Candidate MakeCandidate(size_t clause, const Pattern& pattern, std::vector<int32_t> sources, std::vector<int32_t> targets,
                        uint32_t trigger_word, Modality modality, bool nominal) {
  Candidate candidate;
  candidate.clause = clause;
  candidate.pattern = &pattern;
  candidate.code = pattern.code;
  candidate.sources = std::move(sources);
  candidate.targets = std::move(targets);
  candidate.trigger_word = trigger_word;
  candidate.modality = modality;
  candidate.nominal = nominal;
  return candidate;
}

// Whether any word a frame's literals and classes are looked for in satisfies `test`: the
// clause's words, and for a relative clause the noun it refers to ("Die Drohnen, die Iran an
// Russland geliefert hat").
template <typename Test>
bool AnyFrameWord(const SentenceContext& context, const Clause& clause, Test&& test) {
  for (uint32_t i : clause.words) {
    if (test(context.analysis.words[i])) return true;
  }
  if (clause.type != ClauseType::kRelative || clause.words.empty()) return false;
  uint32_t before = clause.words.front();
  while (before > 0 && !context.analysis.words[before - 1].is_word) --before;
  return before > 0 && test(context.analysis.words[before - 1]);
}

bool HasInfinitiveComplement(const SentenceContext& context, const Clause& clause) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  const int32_t index = static_cast<int32_t>(&clause - clauses.data());
  return std::any_of(clauses.begin(), clauses.end(), [&](const Clause& other) {
    return other.governor == index && other.type == ClauseType::kInfinitive;
  });
}

bool LiteralInClause(const SentenceContext& context, const Clause& clause, const FrameElement& element) {
  // "refused to …", "weigerte sich, … zu": the infinitive marker stands in the complement.
  for (const std::string& alternative : element.words) {
    if ((alternative == "to" || alternative == "zu") && HasInfinitiveComplement(context, clause)) return true;
  }
  if (!element.glob) {
    return AnyFrameWord(context, clause, [&](const WordView& word) {
      if (element.word_set.contains(word.lower, word.hash)) return true;
      const std::string_view base = BasePreposition(word.lower);  // "beim" counts as "bei"
      return base.data() != word.lower.data() && element.word_set.contains(base);
    });
  }
  return AnyFrameWord(context, clause, [&](const WordView& word) {
    const std::string_view base = BasePreposition(word.lower);
    return std::any_of(element.words.begin(), element.words.end(), [&](const std::string& alternative) {
      return GlobMatches(alternative, word.lower) || alternative == base;
    });
  });
}

// A class word may be an agent in its own right ("liefert der Ukraine Kampfjets": the jets read
// as UKRMIL), but not part of a name ("Waffenministerium", "Rocket Lab").
bool ClassInClause(const SentenceContext& context, const Clause& clause, const std::string& name) {
  const EventLexicon::WordClass* word_class = context.lexicon.Class(name);
  if (word_class == nullptr) return false;
  return AnyFrameWord(context, clause, [&](const WordView& word) {
    const bool in_name = word.entity_inside >= 0 && context.doc.entities[word.entity_inside].kind != EntityKind::kAgent;
    return word.is_word && !in_name && word_class->Contains(word.lower, word.hash, word.letters);
  });
}

std::vector<int32_t> PrepositionalGroup(const Clause& clause, const std::vector<std::string>& prepositions, int32_t after_word,
                                        uint32_t reach = 0) {
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (!UsableArgument(arg) || arg.genitive || arg.preposition.empty()) continue;
    if (after_word >= 0 && static_cast<int32_t>(arg.word) <= after_word) continue;
    if (reach > 0 && after_word >= 0 && arg.word > static_cast<uint32_t>(after_word) + reach) continue;
    if (!PrepositionMatches(prepositions, arg.preposition)) continue;
    std::vector<int32_t> group;
    for (size_t b = 0; b < clause.args.size(); ++b) {
      if (clause.args[b].group == arg.group && UsableArgument(clause.args[b])) group.push_back(static_cast<int32_t>(b));
    }
    return group;
  }
  return {};
}

bool ParticlesPresent(const SentenceContext& context, const Clause& clause, const Pattern& pattern) {
  for (const std::string& particle : pattern.particles) {
    bool found = false;
    for (uint32_t i : clause.words) {
      if (static_cast<int32_t>(i) > clause.verb.lexical && context.analysis.words[i].lower == particle) found = true;
    }
    if (!found) return false;
  }
  return true;
}

bool IsSymmetricCode(std::string_view code) { return code.substr(0, 2) == "04" || code == "057" || code.substr(0, 2) == "06"; }

// How specific a frame element is: a word class says most, a bare slot least.
int ElementScore(const FrameElement& element) {
  if (element.kind == ElementKind::kClass) return 3;
  return element.words.empty() ? 1 : 2;
}

std::vector<int32_t> GenitiveAfterVerb(const Clause& clause) {
  const int32_t verb = clause.verb.finite >= 0 ? clause.verb.finite : clause.verb.lexical;
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    const bool of_phrase = arg.preposition == "of";  // "annexed four regions of Ukraine"
    if ((arg.genitive || of_phrase) && UsableArgument(arg) && verb >= 0 && static_cast<int32_t>(arg.word) > verb &&
        std::find(clause.subjects.begin(), clause.subjects.end(), static_cast<int32_t>(a)) == clause.subjects.end()) {
      return {static_cast<int32_t>(a)};
    }
  }
  return {};
}

struct Filled {
  int score = 0;
  std::vector<int32_t> sources, targets;  // argument indexes in the clause
  std::vector<int32_t> borrowed_targets;  // entity indexes from a coordinated clause
  bool reciprocal = false;
};

// Meetings without a named partner but with coordinated sources: "Kim und Putin trafen sich".
void PairCoordinatedSources(Filled& filled) {
  if (!filled.targets.empty() || filled.sources.size() != 2) return;  // a longer list is no pair
  filled.targets.assign(filled.sources.begin() + 1, filled.sources.end());
  filled.sources.resize(1);
}

// "accused each other", "warfen sich gegenseitig vor": the reciprocal stands right after the
// verb ("agreed to monitor each other's policies" is no reciprocal act).
bool IsReciprocal(const SentenceContext& context, const Clause& clause) {
  const std::vector<WordView>& words = context.analysis.words;
  const int32_t verb = clause.verb.lexical;
  if (verb < 0) return false;
  for (uint32_t i = static_cast<uint32_t>(verb) + 1; i < words.size() && i <= static_cast<uint32_t>(verb) + 3; ++i) {
    const std::string_view w = words[i].lower;
    if (w == "einander" || w == "gegenseitig" || w == "untereinander") return true;
    if ((w == "each" || w == "one") && i + 1 < words.size()) {
      const std::string_view next = words[i + 1].lower;
      const bool possessive = i + 2 < words.size() && (words[i + 2].lower == "'s" || words[i + 2].lower == "’s");
      if ((next == "other" || next == "another") && !possessive) return true;
    }
  }
  return false;
}

// The entities of the next coordinated clause governed by one of these prepositions.
// With no prepositions, the next conjunct's objects.
std::vector<int32_t> FromNextConjunct(const SentenceContext& context, const Clause& clause, const std::vector<std::string>& prepositions) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  const int32_t index = static_cast<int32_t>(&clause - clauses.data());
  for (const Clause& next : clauses) {
    if (next.governor != index || !next.coordinated) continue;
    return EntitiesOf(next, prepositions.empty() ? next.objects : PrepositionalGroup(next, prepositions, -1));
  }
  return {};
}

// Material cooperation and aid (roots 06 and 07): what is given has a receiver.
bool IsTransferCode(std::string_view code) { return code.starts_with("06") || code.starts_with("07"); }

// The elements verbs and nouns read alike: between-phrases, literals and classes. False when the
// clause lacks them.
bool FillSharedElement(const SentenceContext& context, const Clause& clause, const FrameElement& element, int32_t after,
                       uint32_t reach, Filled& filled) {
  switch (element.kind) {
    case ElementKind::kBetween: {
      const std::vector<int32_t> group = PrepositionalGroup(clause, element.words, after, reach);
      if (group.size() < 2) return false;
      filled.sources = {group[0]};
      filled.targets.assign(group.begin() + 1, group.end());
      return true;
    }
    case ElementKind::kLiteral:
      return LiteralInClause(context, clause, element);
    case ElementKind::kClass:
      return ClassInClause(context, clause, element.class_name);
    default:
      return true;
  }
}

std::optional<Filled> FillVerbFrame(const SentenceContext& context, const Clause& clause, const Pattern& pattern) {
  if (!ParticlesPresent(context, clause, pattern)) return std::nullopt;
  Filled filled;
  filled.sources = clause.subjects;
  const int32_t after = context.german ? -1 : clause.verb.lexical;
  for (const FrameElement& element : pattern.elements) {
    switch (element.kind) {
      case ElementKind::kTarget:
        if (element.words.empty() && !pattern.particles.empty() && clause.objects.empty()) {
          filled.targets = PrepositionalGroup(clause, {pattern.particles.back()}, after);
        } else {
          filled.targets = element.words.empty() ? clause.objects : PrepositionalGroup(clause, element.words, after);
        }
        // "hat Technologie geliefert, aber keine Drohnen an das russische Militär geschickt": the
        // second conjunct's phrase completes the first.
        // "Der Iran hat Drohnen geliefert und unterstützt Russland": a delivery's receiver may be
        // the object of the next conjunct.
        if (filled.targets.empty() && (!element.words.empty() || IsTransferCode(pattern.code))) {
          filled.borrowed_targets = FromNextConjunct(context, clause, element.words);
          if (!filled.borrowed_targets.empty()) break;
        }
        // "verurteilten den Raketentest Nordkoreas": the owner of the object is the target.
        if (filled.targets.empty() && element.words.empty()) filled.targets = GenitiveAfterVerb(clause);
        // "accused each other", "warfen sich gegenseitig vor": every subject acts on the others.
        if (filled.targets.empty() && filled.sources.size() >= 2 && filled.sources.size() <= 4 && IsReciprocal(context, clause)) {
          filled.targets = filled.sources;
          filled.reciprocal = true;
        }
        // "Kim und Putin trafen sich", "Russland und Nordkorea verhandeln": a symmetric act
        // between coordinated subjects.
        if (IsSymmetricCode(pattern.code) && !clause.verb.passive) PairCoordinatedSources(filled);
        // A request may name its addressee only in the complement ("schlug vor, dass Kim …").
        if (filled.targets.empty() && !(pattern.IsRequest() && element.words.empty())) return std::nullopt;
        if (filled.targets.empty()) continue;
        break;
      case ElementKind::kSource:
        filled.sources = element.words.empty() ? clause.subjects : PrepositionalGroup(clause, element.words, -1);
        if (filled.sources.empty()) return std::nullopt;
        break;
      default:
        if (!FillSharedElement(context, clause, element, -1, 0, filled)) return std::nullopt;
        break;
    }
    filled.score += ElementScore(element);
  }
  // "Russland erhält Drohnen aus dem Iran": a frame with a prepositional source and no target
  // makes the subject the receiver.
  const bool prepositional_source = std::any_of(pattern.elements.begin(), pattern.elements.end(), [](const FrameElement& e) {
    return e.kind == ElementKind::kSource && !e.words.empty();
  });
  if (prepositional_source && !pattern.HasTarget()) filled.targets = clause.subjects;
  // A frame without T still needs a target: the object, or the owner of the object ("lehnte
  // den Friedensplan der Ukraine ab").
  if (!pattern.HasTarget() && filled.targets.empty()) filled.targets = !clause.objects.empty() ? clause.objects : GenitiveAfterVerb(clause);
  return filled;
}


std::optional<Candidate> MatchVerb(const SentenceContext& context, size_t c) {
  const Clause& clause = context.analysis.clauses[c];
  if (clause.verb.lemma < 0) return std::nullopt;
  const std::vector<Pattern>& patterns = context.lexicon.PatternsOf(static_cast<uint32_t>(clause.verb.lemma));
  const Pattern* best = nullptr;
  Filled best_filled;
  for (const Pattern& pattern : patterns) {
    std::optional<Filled> filled = FillVerbFrame(context, clause, pattern);
    if (!filled) continue;
    if (filled->targets.empty() && IsSymmetricCode(pattern.code)) PairCoordinatedSources(*filled);
    if (best == nullptr || filled->score > best_filled.score) {
      best = &pattern;
      best_filled = std::move(*filled);
    }
  }
  if (best == nullptr) return std::nullopt;
  Candidate candidate = MakeCandidate(c, *best, EntitiesOf(clause, best_filled.sources), EntitiesOf(clause, best_filled.targets),
                                      static_cast<uint32_t>(clause.verb.lexical), clause.verb.modality, false);
  candidate.targets.insert(candidate.targets.end(), best_filled.borrowed_targets.begin(), best_filled.borrowed_targets.end());
  return candidate;
}

Modality Stronger(Modality own, Modality frame) {
  if (own == Modality::kNegated || frame == Modality::kNegated) return Modality::kNegated;
  if (own == Modality::kPossible || frame == Modality::kPossible) return Modality::kPossible;
  if (own == Modality::kPlanned || frame == Modality::kPlanned) return Modality::kPlanned;
  return Modality::kAsserted;
}

// ---- noun triggers ---------------------------------------------------------------------------

bool OfFollowsNoun(const SentenceContext& context, uint32_t noun, uint32_t arg_word) {
  return noun + 1 < arg_word && context.analysis.words[noun + 1].lower == "of";
}

struct NounContext {
  std::vector<int32_t> genitive_before, genitive_after;  // argument indexes
};

NounContext NounArguments(const SentenceContext& context, const Clause& clause, uint32_t noun) {
  NounContext found;
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    // English "the visit of Chinese Defence Minister Li Shangfu": "of" right after the noun.
    if (!context.german && UsableArgument(arg) && arg.preposition == "of" && arg.word > noun && arg.word <= noun + 5 &&
        OfFollowsNoun(context, noun, arg.word)) {
      found.genitive_after.push_back(static_cast<int32_t>(a));
      continue;
    }
    if (!UsableArgument(arg) || !arg.genitive) continue;
    // "Putins geplanter Besuch", "Xi Jinping's upcoming visit": up to two adjectives between.
    const uint32_t first_after = arg.last_word + (context.german ? 1 : 2);
    bool adjacent = noun >= first_after && noun <= first_after + 2;
    for (uint32_t i = first_after; adjacent && i < noun; ++i) {
      const WordView& between = context.analysis.words[i];
      adjacent = between.is_word && !between.capitalized && between.entity_inside < 0 && !between.finite;
    }
    if (adjacent) found.genitive_before.push_back(static_cast<int32_t>(a));
    if (arg.word > noun && arg.word <= noun + 4) found.genitive_after.push_back(static_cast<int32_t>(a));
  }
  return found;
}

// How far a German noun's prepositional phrases reach: past goods ("von Drohnen", "aus Iran")
// but not past a phrase headed by another noun ("Kauf von Granaten für den Einsatz in der
// Ukraine": "in der Ukraine" belongs to Einsatz).
uint32_t NounPhraseReach(const SentenceContext& context, uint32_t noun) {
  const std::vector<WordView>& words = context.analysis.words;
  if (!context.german) return kNounArgumentReach;
  for (uint32_t i = noun + 1; i < words.size() && i <= noun + kNounArgumentReach; ++i) {
    if (words[i].boundary || words[i].finite) return i - 1 - noun;
    if (!(words[i].flags & kPreposition)) continue;
    const std::string_view p = BasePreposition(words[i].lower);
    for (uint32_t k = i + 1; k < words.size() && k <= i + 4; ++k) {
      if (words[k].entity_inside >= 0) break;
      if (words[k].capitalized && words[k].is_word && !(words[k].flags & kTitleWord)) {
        if (p != "von" && p != "aus") return i - 1 - noun;
        break;
      }
    }
  }
  return kNounArgumentReach;
}

std::optional<Filled> FillNounFrame(const SentenceContext& context, const Clause& clause, const Pattern& pattern, uint32_t noun) {
  const NounContext around = NounArguments(context, clause, noun);
  Filled filled;
  const int32_t after = static_cast<int32_t>(noun);
  const uint32_t reach = std::max<uint32_t>(1, NounPhraseReach(context, noun));
  for (const FrameElement& element : pattern.elements) {
    switch (element.kind) {
      case ElementKind::kTarget:
        filled.targets = element.words.empty() ? around.genitive_after
                                               : PrepositionalGroup(clause, element.words, after, reach);
        // "hat mit Belarus ein gemeinsames Manöver begonnen": in German the phrase may come first.
        if (filled.targets.empty() && !element.words.empty() && context.german) {
          filled.targets = PrepositionalGroup(clause, element.words, clause.verb.finite, 0);
          if (!filled.targets.empty() && clause.args[filled.targets[0]].word > noun) filled.targets.clear();
        }
        if (filled.targets.empty()) return std::nullopt;
        break;
      case ElementKind::kSource:
        if (element.words.empty()) {
          filled.sources = !around.genitive_before.empty() ? around.genitive_before : around.genitive_after;
        } else {
          filled.sources = PrepositionalGroup(clause, element.words, after, reach);
        }
        if (filled.sources.empty()) return std::nullopt;
        break;
      default:
        if (!FillSharedElement(context, clause, element, after, reach, filled)) return std::nullopt;
        break;
    }
    filled.score += ElementScore(element);
  }
  if (filled.sources.empty() && !around.genitive_before.empty()) filled.sources = around.genitive_before;
  // "die Lieferung von Drohnen an Russland durch den Iran", "the delivery of drones by Iran".
  if (filled.sources.empty()) filled.sources = PrepositionalGroup(clause, {"durch", "by"}, static_cast<int32_t>(noun), kNounArgumentReach);
  return filled;
}

// The root of the clause verb's first pattern that can apply (its particles present), or "".
std::string_view VerbRoot(const SentenceContext& context, const Clause& clause) {
  if (clause.verb.lemma < 0) return "";
  for (const Pattern& pattern : context.lexicon.PatternsOf(static_cast<uint32_t>(clause.verb.lemma))) {
    if (ParticlesPresent(context, clause, pattern)) return std::string_view(pattern.code).substr(0, 2);  // "hold responsible" is not "held talks"
  }
  return "";
}

bool IsStanceRoot(std::string_view root) {
  return root == "02" || root == "10" || root == "11" || root == "12" || root == "13" || root == "14";
}

// "nicht", "not", "never" negate the clause; "keine", "no" only the noun they stand before.
bool HasSentenceNegation(const SentenceContext& context, const Clause& clause) {
  for (uint32_t i : clause.words) {
    const std::string_view w = context.analysis.words[i].lower;
    if ((context.analysis.words[i].flags & kNegationWord) && !w.starts_with("kein") && w != "no") return true;
  }
  return false;
}

// The noun stands after the verb: after the lexical verb in English, after the finite verb (in
// the middle field) in German, where objects stand.
bool IsAfterVerb(const SentenceContext& context, const Clause& clause, uint32_t noun) {
  const int32_t verb = context.german && clause.verb.finite >= 0 ? clause.verb.finite : clause.verb.lexical;
  return verb >= 0 && static_cast<int32_t>(noun) > verb;
}

// A noun event is as certain as its clause, plus what qualifies the noun itself ("ein geplantes
// Treffen", "Pläne zur Lieferung"); under a request, warning, demand or rejection it did not
// happen (yet): "warnten vor einer Zusammenarbeit zwischen Nordkorea und Russland".
Modality NounModality(const SentenceContext& context, const Clause& clause, uint32_t noun) {
  Modality modality = clause.verb.modality;
  const std::vector<WordView>& words = context.analysis.words;
  if (modality == Modality::kNegated && !HasSentenceNegation(context, clause)) modality = Modality::kAsserted;
  for (uint32_t i = noun >= 3 ? noun - 3 : 0; i < noun; ++i) {
    if (words[i].flags & kNegationWord) modality = Stronger(modality, Modality::kNegated);
    else if (words[i].flags & kPossibleWord) modality = Stronger(modality, Modality::kPossible);
    else if (words[i].flags & kPlannedWord) modality = Stronger(modality, Modality::kPlanned);
  }
  const uint32_t frame = clause.verb.frame_flags;
  if (frame & kNegatingVerb) {
    // Only what is denied or stopped: "stopped the talks", not "talks … ended".
    if (IsAfterVerb(context, clause, noun)) modality = Stronger(modality, Modality::kNegated);
  } else if (frame & kPossibleVerb) modality = Stronger(modality, Modality::kPossible);
  else if (frame & kPlannedVerb) modality = Stronger(modality, Modality::kPlanned);
  if (clause.verb.lemma >= 0 && static_cast<int32_t>(noun) > clause.verb.lexical) {
    const std::string_view root = VerbRoot(context, clause);
    if (root == "12") modality = Stronger(modality, Modality::kNegated);
    else if (root == "02" || root == "10" || root == "11" || root == "13") modality = Stronger(modality, Modality::kPossible);
  }
  return modality;
}

// Verbs whose subject stands apart from the action named by their object: appeals, demands,
// criticism, rejection, threats, protest ("Der Kreml verurteilte die Waffenlieferungen an Kiew").
bool IsStanceVerb(const SentenceContext& context, const Clause& clause) {
  const uint32_t lemma = static_cast<uint32_t>(clause.verb.lemma);
  if (context.lexicon.LemmaFlags(lemma) & (kReportVerb | kDesireVerb | kObjectControlVerb)) return true;
  return IsStanceRoot(VerbRoot(context, clause));
}

// May the clause's subject be the source of a noun event? Only when the clause's own verb takes
// no stance on it ("Iran hat die Lieferung von Drohnen an Russland fortgesetzt", "Kim und Putin
// planen ein Treffen") and the noun stands after the subject, outside its noun phrase.
bool SubjectMayBeNounSource(const SentenceContext& context, const Clause& clause, uint32_t noun) {
  if (clause.subjects.empty()) return false;
  if (clause.verb.lemma >= 0 && IsStanceVerb(context, clause)) return false;
  for (int32_t a : clause.subjects) {
    if (clause.args[a].group != -2 && clause.args[a].last_word >= noun) return false;
  }
  return true;
}

// "Der Russland-Besuch von Kim Jong Un", "die China-Reise des Kanzlers": the actor before the
// hyphen is the noun's target, the source comes from the noun phrase or the clause.
void MatchActorCompounds(const SentenceContext& context, size_t c, bool clause_has_verb_event, std::vector<Candidate>& out) {
  const Clause& clause = context.analysis.clauses[c];
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& modifier = clause.args[a];
    const WordView& word = context.analysis.words[modifier.last_word];
    if (!modifier.compound_modifier || word.compound_head.empty()) continue;
    const std::vector<TriggerForm>* forms = context.lexicon.Forms(word.compound_head);
    if (forms == nullptr) continue;
    for (const TriggerForm& form : *forms) {
      if (form.kind != FormKind::kNoun) continue;
      const std::vector<Pattern>& patterns = context.lexicon.PatternsOf(form.lemma);
      const auto pattern = std::find_if(patterns.begin(), patterns.end(), [](const Pattern& p) { return p.HasTarget() && !p.IsRequest(); });
      if (pattern == patterns.end()) break;
      const uint32_t noun = modifier.last_word;
      const NounContext around = NounArguments(context, clause, noun);
      std::vector<int32_t> sources =
          PrepositionalGroup(clause, {"von", "durch", "by", "of"}, static_cast<int32_t>(noun), std::max<uint32_t>(1, NounPhraseReach(context, noun)));
      if (sources.empty()) sources = !around.genitive_after.empty() ? around.genitive_after : around.genitive_before;
      if (sources.empty() && !clause_has_verb_event && SubjectMayBeNounSource(context, clause, noun)) sources = clause.subjects;
      if (sources.empty()) break;
      out.push_back(MakeCandidate(c, *pattern, EntitiesOf(clause, sources), {modifier.entity}, noun,
                                  NounModality(context, clause, noun), true));
      break;
    }
  }
}

void MatchNouns(const SentenceContext& context, size_t c, bool clause_has_verb_event, std::vector<Candidate>& out) {
  MatchActorCompounds(context, c, clause_has_verb_event, out);
  const Clause& clause = context.analysis.clauses[c];
  for (uint32_t i : clause.words) {
    const WordView& word = context.analysis.words[i];
    if (word.forms == nullptr || word.entity_inside >= 0 || (context.german && !word.capitalized)) continue;
    for (const TriggerForm& form : *word.forms) {
      if (form.kind != FormKind::kNoun) continue;
      const Pattern* best = nullptr;
      Filled best_filled;
      for (const Pattern& pattern : context.lexicon.PatternsOf(form.lemma)) {
        std::optional<Filled> filled = FillNounFrame(context, clause, pattern, i);
        if (!filled) continue;
        if (best == nullptr || filled->score > best_filled.score) {
          best = &pattern;
          best_filled = std::move(*filled);
        }
      }
      if (best == nullptr) {
        // "Kim und Putin planen ein Treffen": a symmetric noun with the clause's coordinated subject.
        for (const Pattern& pattern : context.lexicon.PatternsOf(form.lemma)) {
          if (!IsSymmetricCode(pattern.code) || clause_has_verb_event || !SubjectMayBeNounSource(context, clause, i)) continue;
          if (clause.subjects.size() == 2) {
            best = &pattern;
            best_filled = Filled{};
            best_filled.sources = clause.subjects;
            PairCoordinatedSources(best_filled);
          }
          break;
        }
      }
      if (best == nullptr) break;
      if (best_filled.sources.empty() && !clause_has_verb_event && SubjectMayBeNounSource(context, clause, i)) {
        best_filled.sources = clause.subjects;
      }
      // "Die Sanktionen gegen Iran wurden durch die EU verlängert": the passive agent.
      if (best_filled.sources.empty() && clause.verb.passive && !clause.subjects.empty()) best_filled.sources = clause.subjects;
      if (best_filled.sources.empty() || best_filled.targets.empty()) break;
      out.push_back(MakeCandidate(c, *best, EntitiesOf(clause, best_filled.sources), EntitiesOf(clause, best_filled.targets), i,
                                  NounModality(context, clause, i), true));
      break;
    }
  }
}

// ---- requests, plans, denials ----------------------------------------------------------------

}  // namespace lagebild::event_internal
