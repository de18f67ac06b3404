#include "events/event_coder.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "events/clause_analysis.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr uint32_t kNounArgumentReach = 10;  // words after a noun trigger that its arguments may stand

// "am" → "an", "zum" → "zu": prepositions as patterns write them.
std::string_view BasePreposition(std::string_view p) {
  if (p == "am" || p == "ans") return "an";
  if (p == "im" || p == "ins") return "in";
  if (p == "zum" || p == "zur") return "zu";
  if (p == "vom") return "von";
  if (p == "beim") return "bei";
  return p;
}

bool PrepositionMatches(const std::vector<std::string>& wanted, std::string_view actual) {
  const std::string_view base = BasePreposition(actual);
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return BasePreposition(w) == base; });
}

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

std::vector<int32_t> EntitiesOf(const Clause& clause, const std::vector<int32_t>& args) {
  std::vector<int32_t> entities;
  for (int32_t a : args) entities.push_back(clause.args[a].entity);
  return entities;
}

bool UsableArgument(const Argument& arg) { return !arg.speaker && !arg.apposition && !arg.dateline; }

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

bool PhraseAt(const std::vector<WordView>& words, size_t i, const std::vector<std::string>& phrase) {
  if (i + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (words[i + k].lower != phrase[k]) return false;
  }
  return true;
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
  for (uint32_t i = 0; i < words.size(); ++i) {
    const WordView& word = words[i];
    if (word.flags & kAccordingWord) {
      if (word.lower == "zufolge") mark(ArgumentBefore(analysis, i));
      else mark(ArgumentAfter(analysis, i, 6));
    }
    if ((word.flags & kQuoteTagWord) && i > 0 && words[i - 1].boundary) mark(ArgumentAfter(analysis, i, 3));
    for (const auto& phrase : context.lexicon.Phrases("according-phrases")) {
      if (PhraseAt(words, i, phrase)) mark(ArgumentAfter(analysis, i + static_cast<uint32_t>(phrase.size()) - 1, 6));
    }
  }
  return speaker;
}

