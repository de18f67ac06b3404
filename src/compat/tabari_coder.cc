#include "compat/tabari_coder.h"

#include <algorithm>
#include <optional>

#include "compat/tabari_match.h"
#include "compat/tabari_sentence.h"

namespace lagebild::tabari {
namespace {

constexpr size_t kMaxEvents = 64;  // TABARI's limit on events from one sentence

// What a verb yields: its code and the actors its pattern designated.
struct VerbCode {
  std::string code;  // without the ? or ! marker
  bool subordinate = false;
  bool dominant = false;
  bool designated = false;  // the pattern had $, + or %
  PatternSlots slots;
  int pattern_line = 0;
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
  int FirstActor(int from, int to, const std::vector<std::string>* distinct_from, const std::vector<int>* excluded = nullptr) const;
  bool FindActors(int verb, const ClauseSpan& clause, const VerbCode& code, int carried_source,
                  std::vector<std::string>& source, std::vector<std::string>& target, int& source_unit) const;
  void AddEvents(const std::vector<std::string>& source, const std::vector<std::string>& target, const VerbCode& code,
                 std::vector<CodedEvent>& out) const;
  bool ComplexityCheck(CodingResult& result) const;
  ClauseSpan Span(int first, int last) const;

  const Lexicon& lexicon_;
  const Options& options_;
  const ParsedSentence& sentence_;
  PatternMatcher matcher_;
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

// Manual 5.8: the source is the first actor before the verb (after it when there is none), the
// target the first actor after the verb with another code, else the first such before it, else
// the source itself when it is compound. Defaults from DEFAULT: fill what is missing.
bool SentenceCoder::FindActors(int verb, const ClauseSpan& clause, const VerbCode& code, int carried_source,
                               std::vector<std::string>& source, std::vector<std::string>& target, int& source_unit) const {
  const int count = static_cast<int>(sentence_.units.size());
  const DefaultActors& defaults = options_.defaults;
  int src = code.slots.source;
  int tgt = code.slots.target;
  if (code.slots.compound >= 0) {
    source = target = sentence_.units[code.slots.compound].codes;
    source_unit = code.slots.compound;
    return true;
  }
  const std::vector<std::string>* target_codes = tgt >= 0 ? &sentence_.units[tgt].codes : nullptr;
  if (src < 0 && carried_source >= 0 && carried_source < verb) src = carried_source;
  const std::vector<int>* skipped = &code.slots.skipped;
  if (src < 0) src = FirstActor(0, verb, target_codes, skipped);
  const bool actor_prior = src >= 0;
  if (src < 0 && !(defaults.source_prior && !defaults.source.empty())) src = FirstActor(verb + 1, clause.last_unit, target_codes, skipped);
  if (src >= 0) source = sentence_.units[src].codes;
  else if (!defaults.source.empty()) source = {defaults.source};
  else return false;
  source_unit = src;
  if (tgt < 0) {
    const int after = FirstActor(verb + 1, clause.last_unit, &source, skipped);
    if (after >= 0 && after != src) tgt = after;
    else if (!(defaults.target_after && !defaults.target.empty())) {
      const int before = FirstActor(clause.first_unit, verb, &source, skipped);
      if (before >= 0 && before != src) tgt = before;
    }
  }
  if (tgt >= 0) target = sentence_.units[tgt].codes;
  else if (!defaults.target.empty()) target = {defaults.target};
  else if (src >= 0 && sentence_.units[src].compound) target = source;
  else return false;
  if (!code.designated && IsPassive(verb) && actor_prior && tgt >= 0) std::swap(source, target);
  (void)count;
  return true;
}

void SentenceCoder::AddEvents(const std::vector<std::string>& source, const std::vector<std::string>& target, const VerbCode& code,
                              std::vector<CodedEvent>& out) const {
  const size_t colon = code.code.find(':');
  const std::string forward = code.code.substr(0, colon);
  const std::string backward = colon == std::string::npos ? std::string() : code.code.substr(colon + 1);
  auto add = [&](const std::string& s, const std::string& t, const std::string& event_code) {
    if (s != t && out.size() < kMaxEvents && !event_code.empty() && event_code != "---") out.push_back({s, t, event_code, code.pattern_line});
  };
  if (&source == &target || source == target) {
    // A compound acting on itself ("Syria and Jordan will meet"): each pair once, the paired
    // code (or the same code) for the reverse direction.
    for (size_t i = 0; i < source.size(); ++i) {
      for (size_t j = i + 1; j < source.size(); ++j) {
        add(source[i], source[j], forward);
        add(source[j], source[i], backward.empty() ? forward : backward);
      }
    }
    return;
  }
  for (const std::string& s : source) {
    for (const std::string& t : target) {
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
      if (first_verb < 0) first_verb = u;
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

CodingResult SentenceCoder::Run() {
  CodingResult result;
  if (sentence_.discard) {
    result.discarded = true;
    return result;
  }
  if (sentence_.complex) {
    result.complex = true;
    result.explanation = sentence_.explanation;
    return result;
  }
  if (ComplexityCheck(result)) return result;
  std::vector<CodedEvent> main, subordinate, dominant;
  int carried_source = -1;
  for (const auto& [first, last] : sentence_.clauses) {
    const ClauseSpan clause = Span(first, last);
    if (first > 0 && first + 1 < last && sentence_.units[first + 1].type == UnitType::kActor) carried_source = first + 1;
    bool coded = false, coded_subordinate = false;
    for (int u = first; u < last; ++u) {
      if (sentence_.units[u].type != UnitType::kVerb) continue;
      const std::optional<VerbCode> code = CodeVerb(u, clause);
      if (!code) continue;
      if (coded && !code->dominant) continue;
      if (code->subordinate && coded_subordinate) continue;
      std::vector<std::string> source, target;
      int source_unit = -1;
      if (!FindActors(u, clause, *code, carried_source, source, target, source_unit)) continue;
      std::vector<CodedEvent>& bucket = code->dominant ? dominant : code->subordinate ? subordinate : main;
      AddEvents(source, target, *code, bucket);
      if (source_unit >= 0) carried_source = source_unit;
      if (code->subordinate) {
        coded_subordinate = true;
        continue;
      }
      coded = true;
      if (options_.code_by != CodeBy::kAll && !code->dominant) {
        // Later verbs of the clause only count when they are dominant.
      }
      if (options_.code_by == CodeBy::kAll) coded = false;
    }
    if (!coded && carried_source < 0) carried_source = FirstActor(first, last, nullptr);
    if (options_.code_by == CodeBy::kSentence && !main.empty()) break;
  }
  if (!dominant.empty()) result.events = std::move(dominant);
  else if (!main.empty()) result.events = std::move(main);
  else result.events = std::move(subordinate);
  if (options_.code_by == CodeBy::kSentence && result.events.size() > 0) {
    // Only the first event (with its paired and compound expansions) is kept.
  }
  return result;
}

}  // namespace

CodingResult Coder::Code(std::string_view sentence, int32_t date) const {
  const SentenceContext context{lexicon_, options_, date};
  const ParsedSentence parsed = ParseSentence(sentence, context);
  if (parsed.filtered_words < options_.minimum_words) {
    CodingResult result;
    result.too_short = true;
    return result;
  }
  CodingResult result = SentenceCoder(lexicon_, options_, parsed).Run();
  result.parse = DescribeParse(parsed);
  return result;
}

}  // namespace lagebild::tabari
