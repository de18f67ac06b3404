#include "compat/tabari_coder.h"

#include <algorithm>
#include <optional>

#include "compat/tabari_match.h"
#include "compat/tabari_sentence.h"

namespace lagebild::tabari {
namespace {

constexpr size_t kMaxEvents = 64;  // TABARI's limit on events from one sentence
// An actor within this many words after a conjunction becomes the new clause's source.
constexpr int kClauseOpeningWords = 3;

// What a verb yields: its code and the actors its pattern designated.
struct VerbCode {
  std::string code;  // without the ? or ! marker
  bool subordinate = false;
  bool dominant = false;
  bool designated = false;  // the pattern had $, + or %
  PatternSlots slots;
  int pattern_line = 0;
};

// The source and target codes of one event.
struct EventActors {
  std::vector<std::string> source, target;
  int source_unit = -1, target_unit = -1;
  bool self_pairs = false;  // a compound is both source and target
  bool symmetric = false;   // designated by `%`: both directions take the code
};

// Where a clause's words lie and where a verb's pattern may look.
struct ClauseSpan {
  int first_unit = 0, last_unit = 0;  // [first, last)
  int begin_word = 0, end_word = 0;
};

class SentenceCoder {
 public:
  SentenceCoder(const Lexicon& lexicon, const Options& options, const ParsedSentence& sentence)
      : lexicon_(lexicon), options_(options), sentence_(sentence), matcher_(lexicon, sentence) {}

  CodingResult Run();

 private:
  std::optional<VerbCode> CodeVerb(int verb, const ClauseSpan& clause) const;
  bool IsPassive(int verb) const;
  bool NamedActorIn(int from, int to) const;
  int FirstActor(int from, int to, const std::vector<std::string>* distinct_from, const std::vector<int>* excluded = nullptr) const;
  bool FindActors(int verb, const ClauseSpan& clause, const VerbCode& code, int carried_source, EventActors& actors) const;
  bool FindSource(int verb, const ClauseSpan& clause, const VerbCode& code, int carried_source, EventActors& actors,
                  bool& actor_prior) const;
  bool FindTarget(int verb, const ClauseSpan& clause, const VerbCode& code, EventActors& actors) const;
  void AddEvents(const EventActors& actors, const VerbCode& code, int verb, std::vector<CodedEvent>& out) const;
  std::pair<int, int> WordsOf(int unit) const;
  struct Buckets {
    std::vector<CodedEvent> main, subordinate, dominant;
  };
  void CodeAllVerbs();
  bool SpecialCodeFound(CodingResult& result) const;
  void CodeClause(const ClauseSpan& clause, int& carried_source, Buckets& buckets) const;
  bool ComplexityCheck(CodingResult& result) const;
  ClauseSpan Span(int first, int last) const;