std::optional<Candidate> MatchVerb(const SentenceContext& context, size_t c);

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
int32_t ReportSpeaker(SentenceContext& context) {
  for (size_t c = 0; c < context.analysis.clauses.size(); ++c) {
    Clause& clause = context.analysis.clauses[c];
    if (clause.subjects.empty() || !IsReportClause(context, c)) continue;
    for (int32_t a : clause.subjects) clause.args[a].speaker = true;
    return clause.args[clause.subjects[0]].entity;
  }
  return -1;
}

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
void ResolvePronounSubjects(SentenceContext& context, const std::vector<int32_t>& previous_subjects) {
  std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t c = 0; c < clauses.size(); ++c) {
    Clause& clause = clauses[c];
    if (clause.governor >= 0 || !clause.verb.pronoun_subject || !clause.subjects.empty() || clause.verb.passive) continue;
    // "Nachdem Schoigu eingetroffen war, traf er Kim": the nearest subject before, in this
    // sentence or the one before.
    std::vector<int32_t> antecedents = previous_subjects;
    for (size_t k = c; k-- > 0;) {
      std::vector<int32_t> found;
      for (int32_t a : clauses[k].subjects) {
        if (!clauses[k].args[a].speaker) found.push_back(clauses[k].args[a].entity);
      }
      if (!found.empty()) {
        antecedents = found;
        break;
      }
    }
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

// ---- pattern matching ------------------------------------------------------------------------

// The words a frame's literals and classes are looked for in: the clause, and for a relative
// clause the noun it refers to ("Die Drohnen, die Iran an Russland geliefert hat").
std::vector<uint32_t> FrameWords(const SentenceContext& context, const Clause& clause) {
  std::vector<uint32_t> words = clause.words;
  if (clause.type == ClauseType::kRelative && !clause.words.empty()) {
    uint32_t before = clause.words.front();
    while (before > 0 && !context.analysis.words[before - 1].is_word) --before;
    if (before > 0) words.push_back(before - 1);
  }
  return words;
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
  for (uint32_t i : FrameWords(context, clause)) {
    const std::string& lower = context.analysis.words[i].lower;
    const std::string_view base = BasePreposition(lower);  // "beim" counts as "bei"
    for (const std::string& alternative : element.words) {
      if (GlobMatches(alternative, lower) || alternative == base) return true;
    }
  }
  return false;
}

bool ClassInClause(const SentenceContext& context, const Clause& clause, const std::string& name) {
  for (uint32_t i : FrameWords(context, clause)) {
    const WordView& word = context.analysis.words[i];
    if (word.is_word && word.entity_inside < 0 && context.lexicon.InClass(name, word.lower)) return true;
  }
  return false;
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

std::vector<int32_t> FromNextConjunct(const SentenceContext& context, const Clause& clause, const std::vector<std::string>& prepositions);

struct Filled;

struct Filled {
  int score = 0;
  std::vector<int32_t> sources, targets;  // argument indexes in the clause
  std::vector<int32_t> borrowed_targets;  // entity indexes from a coordinated clause
  bool reciprocal = false;
};

// "accused each other", "warfen sich gegenseitig vor": the reciprocal stands right after the
// verb ("agreed to monitor each other's policies" is no reciprocal act).
bool IsReciprocal(const SentenceContext& context, const Clause& clause) {
  const std::vector<WordView>& words = context.analysis.words;
  const int32_t verb = clause.verb.lexical;
  if (verb < 0) return false;
  for (uint32_t i = static_cast<uint32_t>(verb) + 1; i < words.size() && i <= static_cast<uint32_t>(verb) + 3; ++i) {
    const std::string& w = words[i].lower;
    if (w == "einander" || w == "gegenseitig" || w == "untereinander") return true;
    if ((w == "each" || w == "one") && i + 1 < words.size()) {
      const std::string& next = words[i + 1].lower;
      const bool possessive = i + 2 < words.size() && (words[i + 2].lower == "'s" || words[i + 2].lower == "’s");
      if ((next == "other" || next == "another") && !possessive) return true;
    }
  }
  return false;
}

// The entities of the next coordinated clause governed by one of these prepositions.
std::vector<int32_t> FromNextConjunct(const SentenceContext& context, const Clause& clause, const std::vector<std::string>& prepositions) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  const int32_t index = static_cast<int32_t>(&clause - clauses.data());
  for (const Clause& next : clauses) {
    if (next.governor != index || !next.coordinated) continue;
    return EntitiesOf(next, PrepositionalGroup(next, prepositions, -1));
  }
  return {};
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
        if (filled.targets.empty() && !element.words.empty()) {
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
        if (filled.targets.empty() && IsSymmetricCode(pattern.code) && filled.sources.size() == 2 && !clause.verb.passive) {
          filled.targets.assign(filled.sources.begin() + 1, filled.sources.end());
          filled.sources.resize(1);
        }
        // A request may name its addressee only in the complement ("schlug vor, dass Kim …").
        if (filled.targets.empty() && !(pattern.IsRequest() && element.words.empty())) return std::nullopt;
        if (filled.targets.empty()) continue;
        break;
      case ElementKind::kSource:
        filled.sources = element.words.empty() ? clause.subjects : PrepositionalGroup(clause, element.words, -1);
        if (filled.sources.empty()) return std::nullopt;
        break;
      case ElementKind::kBetween: {
        const std::vector<int32_t> group = PrepositionalGroup(clause, element.words, -1);
        if (group.size() < 2) return std::nullopt;
        filled.sources = {group[0]};
        filled.targets.assign(group.begin() + 1, group.end());
        break;
      }
      case ElementKind::kLiteral:
        if (!LiteralInClause(context, clause, element)) return std::nullopt;
        break;
      case ElementKind::kClass:
        if (!ClassInClause(context, clause, element.class_name)) return std::nullopt;
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

// Meetings without a named partner but with coordinated sources: "Kim und Putin trafen sich".
void PairCoordinatedSources(Filled& filled) {
  if (!filled.targets.empty() || filled.sources.size() != 2) return;  // a longer list is no pair
  filled.targets.assign(filled.sources.begin() + 1, filled.sources.end());
  filled.sources.resize(1);
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
  Candidate candidate;
  candidate.clause = c;
  candidate.pattern = best;
  candidate.code = best->code;
  candidate.sources = EntitiesOf(clause, best_filled.sources);
  candidate.targets = EntitiesOf(clause, best_filled.targets);
  candidate.targets.insert(candidate.targets.end(), best_filled.borrowed_targets.begin(), best_filled.borrowed_targets.end());
  candidate.trigger_word = static_cast<uint32_t>(clause.verb.lexical);
  candidate.modality = clause.verb.modality;
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
      if (words[k].capitalized && words[k].is_word && !IsTitleWord(words[k].lower)) {
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
      case ElementKind::kBetween: {
        const std::vector<int32_t> group = PrepositionalGroup(clause, element.words, after, reach);
        if (group.size() < 2) return std::nullopt;
        filled.sources = {group[0]};
        filled.targets.assign(group.begin() + 1, group.end());
        break;
      }
      case ElementKind::kLiteral:
        if (!LiteralInClause(context, clause, element)) return std::nullopt;
        break;
      case ElementKind::kClass:
        if (!ClassInClause(context, clause, element.class_name)) return std::nullopt;
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
    const std::string& w = context.analysis.words[i].lower;
    if ((context.analysis.words[i].flags & kNegationWord) && !w.starts_with("kein") && w != "no") return true;
  }
  return false;
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
  if (frame & kNegatingVerb) modality = Stronger(modality, Modality::kNegated);
  else if (frame & kPossibleVerb) modality = Stronger(modality, Modality::kPossible);
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
      Candidate candidate;
      candidate.clause = c;
      candidate.pattern = &*pattern;
      candidate.code = pattern->code;
      candidate.sources = EntitiesOf(clause, sources);
      candidate.targets = {modifier.entity};
      candidate.trigger_word = noun;
      candidate.modality = NounModality(context, clause, noun);
      candidate.nominal = true;
      out.push_back(std::move(candidate));
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
      Candidate candidate;
      candidate.clause = c;
      candidate.pattern = best;
      candidate.code = best->code;
      candidate.sources = EntitiesOf(clause, best_filled.sources);
      candidate.targets = EntitiesOf(clause, best_filled.targets);
      candidate.trigger_word = i;
      candidate.modality = NounModality(context, clause, i);
      candidate.nominal = true;
      out.push_back(std::move(candidate));
      break;
    }
  }
}

// ---- requests, plans, denials ----------------------------------------------------------------

// A threat to do something: "threatened to cut ties" (1313), "… to use nuclear weapons" (1385).
std::string DeriveThreatCode(std::string_view embedded, const CameoTable& cameo) {
  static const std::pair<const char*, const char*> kThreats[] = {
      {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "1313"}, {"16", "131"}, {"173", "1323"},
      {"17", "132"},   {"191", "1381"}, {"192", "1382"}, {"204", "1385"}, {"20", "1385"}, {"19", "138"},
      {"18", "1384"},  {"15", "138"}};
  for (const auto& [action, code] : kThreats) {
    if (embedded.starts_with(action) && cameo.Find(code) != nullptr) return code;
  }
  return "130";
}

// The appeal (02), intent (03), demand (10) or rejection (12) code for an embedded action, by the
// longest matching action code: "freilassen" (084) under "fordern" is 1053.
std::string DeriveRequestCode(std::string_view prefix, std::string_view embedded, const CameoTable& cameo) {
  struct Row {
    const char* action;
    const char* codes[4];  // appeal, intent, demand, rejection
  };
  static const Row kRows[] = {
      {"0831", {"0241", "0341", "1041", "1231"}}, {"0832", {"0242", "0342", "1042", "1232"}},
      {"0833", {"0243", "0343", "1043", "1233"}}, {"0834", {"0244", "0344", "1044", "1234"}},
      {"083", {"024", "034", "104", "123"}},      {"081", {"0251", "0351", "1051", "1241"}},
      {"082", {"0252", "0352", "1052", "1242"}},  {"084", {"0253", "0353", "1053", "1243"}},
      {"085", {"0254", "0354", "1054", "1244"}},  {"086", {"0255", "0355", "1055", "1245"}},
      {"087", {"0256", "0356", "1056", "1246"}},  {"08", {"025", "035", "105", "124"}},
      {"061", {"0211", "0311", "1011", "1211"}},  {"062", {"0212", "0312", "1012", "1212"}},
      {"063", {"0213", "0313", "1013", "121"}},   {"064", {"0214", "0314", "1014", "121"}},
      {"06", {"021", "031", "101", "121"}},       {"071", {"0231", "0331", "1031", "1221"}},
      {"072", {"0232", "0332", "1032", "1222"}},  {"073", {"0233", "0333", "1033", "1223"}},
      {"074", {"0234", "0334", "1034", "1224"}},  {"07", {"023", "033", "103", "122"}},
      {"045", {"028", "038", "108", "126"}},      {"04", {"026", "036", "106", "125"}},
      {"057", {"027", "037", "107", "127"}},      {"05", {"022", "032", "102", "120"}},
  };
  if (prefix == "13") return DeriveThreatCode(embedded, cameo);
  const size_t column = prefix == "02" ? 0 : prefix == "03" ? 1 : prefix == "10" ? 2 : 3;
  for (const Row& row : kRows) {
    if (!embedded.starts_with(row.action)) continue;
    std::string_view code = row.codes[column];
    while (code.size() > 3 && cameo.Find(code) == nullptr) code.remove_suffix(1);
    if (cameo.Find(code) != nullptr) return std::string(code);
  }
  return std::string(prefix) + "0";
}

// The code a noun names in this clause, slots aside: "engere wirtschaftliche Zusammenarbeit"
// takes the Zusammenarbeit pattern whose words fit best (061 rather than 050).
std::optional<std::string> BestNounCode(const SentenceContext& context, const Clause& clause, uint32_t lemma) {
  const Pattern* best = nullptr;
  int best_score = -1;
  for (const Pattern& pattern : context.lexicon.PatternsOf(lemma)) {
    if (pattern.IsRequest()) continue;
    int score = 0;
    bool fits = true;
    for (const FrameElement& element : pattern.elements) {
      if (element.kind == ElementKind::kLiteral) fits = fits && LiteralInClause(context, clause, element);
      if (element.kind == ElementKind::kClass) fits = fits && ClassInClause(context, clause, element.class_name);
      if (element.kind == ElementKind::kLiteral || element.kind == ElementKind::kClass) score += ElementScore(element);
    }
    if (fits && score > best_score) {
      best = &pattern;
      best_score = score;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->code;
}

// The embedded action of a request from a noun after "um"/"for": a noun trigger's code, or a
// word class ("bittet um Nahrungsmittelhilfe" → humanitarian aid).
std::optional<std::string> NounAction(const SentenceContext& context, const Clause& clause) {
  static const std::pair<const char*, const char*> kClassActions[] = {
      {"WEAPONS", "072"}, {"FOOD", "073"}, {"MONEY", "071"}, {"TROOPS", "074"}, {"TECHNOLOGY", "061"}};
  for (uint32_t i : clause.words) {
    const WordView& word = context.analysis.words[i];
    if (static_cast<int32_t>(i) <= clause.verb.lexical && !context.german) continue;
    if (word.forms != nullptr) {
      for (const TriggerForm& form : *word.forms) {
        if (form.kind != FormKind::kNoun) continue;
        if (std::optional<std::string> code = BestNounCode(context, clause, form.lemma)) return code;
      }
    }
    for (const auto& [name, code] : kClassActions) {
      if (word.is_word && word.entity_inside < 0 && context.lexicon.InClass(name, word.lower)) return std::string(code);
    }
  }
  return std::nullopt;
}

// The other side of an action named by a noun: "Lieferung an Kiew", "Waffenruhe mit der Hamas",
// "a meeting with Biden".
std::vector<int32_t> RecipientOf(const Clause& clause) {
  for (const Argument& arg : clause.args) {
    const std::string_view p = BasePreposition(arg.preposition);
    if (UsableArgument(arg) && (p == "to" || p == "an" || p == "nach" || p == "für" || p == "for" || p == "mit" ||
                                p == "with" || p == "gegen" || p == "against")) {
      return {arg.entity};
    }
  }
  return {};
}

// Clauses that complete clause `c`: its infinitive and that-clauses, and theirs.
std::vector<size_t> ComplementChain(const std::vector<Clause>& clauses, size_t c) {
  std::vector<size_t> chain;
  size_t head = c;
  for (size_t k = c + 1; k < clauses.size(); ++k) {
    const Clause& clause = clauses[k];
    if (clause.governor != static_cast<int32_t>(head) || clause.coordinated || clause.type == ClauseType::kRelative) break;
    if (clause.type != ClauseType::kInfinitive && clause.type != ClauseType::kSubordinate) break;
    chain.push_back(k);
    head = k;
  }
  return chain;
}

Candidate* CandidateOfClause(std::vector<Candidate>& candidates, size_t clause, bool verbal_only = true) {
  for (Candidate& candidate : candidates) {
    if (candidate.clause == clause && (!verbal_only || !candidate.nominal) && !candidate.suppressed) return &candidate;
  }
  return nullptr;
}

// A request, demand or rejection takes its subcode from the action it is about; the action is
// then not coded on its own. An intent makes the action planned instead.
void ResolveRequests(const SentenceContext& context, const CameoTable& cameo, std::vector<Candidate>& candidates) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (candidates[k].suppressed || !candidates[k].pattern->IsRequest()) continue;
    const std::string prefix = candidates[k].code.substr(0, 2);
    std::optional<std::string> embedded;
    for (size_t complement : ComplementChain(clauses, candidates[k].clause)) {
      Candidate* action = CandidateOfClause(candidates, complement);
      if (action == nullptr) action = CandidateOfClause(candidates, complement, false);  // "refused to attend talks with Armenia"
      if (action == nullptr) continue;
      action->suppressed = true;
      embedded = action->code;
      // "versprach Kiew, Panzer zu liefern": the intent's target is the action's target;
      // "bat Putin, Nordkorea zu besuchen": the appeal's addressee is the action's subject.
      // Promises, refusals and threats are about the speaker's own acts; appeals and demands about
      // the addressee's.
      const bool own_action = prefix == "03" || prefix == "12" || prefix == "13";
      if (candidates[k].targets.empty()) candidates[k].targets = own_action ? action->targets : action->sources;
      break;
    }
    // "weigerte sich, Russland zu verurteilen": CAMEO has no refusal code for it, so it is the act
    // itself, negated.
    if (embedded && prefix == "12" && DeriveRequestCode(prefix, *embedded, cameo) == "120") {
      for (size_t complement : ComplementChain(clauses, candidates[k].clause)) {
        for (Candidate& action : candidates) {
          if (action.clause == complement && action.code == *embedded) {
            action.suppressed = false;
            action.modality = Modality::kNegated;
          }
        }
      }
      candidates[k].suppressed = true;
      continue;
    }
    if (!embedded) {
      embedded = NounAction(context, clauses[candidates[k].clause]);
      // "ruled out sending missiles to Ukraine": the action's recipient is the target.
      if (embedded && candidates[k].targets.empty()) candidates[k].targets = RecipientOf(clauses[candidates[k].clause]);
    }
    candidates[k].code = embedded ? DeriveRequestCode(prefix, *embedded, cameo) : prefix + "0";
  }
}

// Warnings, accusations, demands and criticism are about acts that are alleged or feared, not
// reported: "warnten Nordkorea davor, Waffen an Russland zu liefern", "beschuldigte Russland,
// Gefangene hingerichtet zu haben". Their complements are not coded; an accusation takes its
// subcode from the alleged act.
void SuppressStanceComplements(const SentenceContext& context, std::vector<Candidate>& candidates) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (candidates[k].suppressed || candidates[k].nominal) continue;
    const std::string root = candidates[k].code.substr(0, 2);
    if (root != "02" && root != "10" && root != "11" && root != "12" && root != "13") continue;
    for (size_t complement : ComplementChain(clauses, candidates[k].clause)) {
      if (candidates[k].code == "112") {
        const std::string_view alleged = VerbRoot(context, clauses[complement]);
        if (alleged == "19") candidates[k].code = "1123";  // accused of aggression
        else if (alleged == "18" || alleged == "20") candidates[k].code = "1124";  // of war crimes
      }
      for (Candidate& action : candidates) {
        if (action.clause == complement && !action.suppressed) action.suppressed = true;
      }
    }
  }
}

