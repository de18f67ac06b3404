#include <algorithm>
#include <array>

#include "events/clause_internal.h"
#include "events/coder_internal.h"

namespace lagebild::event_internal {

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
  std::array<const EventLexicon::WordClass*, std::size(kClassActions)> classes{};
  for (size_t k = 0; k < classes.size(); ++k) classes[k] = context.lexicon.Class(kClassActions[k].first);
  for (uint32_t i : clause.words) {
    const WordView& word = context.analysis.words[i];
    if (static_cast<int32_t>(i) <= clause.verb.lexical && !context.german) continue;
    if (word.forms != nullptr) {
      for (const TriggerForm& form : *word.forms) {
        if (form.kind != FormKind::kNoun) continue;
        if (std::optional<std::string> code = BestNounCode(context, clause, form.lemma)) return code;
      }
    }
    if (!word.is_word || word.entity_inside >= 0) continue;
    for (size_t k = 0; k < classes.size(); ++k) {
      if (classes[k] != nullptr && classes[k]->Contains(word.lower, word.hash, word.letters)) return std::string(kClassActions[k].second);
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

// "die Möglichkeit zu besprechen, Russland … zu versorgen", "the option to send troops": a
// possibility noun at the end of a clause makes the infinitive right after it only possible.
constexpr size_t kPossibilityReach = 3;  // words from the clause end

void ApplyPossibilityNouns(const SentenceContext& context, std::vector<Candidate>& candidates) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  for (size_t c = 0; c + 1 < clauses.size(); ++c) {
    const Clause& next = clauses[c + 1];
    if (next.governor != static_cast<int32_t>(c) || next.type != ClauseType::kInfinitive) continue;
    const std::vector<uint32_t>& words = clauses[c].words;
    const size_t from = words.size() > kPossibilityReach ? words.size() - kPossibilityReach : 0;
    const bool possibility = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(from), words.end(), [&](uint32_t w) {
      return (context.analysis.words[w].flags & kPossibilityNoun) != 0;
    });
    if (!possibility) continue;
    for (Candidate& candidate : candidates) {
      if (candidate.clause == c + 1) candidate.modality = Stronger(candidate.modality, Modality::kPossible);
    }
  }
}

// The actors of the cooperative noun events in clause `c` ("vor einer Zusammenarbeit zwischen
// Nordkorea und Russland"): those a warning in that clause is aimed at.
std::vector<int32_t> DeterredActors(const std::vector<Candidate>& candidates, size_t c) {
  std::vector<int32_t> deterred;
  for (const Candidate& candidate : candidates) {
    if (candidate.clause != c || !candidate.nominal || candidate.suppressed || candidate.code.size() < 2) continue;
    if (candidate.code.compare(0, 2, "08") > 0) continue;  // roots 01–08: cooperation
    for (const std::vector<int32_t>* side : {&candidate.sources, &candidate.targets}) {
      for (int32_t actor : *side) {
        if (std::find(deterred.begin(), deterred.end(), actor) == deterred.end()) deterred.push_back(actor);
      }
    }
  }
  return deterred;
}

// "Die USA warnten vor einer Zusammenarbeit zwischen Nordkorea und Russland": a warning with no
// addressee of its own is aimed at those whose cooperation it warns against (130 for each).
void AddDeterringWarnings(const SentenceContext& context, std::vector<Candidate>& candidates) {
  const std::vector<Clause>& clauses = context.analysis.clauses;
  const size_t before = candidates.size();
  for (size_t c = 0; c < clauses.size(); ++c) {
    const Clause& clause = clauses[c];
    if (clause.verb.lemma < 0) continue;
    const uint32_t lemma = static_cast<uint32_t>(clause.verb.lemma);
    if (!(context.lexicon.LemmaFlags(lemma) & kWarningVerb)) continue;
    const bool addressed = std::any_of(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(before),
                                       [&](const Candidate& other) { return other.clause == c && !other.nominal && !other.targets.empty(); });
    const std::vector<int32_t> warners = EntitiesOf(clause, clause.subjects);
    if (addressed || warners.empty()) continue;
    std::vector<int32_t> deterred = DeterredActors(candidates, c);
    std::erase_if(deterred, [&](int32_t actor) { return std::find(warners.begin(), warners.end(), actor) != warners.end(); });
    const std::vector<Pattern>& patterns = context.lexicon.PatternsOf(lemma);
    const auto plain = std::find_if(patterns.begin(), patterns.end(), [](const Pattern& p) { return p.code == "130"; });
    if (deterred.empty() || plain == patterns.end()) continue;
    Candidate warning;
    warning.clause = c;
    warning.pattern = &*plain;
    warning.code = "130";
    warning.sources = warners;
    warning.targets = std::move(deterred);
    warning.trigger_word = static_cast<uint32_t>(clause.verb.lexical);
    warning.modality = clause.verb.modality;
    candidates.push_back(std::move(warning));
  }
}

// Planning, considering and denying verbs pass their meaning on to the actions they govern.
void ApplyFrameVerbs(const SentenceContext& context, std::vector<Candidate>& candidates) {
  ApplyPossibilityNouns(context, candidates);
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
                            clause_internal::HasFormKind(context.analysis.words[clause.verb.lexical], FormKind::kInfinitive));
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

}  // namespace lagebild::event_internal