  const Lexicon& lexicon_;
  const Options& options_;
  const ParsedSentence& sentence_;
  PatternMatcher matcher_;
  std::vector<std::optional<VerbCode>> verb_codes_;  // by unit index, for verb units
};

ClauseSpan SentenceCoder::Span(int first, int last) const {
  ClauseSpan span{first, last, 0, 0};
  if (first < last) {
    span.begin_word = sentence_.units[first].begin;
    span.end_word = sentence_.units[last - 1].end;
  }
  return span;
}

std::optional<VerbCode> SentenceCoder::CodeVerb(int verb, const ClauseSpan& clause) const {
  const Unit& unit = sentence_.units[verb];
  // Patterns do not reach across commas.
  int lower_start = clause.begin_word;
  int upper_limit = clause.end_word;
  for (int u = clause.first_unit; u < clause.last_unit; ++u) {
    if (sentence_.units[u].type != UnitType::kComma) continue;
    if (u < verb) lower_start = sentence_.units[u].end;
    else if (u > verb) {
      upper_limit = sentence_.units[u].begin;
      break;
    }
  }
  const CompiledVerb& compiled = lexicon_.verbs()[unit.entry];
  VerbCode result;
  result.code = compiled.code;
  // Patterns are tried longest first. A pattern with alternatives or synsets counts with the
  // length it actually matched, so longer patterns are still tried before it is accepted
  // (manual 5.7.1).
  int best_length = -1;
  for (const CompiledPattern& pattern : compiled.patterns) {
    if (pattern.length <= best_length) break;
    if (!matcher_.AnchorsPresent(pattern)) continue;
    PatternSlots slots;
    int matched_length = 0;
    if (!matcher_.Match(pattern, unit, lower_start, upper_limit, slots, matched_length)) continue;
    if (matched_length <= best_length) continue;
    best_length = matched_length;
    result.code = pattern.code;
    result.slots = slots;
    result.designated = pattern.designates_actors;
    result.pattern_line = pattern.line;
  }
  if (!result.code.empty() && result.code.back() == '?') {
    result.subordinate = true;
    result.code.pop_back();
  } else if (!result.code.empty() && result.code.back() == '!') {
    result.dominant = true;
    result.code.pop_back();
  }
  if (result.code.empty() || result.code == "---") return std::nullopt;
  return result;
}

// Manual 7.9: WAS, WERE or BEEN one or two words before the verb and BY right after it.
bool SentenceCoder::IsPassive(int verb) const {
  const Unit& unit = sentence_.units[verb];
  const auto& words = sentence_.words;
  bool auxiliary = false;
  for (int back = 1; back <= 2 && unit.begin - back >= 0; ++back) {
    const std::string& word = words[unit.begin - back];
    auxiliary |= word == "WAS" || word == "WERE" || word == "BEEN";
  }
  return auxiliary && unit.end < static_cast<int>(words.size()) && words[unit.end] == "BY";
}

// Whether an actor is named (not just referred to by a pronoun) in units [from, to).
bool SentenceCoder::NamedActorIn(int from, int to) const {
  for (int u = from; u < to; ++u) {
    if (sentence_.units[u].type == UnitType::kActor && !sentence_.units[u].from_pronoun) return true;
  }
  return false;
}

// The first actor unit in [from, to) whose first code differs from `distinct_from`'s, or -1.
int SentenceCoder::FirstActor(int from, int to, const std::vector<std::string>* distinct_from, const std::vector<int>* excluded) const {
  for (int u = std::max(0, from); u < to; ++u) {
    const Unit& unit = sentence_.units[u];
    if (unit.type != UnitType::kActor || unit.codes.empty()) continue;
    if (excluded != nullptr && std::find(excluded->begin(), excluded->end(), u) != excluded->end()) continue;
    if (distinct_from != nullptr && !distinct_from->empty() && unit.codes.front() == distinct_from->front()) continue;
    return u;
  }
  return -1;
}

// Manual 5.8: the source is the first actor of the clause before the verb (in a later clause
// the source carried over from the clause before, when there is none; otherwise the first actor
// after the verb); the target is the first actor after the verb with another code, else the
// first such before it, else the source itself when it is a compound. DEFAULT: codes fill what
// is missing; passive voice swaps source and target.
bool SentenceCoder::FindActors(int verb, const ClauseSpan& clause, const VerbCode& code, int carried_source, EventActors& actors) const {
  if (code.slots.compound >= 0) {
    actors.source = actors.target = sentence_.units[code.slots.compound].codes;
    actors.source_unit = actors.target_unit = code.slots.compound;
    actors.self_pairs = actors.symmetric = true;
    return true;
  }
  bool actor_prior = false;
  if (!FindSource(verb, clause, code, carried_source, actors, actor_prior)) return false;
  if (!FindTarget(verb, clause, code, actors)) return false;
  if (!code.designated && IsPassive(verb) && actor_prior && actors.target_unit >= 0 && !actors.self_pairs) {
    std::swap(actors.source, actors.target);
    std::swap(actors.source_unit, actors.target_unit);
  }
  return true;
}

bool SentenceCoder::FindSource(int verb, const ClauseSpan& clause, const VerbCode& code, int carried_source, EventActors& actors,
                               bool& actor_prior) const {
  const DefaultActors& defaults = options_.defaults;
  const std::vector<int>* skipped = &code.slots.skipped;
  const std::vector<std::string>* target_codes = code.slots.target >= 0 ? &sentence_.units[code.slots.target].codes : nullptr;
  int src = code.slots.source;
  if (src < 0 && clause.first_unit > 0 && carried_source >= 0) {
    // After a conjunction the source carries over unless an actor opens the new clause.
    const int opening = FirstActor(clause.first_unit, verb, target_codes, skipped);
    const bool opens_clause = opening >= 0 && sentence_.units[opening].begin - clause.begin_word <= kClauseOpeningWords;
    src = opens_clause ? opening : carried_source;
  }
  if (src < 0) src = FirstActor(clause.first_unit, verb, target_codes, skipped);
  actor_prior = src >= 0;
  if (src < 0 && !(defaults.source_prior && !defaults.source.empty())) src = FirstActor(verb + 1, clause.last_unit, target_codes, skipped);
  if (src >= 0) actors.source = sentence_.units[src].codes;
  else if (!defaults.source.empty()) actors.source = {defaults.source};
  else return false;
  actors.source_unit = src;
  return true;
}

bool SentenceCoder::FindTarget(int verb, const ClauseSpan& clause, const VerbCode& code, EventActors& actors) const {
  const DefaultActors& defaults = options_.defaults;
  const std::vector<int>* skipped = &code.slots.skipped;
  const int src = actors.source_unit;
  // TARGET … AFTER: the default target stands in whenever no actor is named after the verb.
  const bool default_after = defaults.target_after && !defaults.target.empty() && !NamedActorIn(verb + 1, clause.last_unit);
  int tgt = code.slots.target;
  if (tgt < 0) {
    tgt = FirstActor(verb + 1, clause.last_unit, &actors.source, skipped);
    if (tgt == src) tgt = -1;
    // Before the verb: in the clause first, then anywhere before it in the sentence.
    for (const int from : {clause.first_unit, 0}) {
      if (tgt >= 0 || default_after) break;
      tgt = FirstActor(from, verb, &actors.source, skipped);
      if (tgt == src) tgt = -1;
    }
  }
  if (tgt >= 0) {
    actors.target = sentence_.units[tgt].codes;
    actors.target_unit = tgt;
  } else if (default_after) {
    actors.target = {defaults.target};
  } else if (src >= 0 && sentence_.units[src].compound) {
    actors.target = actors.source;
    actors.target_unit = src;
    actors.self_pairs = true;
  } else if (!defaults.target.empty()) {
    actors.target = {defaults.target};
  } else {
    return false;
  }
  return true;
}

std::pair<int, int> SentenceCoder::WordsOf(int unit) const {
  if (unit < 0) return {-1, -1};
  return {sentence_.units[unit].begin, sentence_.units[unit].end};
}

void SentenceCoder::AddEvents(const EventActors& actors, const VerbCode& code, int verb, std::vector<CodedEvent>& out) const {
  const size_t colon = code.code.find(':');
  const std::string forward = code.code.substr(0, colon);
  const std::string backward = colon == std::string::npos ? std::string() : code.code.substr(colon + 1);
  const std::pair<int, int> source_words = WordsOf(actors.source_unit), target_words = WordsOf(actors.target_unit);
  auto add = [&](const std::string& s, const std::string& t, const std::string& event_code) {
    if (s == t || out.size() >= kMaxEvents || event_code.empty() || event_code == "---") return;
    const bool reversed = s != actors.source.front() && std::find(actors.source.begin(), actors.source.end(), s) == actors.source.end();
    out.push_back({s, t, event_code, code.pattern_line, reversed ? target_words : source_words, reversed ? source_words : target_words,
                   WordsOf(verb)});
  };
  if (actors.self_pairs) {
    // A compound acting on itself ("Syria and Jordan will meet"): each pair once in text order;
    // the reverse direction takes the paired code, or with `%` the same code.
    const std::vector<std::string>& members = actors.source;
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        add(members[i], members[j], forward);
        add(members[j], members[i], backward.empty() && actors.symmetric ? forward : backward);
      }
    }
    return;
  }
  for (const std::string& s : actors.source) {
    for (const std::string& t : actors.target) {
      add(s, t, forward);
      add(t, s, backward);
    }
  }
}