// "Putin möchte, dass Kim zustimmt, … zu schicken": a wish that another actor act is an appeal
// to that actor for the action.
void ResolveWishes(const SentenceContext& context, const CameoTable& cameo, std::vector<Candidate>& candidates) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t c = 0; c < clauses.size(); ++c) {
    const Clause& clause = clauses[c];
    if (!(clause.verb.frame_flags & kDesireVerb) || clause.subjects.empty() || CandidateOfClause(candidates, c) != nullptr) continue;
    const std::vector<size_t> chain = ComplementChain(clauses, c);
    if (chain.empty()) continue;
    const Clause& first = clauses[chain[0]];
    std::vector<int32_t> addressees = EntitiesOf(first, first.subjects);
    if (first.type == ClauseType::kInfinitive) addressees = EntitiesOf(clause, clause.objects);
    const std::vector<int32_t> wishers = EntitiesOf(clause, clause.subjects);
    if (addressees.empty() || addressees == wishers) continue;
    std::optional<std::string> embedded;
    const Pattern* rule = nullptr;
    uint32_t trigger = static_cast<uint32_t>(clause.verb.lexical >= 0 ? clause.verb.lexical : clause.verb.finite);
    for (size_t complement : chain) {
      Candidate* action = CandidateOfClause(candidates, complement);
      if (action == nullptr) continue;
      if (action->pattern->IsRequest() && action->code.size() == 3 && action->code[2] == '0') {
        action->suppressed = true;
        continue;
      }
      action->suppressed = true;
      if (!embedded) {
        embedded = action->code;
        rule = action->pattern;
      }
    }
    if (!embedded || rule == nullptr) continue;
    Candidate appeal;
    appeal.clause = c;
    appeal.pattern = rule;
    appeal.code = DeriveRequestCode("02", *embedded, cameo);
    appeal.sources = wishers;
    appeal.targets = addressees;
    appeal.trigger_word = trigger;
    appeal.modality = Modality::kAsserted;
    candidates.push_back(std::move(appeal));
  }
}