bool SentenceCoder::ComplexityCheck(CodingResult& result) const {
  const ComplexLimits& limits = options_.complex;
  int verbs = 0, conjunctions = 0, actors = 0, pronouns = 0, first_verb = -1;
  for (int u = 0; u < static_cast<int>(sentence_.units.size()); ++u) {
    const UnitType type = sentence_.units[u].type;
    if (type == UnitType::kVerb) {
      ++verbs;
      if (first_verb < 0 && verb_codes_[u]) first_verb = u;  // null-coded verbs do not count
    }
    conjunctions += type == UnitType::kConjunction;
    actors += type == UnitType::kActor;
    pronouns += type == UnitType::kPronoun;
  }
  auto divert = [&](const std::string& why) {
    result.complex = true;
    result.explanation = why;
    return true;
  };
  if (limits.verbs > 0 && verbs >= limits.verbs) return divert("too many verbs");
  if (limits.conjunctions > 0 && conjunctions >= limits.conjunctions) return divert("too many conjunctions");
  if (limits.actors > 0 && actors >= limits.actors) return divert("too many actors");
  if (limits.pronouns > 0 && pronouns >= limits.pronouns) return divert("too many pronouns");
  if (limits.commas > 0 && sentence_.comma_clauses_removed >= limits.commas) return divert("too many comma clauses");
  if (limits.no_verb && first_verb < 0) return divert("no verb");
  if (limits.no_actor_prior && first_verb >= 0 && FirstActor(0, first_verb, nullptr) < 0) return divert("no actor before the first verb");
  if (limits.no_actor_after && first_verb >= 0 && FirstActor(first_verb + 1, static_cast<int>(sentence_.units.size()), nullptr) < 0) {
    return divert("no actor after the first verb");
  }
  return false;
}