// Planning, considering and denying verbs pass their meaning on to the actions they govern.
void ApplyFrameVerbs(const SentenceContext& context, std::vector<Candidate>& candidates) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t c = 0; c < clauses.size(); ++c) {
    const uint32_t flags = clauses[c].verb.frame_flags;
    Modality frame = Modality::kAsserted;
    if (flags & kNegatingVerb) frame = Modality::kNegated;
    else if (flags & kPossibleVerb) frame = Modality::kPossible;
    else if (flags & kPlannedVerb) frame = Modality::kPlanned;
    // "Es ist möglich, dass …": a clause with no verb of its own lends its modality words.
    if (frame == Modality::kAsserted && clauses[c].verb.lemma < 0 && clauses[c].verb.modality != Modality::kAsserted &&
        clauses[c].verb.modality != Modality::kNegated) {
      frame = clauses[c].verb.modality;
    }
    Modality same_clause = Modality::kAsserted;
    const uint32_t other = clauses[c].verb.other_frame_flags;
    if (other & kNegatingVerb) same_clause = Modality::kNegated;
    else if (other & kPossibleVerb) same_clause = Modality::kPossible;
    else if (other & kPlannedVerb) same_clause = Modality::kPlanned;
    for (Candidate& candidate : candidates) {  // "Kim plant nach Russland zu reisen"
      if (candidate.clause == c && !candidate.nominal) candidate.modality = Stronger(candidate.modality, same_clause);
    }
    if (frame == Modality::kAsserted) continue;
    if (clauses[c].verb.modality == Modality::kNegated) frame = Modality::kNegated;  // "plant nicht, … zu reisen"
    for (size_t complement : ComplementChain(clauses, c)) {
      for (Candidate& candidate : candidates) {
        if (candidate.clause != complement) continue;
        candidate.modality = Stronger(candidate.modality, frame);
        if (candidate.sources.empty()) candidate.sources = EntitiesOf(clauses[c], clauses[c].subjects);
      }
    }
  }
}