// Codes every verb of every clause once; the coding loop and the complexity check read this.
void SentenceCoder::CodeAllVerbs() {
  verb_codes_.assign(sentence_.units.size(), std::nullopt);
  for (const auto& [first, last] : sentence_.clauses) {
    const ClauseSpan clause = Span(first, last);
    for (int u = first; u < last; ++u) {
      if (sentence_.units[u].type == UnitType::kVerb) verb_codes_[u] = CodeVerb(u, clause);
    }
  }
}

// A verb whose code is a special code ends coding: ### discards, +++ diverts.
bool SentenceCoder::SpecialCodeFound(CodingResult& result) const {
  for (const std::optional<VerbCode>& code : verb_codes_) {
    if (!code) continue;
    if (code->code == "###") result.discarded = true;
    if (code->code == "+++") {
      result.complex = true;
      result.explanation = "complex verb phrase";
    }
    if (result.discarded || result.complex) return true;
  }
  return false;
}

// The events of one clause, in the buckets Run() chooses from: the first event is taken, later
// ones only when dominant (or under CODE ALL).
void SentenceCoder::CodeClause(const ClauseSpan& clause, int& carried_source, Buckets& buckets) const {
  bool coded = false, coded_subordinate = false, found_source = false;
  for (int u = clause.first_unit; u < clause.last_unit; ++u) {
    if (sentence_.units[u].type != UnitType::kVerb) continue;
    const std::optional<VerbCode>& code = verb_codes_[u];
    if (!code) continue;
    if (coded && !code->dominant) continue;
    if (code->subordinate && coded_subordinate) continue;
    EventActors actors;
    if (!FindActors(u, clause, *code, carried_source, actors)) continue;
    AddEvents(actors, *code, u, code->dominant ? buckets.dominant : code->subordinate ? buckets.subordinate : buckets.main);
    if (actors.source_unit >= 0) {
      carried_source = actors.source_unit;
      found_source = true;
    }
    if (code->subordinate) coded_subordinate = true;
    else coded = options_.code_by != CodeBy::kAll;
  }
  // With no event, the clause's first actor becomes the source carried on (manual 7.6).
  if (!found_source && carried_source < 0) carried_source = FirstActor(clause.first_unit, clause.last_unit, nullptr);
}

CodingResult SentenceCoder::Run() {
  CodingResult result;
  if (sentence_.discard || sentence_.complex) {
    result.discarded = sentence_.discard;
    result.complex = !sentence_.discard;
    result.explanation = sentence_.explanation;
    return result;
  }
  CodeAllVerbs();
  if (SpecialCodeFound(result) || ComplexityCheck(result)) return result;
  Buckets buckets;
  int carried_source = -1;
  for (const auto& [first, last] : sentence_.clauses) {
    CodeClause(Span(first, last), carried_source, buckets);
    if (options_.code_by == CodeBy::kSentence && !buckets.main.empty()) break;
  }
  // Dominant events push out all others; subordinate ones count only when nothing else does.
  if (!buckets.dominant.empty()) result.events = std::move(buckets.dominant);
  else if (!buckets.main.empty()) result.events = std::move(buckets.main);
  else result.events = std::move(buckets.subordinate);
  return result;
}

}  // namespace

CodingResult Coder::Code(std::string_view sentence, int32_t date, const std::string* forwarded_actor) const {
  const SentenceContext context{lexicon_, options_, date, forwarded_actor};
  const ParsedSentence parsed = ParseSentence(sentence, context);
  if (parsed.filtered_words < options_.minimum_words) {
    CodingResult result;
    result.too_short = true;
    return result;
  }
  CodingResult result = SentenceCoder(lexicon_, options_, parsed).Run();
  if (describe_parse_) result.parse = DescribeParse(parsed);
  result.word_spans = parsed.spans;
  for (const Unit& unit : parsed.units) {
    if (unit.type == UnitType::kActor && !unit.from_pronoun && !unit.base_codes.empty()) {
      result.first_actor = unit.base_codes.front();
      break;
    }
  }
  return result;
}

}  // namespace lagebild::tabari