bool HasInfinitiveForm(const WordView& word) {
  if (word.forms == nullptr) return false;
  return std::any_of(word.forms->begin(), word.forms->end(), [](const TriggerForm& form) { return form.kind == FormKind::kInfinitive; });
}

// An infinitive of purpose states an aim: "reiste nach Moskau, um Putin zu treffen".
bool IsPurpose(const SentenceContext& context, const Clause& clause) {
  if (clause.type != ClauseType::kInfinitive || clause.governor < 0) return false;
  const WordView& first = context.analysis.words[clause.words.front()];
  if (first.lower == "um") return true;
  const Clause& governor = context.analysis.clauses[clause.governor];
  if (governor.verb.lemma < 0 || governor.verb.frame_flags != 0) return false;
  const std::vector<Pattern>& patterns = context.lexicon.PatternsOf(static_cast<uint32_t>(governor.verb.lemma));
  return !patterns.empty() && !patterns[0].IsRequest() && !context.german;
}

void ApplyClauseContext(const SentenceContext& context, std::vector<Candidate>& candidates, bool reported) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  const std::vector<WordView>& words = context.analysis.words;
  const bool question = !words.empty() && context.doc.Surface(context.doc.tokens[words.back().token].span) == "?";
  for (Candidate& candidate : candidates) {
    const Clause& clause = clauses[candidate.clause];
    if (question) candidate.modality = Stronger(candidate.modality, Modality::kPossible);  // asked, not reported
    // "will have talks … and exchange views": a second verb shares the first one's modality.
    // Only a verb without a tense of its own shares: "will … and exchange", not "would … and urged".
    const bool bare_verb = clause.verb.lexical >= 0 && clause.verb.kind != FormKind::kPast &&
                           (clause.verb.kind == FormKind::kInfinitive || !context.analysis.words[clause.verb.lexical].finite ||
                            HasInfinitiveForm(context.analysis.words[clause.verb.lexical]));
    if (clause.coordinated && clause.governor >= 0 && clause.verb.modality == Modality::kAsserted && bare_verb) {
      const Modality shared = clauses[clause.governor].verb.modality;
      if (shared == Modality::kPlanned || shared == Modality::kPossible) candidate.modality = Stronger(candidate.modality, shared);
    }
    if (IsPurpose(context, clause)) candidate.modality = Stronger(candidate.modality, Modality::kPlanned);
    if (clause.type == ClauseType::kConditional) candidate.modality = Stronger(candidate.modality, Modality::kPossible);
    // English "would" under a reporting verb is a future in the past: "said it would send troops".
    const bool planned_frame = clause.governor >= 0 && (clauses[clause.governor].verb.frame_flags & kPlannedVerb);
    if (clause.verb.would && (reported || planned_frame) && candidate.modality == Modality::kPossible) {
      candidate.modality = Modality::kPlanned;  // "announced it would send F-16 jets"
    }
    // An intent is the event itself: "bereit", "will" do not make it planned.
    if (candidate.code.substr(0, 2) == "03" && candidate.modality == Modality::kPlanned) candidate.modality = Modality::kAsserted;
    // A negated intent or request frame codes a rejection itself; the action stays negated.
    if (candidate.pattern != nullptr && candidate.code.substr(0, 2) == "12" && candidate.modality == Modality::kNegated) {
      candidate.modality = Modality::kAsserted;
    }
  }
}

}  // namespace

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

namespace {

std::vector<Candidate> CodeSentence(SentenceContext& context, const CameoTable& cameo, const std::vector<int32_t>& previous_subjects,
                                    int32_t& attribution) {
  const int32_t framed = MarkFramedSpeakers(context);
  AssignRoles(context.analysis, context.german);
  const int32_t reporter = ReportSpeaker(context);
  attribution = reporter >= 0 ? reporter : framed;
  bool reported = framed >= 0 || reporter >= 0;
  for (size_t c = 0; c < context.analysis.clauses.size() && !reported; ++c) reported = IsReportClause(context, c);
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
  ApplyClauseContext(context, candidates, reported);
  return candidates;
}

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
        if (const CameoInfo* info = cameo.Find(candidate.code)) {
          event.goldstein = info->goldstein;
          event.quad_class = info->quad_class;
          event.plover_type = info->plover_type;
          event.plover_mode = info->plover_mode;
        }
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

const char* ModalityWord(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPlanned: return "planned";
    case Modality::kPossible: return "possible";
    case Modality::kNegated: return "negated";
  }
  return "asserted";
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
  out += std::string(clause.verb.passive ? " passive" : "") + " " + ModalityWord(clause.verb.modality);
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
    const std::vector<Candidate> candidates = CodeSentence(context, *cameo_, previous_subjects, attribution);
    previous_subjects = MainSubjects(analysis);
    out += "[" + std::to_string(s) + "] " + std::string(copy.Surface(copy.sentences[s].span)) + "\n";
    for (size_t c = 0; c < analysis.clauses.size(); ++c) out += ExplainClause(copy, context, c);
    for (const Candidate& candidate : candidates) {
      out += std::string("    ") + (candidate.suppressed ? "suppressed " : "candidate ") + candidate.code + " " +
             ModalityWord(candidate.modality) + " " + (candidate.pattern ? candidate.pattern->rule : "");
      for (int32_t source : candidate.sources) out += " from:" + std::string(copy.Surface(copy.entities[source].span));
      for (int32_t target : candidate.targets) out += " to:" + std::string(copy.Surface(copy.entities[target].span));
      out += "\n";
    }
  }
  return out;
}

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
    SentenceContext context{doc, *lexicon, analysis, language == "de"};
    int32_t attribution = -1;
    const std::vector<Candidate> candidates = CodeSentence(context, *cameo_, previous_subjects, attribution);
    EmitEvents(doc, s, context, candidates, attribution, *cameo_);
    previous_subjects = MainSubjects(analysis);
  }
}

}  // namespace lagebild
