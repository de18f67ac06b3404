#include "compat/tabari_sentence.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lagebild::tabari {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

UnitType FunctionWordType(std::string_view word) {
  if (word == ",") return UnitType::kComma;
  if (OneOf(word, {"AND", "BUT", "OR", "NOR"})) return UnitType::kConjunction;
  if (OneOf(word, {"THE", "A", "AN"})) return UnitType::kDeterminer;
  if (OneOf(word, {"HE", "SHE", "IT", "ITS", "HIS", "HER", "THEY", "THEM", "THEIR"})) return UnitType::kPronoun;
  return UnitType::kOther;
}

// Ties between equally long phrases: nouns and adjectives exist to keep words from being read
// as verbs, so they come first; actors before agents before verbs.
int KindRank(RootKind kind) {
  switch (kind) {
    case RootKind::kNoun:
    case RootKind::kAdjective: return 0;
    case RootKind::kActor: return 1;
    case RootKind::kAgent: return 2;
    case RootKind::kTime: return 3;
    case RootKind::kVerb: return 4;
  }
  return 5;
}

// Where `root` matches from word `at`: the word positions of its words, or empty. Words joined
// by `_` must be consecutive; a blank lets other words come between, but not a comma.
std::vector<int> MatchPhraseAt(const RootPhrase& root, const std::vector<std::string>& words, size_t at) {
  std::vector<int> positions;
  size_t next = at;
  for (size_t k = 0; k < root.words.size(); ++k) {
    const bool last = k + 1 == root.words.size();
    WordMatch match = root.matches[k];
    if (!last && match == WordMatch::kExact) match = WordMatch::kExactNoEnding;
    const bool must_be_next = k == 0 || root.adjacent[k];
    size_t found = words.size();
    const Endings endings = root.kind == RootKind::kVerb ? Endings::kVerb : Endings::kNoun;
    for (size_t w = next; w < words.size() && words[w] != ","; ++w) {
      if (WordMatches(root.words[k], match, words[w], endings)) {
        found = w;
        break;
      }
      if (must_be_next) break;
    }
    if (found == words.size()) return {};
    positions.push_back(static_cast<int>(found));
    next = found + 1;
  }
  return positions;
}

// The best dictionary phrase starting at `at`: most words, then most characters, then kind, then
// file order. `positions` receives where its words are.
const RootPhrase* LongestRoot(const Lexicon& lexicon, const std::vector<std::string>& words, size_t at,
                              std::vector<const RootPhrase*>& candidates, std::vector<int>& positions) {
  lexicon.Candidates(words[at], candidates);
  const RootPhrase* best = nullptr;
  const auto key = [](const RootPhrase* r) { return std::make_tuple(r->words.size(), r->length, -KindRank(r->kind), -r->order); };
  for (const RootPhrase* root : candidates) {
    if (best != nullptr && key(root) <= key(best)) continue;
    std::vector<int> matched = MatchPhraseAt(*root, words, at);
    if (matched.empty()) continue;
    best = root;
    positions = std::move(matched);
  }
  return best;
}

std::vector<std::string> SplitCodes(const std::string& code) {
  std::vector<std::string> codes;
  size_t start = 0;
  while (start <= code.size()) {
    size_t slash = code.find('/', start);
    if (slash == std::string::npos) slash = code.size();
    if (slash > start) codes.push_back(code.substr(start, slash - start));
    start = slash + 1;
  }
  return codes;
}

bool IsVerbCoded(const Lexicon& lexicon, int verb) {
  const CompiledVerb& compiled = lexicon.verbs()[verb];
  return compiled.code != "---" || !compiled.patterns.empty();
}

void TypeActor(const Lexicon& lexicon, const RootPhrase& root, int32_t date, Unit& unit, ParsedSentence& sentence) {
  const std::string code = ResolveActorCode(lexicon.dictionary().actors[root.entry], date);
  if (code == "---") {
    unit.type = UnitType::kNoun;
  } else if (code == "###" || code == "+++") {
    unit.type = UnitType::kNull;
    (code == "###" ? sentence.discard : sentence.complex) = true;
    if (code == "+++") sentence.explanation = "complex actor";
  } else {
    unit.type = UnitType::kActor;
    unit.codes = SplitCodes(code);
    unit.compound = unit.codes.size() > 1;
  }
}

void TypeVerb(const Lexicon& lexicon, const RootPhrase& root, Unit& unit, ParsedSentence& sentence) {
  const CompiledVerb& verb = lexicon.verbs()[root.entry];
  unit.entry = root.entry;
  if (verb.patterns.empty() && (verb.code == "###" || verb.code == "+++")) {
    unit.type = UnitType::kNull;
    (verb.code == "###" ? sentence.discard : sentence.complex) = true;
    if (verb.code == "+++") sentence.explanation = "complex verb";
    return;
  }
  unit.type = IsVerbCoded(lexicon, root.entry) ? UnitType::kVerb : UnitType::kNull;
}

void TypeTime(const Lexicon& lexicon, const RootPhrase& root, Unit& unit, ParsedSentence& sentence) {
  const std::string& shift = lexicon.dictionary().time_phrases[root.entry].second;
  unit.type = UnitType::kTime;
  unit.entry = root.entry;
  if (shift == "###") sentence.discard = true;
  if (shift == "+++") {
    sentence.complex = true;
    sentence.explanation = "complex time phrase";
  }
}

// The unit a word that is not a dictionary phrase forms.
Unit FunctionWordUnit(const std::vector<std::string>& words, size_t at) {
  Unit unit;
  unit.begin = static_cast<int>(at);
  unit.end = unit.begin + 1;
  unit.type = FunctionWordType(words[at]);
  return unit;
}

void TypeRoot(const SentenceContext& context, const RootPhrase& root, Unit& unit, ParsedSentence& sentence) {
  switch (root.kind) {
    case RootKind::kActor: TypeActor(context.lexicon, root, context.date, unit, sentence); break;
    case RootKind::kAgent: unit.type = UnitType::kAgent; unit.entry = root.entry; break;
    case RootKind::kNoun: unit.type = UnitType::kNoun; break;
    case RootKind::kAdjective: unit.type = UnitType::kAdjective; break;
    case RootKind::kTime: TypeTime(context.lexicon, root, unit, sentence); break;
    case RootKind::kVerb: TypeVerb(context.lexicon, root, unit, sentence); break;
  }
}

// Assigns each word to a unit: the longest dictionary phrase, else a function word, else
// "other". Function words (AND, THE, HE, …) give way only to phrases of several words (THE_AU).
// Words of a phrase that lie after a gap ("PRINCE … DOL_AMROTH") belong to it and become
// "other" units of their own.
void TypeWords(const SentenceContext& context, const std::vector<bool>& capitalized, bool all_caps, ParsedSentence& sentence) {
  std::vector<const RootPhrase*> candidates;
  std::vector<int> positions;
  const std::vector<std::string>& words = sentence.words;
  std::vector<bool> absorbed(words.size(), false);
  for (size_t at = 0; at < words.size();) {
    Unit unit = FunctionWordUnit(words, at);
    const RootPhrase* root = absorbed[at] ? nullptr : LongestRoot(context.lexicon, words, at, candidates, positions);
    if (root != nullptr && (unit.type == UnitType::kOther || root->words.size() > 1)) {
      int end = positions.front() + 1;
      for (size_t k = 1; k < positions.size(); ++k) {
        if (positions[k] == end) ++end;
        else absorbed[positions[k]] = true;
      }
      unit.end = end;
      unit.type = UnitType::kOther;
      TypeRoot(context, *root, unit, sentence);
    } else if (absorbed[at]) {
      unit.type = UnitType::kOther;
    }
    if (unit.type == UnitType::kVerb) {
      // Manual 7.4: a "verb" after THE, A or AN, or capitalized inside the sentence, is a noun.
      const bool after_determiner = !sentence.units.empty() && sentence.units.back().type == UnitType::kDeterminer;
      const bool capital_inside = at > 0 && !all_caps && capitalized[at];
      if (after_determiner || capital_inside) unit.type = UnitType::kNoun;
    }
    sentence.units.push_back(std::move(unit));
    at = static_cast<size_t>(sentence.units.back().end);
  }
}

// "PRESIDENT" + GOV joined to "ISR" as ISRGOVPRS; a code already in the actor code (aligned on
// CAMEO's three-letter boundaries) is not added twice.
std::string JoinAgent(const std::string& actor_code, const Agent& agent, bool former) {
  const std::string agent_code = former ? "ELI" : agent.code;
  for (size_t at = 0; at + agent_code.size() <= actor_code.size(); at += 3) {
    if (actor_code.compare(at, agent_code.size(), agent_code) == 0) return actor_code;
  }
  return agent.actor_first ? actor_code + agent_code : agent_code + actor_code;
}

bool IsWord(const ParsedSentence& sentence, int unit, std::string_view word) {
  if (unit < 0 || unit >= static_cast<int>(sentence.units.size())) return false;
  const Unit& u = sentence.units[unit];
  return u.end - u.begin == 1 && sentence.words[u.begin] == word;
}

void AttachAgents(const SentenceContext& context, ParsedSentence& sentence) {
  std::vector<Unit>& units = sentence.units;
  const int count = static_cast<int>(units.size());
  for (int i = 0; i < count; ++i) {
    if (units[i].type != UnitType::kAgent) continue;
    const Agent& agent = context.lexicon.dictionary().agents[units[i].entry];
    int actor = -1;
    if (i > 0 && units[i - 1].type == UnitType::kActor && !units[i - 1].has_agent) actor = i - 1;
    else if (i + 1 < count && units[i + 1].type == UnitType::kActor) actor = i + 1;
    else if (i + 2 < count && (IsWord(sentence, i + 1, "OF") || IsWord(sentence, i + 1, "IN")) && units[i + 2].type == UnitType::kActor) actor = i + 2;
    else if (i + 3 < count && (IsWord(sentence, i + 1, "OF") || IsWord(sentence, i + 1, "IN")) && units[i + 2].type == UnitType::kDeterminer &&
             units[i + 3].type == UnitType::kActor) actor = i + 3;
    const bool former = IsWord(sentence, i - 1, "FORMER") || (actor == i - 1 && IsWord(sentence, i - 2, "FORMER"));
    if (actor < 0) {
      if (context.options.convert_agents) {
        units[i].type = UnitType::kActor;
        units[i].codes = {agent.actor_first ? "~" + agent.code : agent.code + "~"};
      } else {
        units[i].type = UnitType::kNoun;
      }
      continue;
    }
    for (std::string& code : units[actor].codes) code = JoinAgent(code, agent, former);
    units[actor].has_agent = true;
    units[i].type = UnitType::kNoun;
  }
}

bool IsModifier(UnitType type) { return type == UnitType::kAdjective || type == UnitType::kDeterminer; }

// The unit index after an `np` (modifiers then an actor) starting at `at`, or -1.
int NounPhraseEnd(const std::vector<Unit>& units, int at, int& actor) {
  while (at < static_cast<int>(units.size()) && IsModifier(units[at].type)) ++at;
  if (at >= static_cast<int>(units.size()) || units[at].type != UnitType::kActor) return -1;
  actor = at;
  return at + 1;
}

// Manual 7.5: np AND np, and np , np , … AND np, become one compound actor.
void MergeCompoundActors(ParsedSentence& sentence) {
  std::vector<Unit>& units = sentence.units;
  for (int start = 0; start < static_cast<int>(units.size()); ++start) {
    if (units[start].type != UnitType::kActor) continue;
    std::vector<int> members = {start};
    int at = start + 1;
    int last_end = at;
    while (at < static_cast<int>(units.size())) {
      const bool comma = units[at].type == UnitType::kComma;
      const bool conjunction = units[at].type == UnitType::kConjunction && (IsWord(sentence, at, "AND") || IsWord(sentence, at, "OR"));
      if (!comma && !conjunction) break;
      int next = at + 1;
      if (comma && next < static_cast<int>(units.size()) && units[next].type == UnitType::kConjunction) ++next;  // ", and"
      int actor = -1;
      const int end = NounPhraseEnd(units, next, actor);
      if (end < 0) break;
      members.push_back(actor);
      last_end = end;
      const bool closed = conjunction || next != at + 1;
      at = end;
      if (closed) break;
    }
    const bool has_conjunction = std::any_of(units.begin() + start, units.begin() + last_end,
                                             [](const Unit& u) { return u.type == UnitType::kConjunction; });
    if (members.size() < 2 || !has_conjunction) continue;
    Unit compound = units[start];
    compound.end = units[last_end - 1].end;
    compound.compound = true;
    for (size_t m = 1; m < members.size(); ++m) {
      for (const std::string& code : units[members[m]].codes) {
        if (std::find(compound.codes.begin(), compound.codes.end(), code) == compound.codes.end()) compound.codes.push_back(code);
      }
    }
    units.erase(units.begin() + start + 1, units.begin() + last_end);
    units[start] = std::move(compound);
  }
}

// Manual 7.5.1: noun AND adjective* noun, adjective AND adjective: the conjunction splits nothing.
void MarkCompoundNounPhrases(ParsedSentence& sentence) {
  std::vector<Unit>& units = sentence.units;
  for (int i = 1; i + 1 < static_cast<int>(units.size()); ++i) {
    if (units[i].type != UnitType::kConjunction) continue;
    const UnitType before = units[i - 1].type;
    int after = i + 1;
    while (after < static_cast<int>(units.size()) && units[after].type == UnitType::kAdjective) ++after;
    const bool nouns = before == UnitType::kNoun && after < static_cast<int>(units.size()) && units[after].type == UnitType::kNoun;
    const bool adjectives = before == UnitType::kAdjective && units[i + 1].type == UnitType::kAdjective;
    if (nouns || adjectives) units[i].type = UnitType::kOther;
  }
}

// Manual 7.7: HE, SHE, IT, ITS, HIS, HER → the first actor of the sentence (when it comes
// before the pronoun); THEY, THEM, THEIR → the first compound actor, else the first actor.
void ResolvePronouns(ParsedSentence& sentence) {
  std::vector<Unit>& units = sentence.units;
  int first_actor = -1, first_compound = -1;
  for (int i = 0; i < static_cast<int>(units.size()); ++i) {
    if (units[i].type != UnitType::kActor) continue;
    if (first_actor < 0) first_actor = i;
    if (first_compound < 0 && units[i].compound) first_compound = i;
  }
  for (int i = 0; i < static_cast<int>(units.size()); ++i) {
    Unit& unit = units[i];
    if (unit.type != UnitType::kPronoun) continue;
    const std::string& word = sentence.words[unit.begin];
    int referent = -1;
    if (OneOf(word, {"HE", "SHE", "IT"})) referent = first_actor < i ? first_actor : -1;
    else if (OneOf(word, {"ITS", "HIS", "HER"})) referent = first_actor < i ? first_actor : -1;
    else referent = first_compound >= 0 && first_compound < i ? first_compound : (first_actor < i ? first_actor : -1);
    if (referent < 0) continue;
    unit.type = UnitType::kActor;
    unit.codes = units[referent].codes;
    unit.compound = units[referent].compound;
  }
}

int WordsIn(const std::vector<Unit>& units, int first, int last) {
  int words = 0;
  for (int i = first; i < last; ++i) words += units[i].end - units[i].begin;
  return words;
}

// Manual 7.8: drops comma-delimited nonrestrictive clauses whose length is within the limits.
void RemoveCommaClauses(const CommaLimits& limits, ParsedSentence& sentence) {
  if (!limits.enabled) return;
  std::vector<Unit>& units = sentence.units;
  std::vector<int> commas;
  for (int i = 0; i < static_cast<int>(units.size()); ++i) {
    if (units[i].type == UnitType::kComma) commas.push_back(i);
  }
  if (commas.empty()) return;
  std::vector<bool> removed(units.size(), false);
  auto remove = [&](int first, int last) {
    for (int i = first; i < last; ++i) removed[i] = true;
    ++sentence.comma_clauses_removed;
  };
  const int count = static_cast<int>(units.size());
  const int begin_words = WordsIn(units, 0, commas.front());
  if (begin_words >= limits.begin_min && begin_words <= limits.begin_max) remove(0, commas.front() + 1);
  // A comma that closed a removed clause is used up and opens no further clause.
  bool used_up = false;
  for (size_t c = 0; c + 1 < commas.size(); ++c) {
    const int words = WordsIn(units, commas[c] + 1, commas[c + 1]);
    const bool removable = !used_up && words > limits.min && words <= limits.max;
    if (removable) remove(commas[c], commas[c + 1] + 1);
    used_up = removable;
  }
  const int end_words = WordsIn(units, commas.back() + 1, count);
  if (!used_up && end_words > limits.end_min && end_words <= limits.end_max) remove(commas.back(), count);
  std::vector<Unit> kept;
  for (int i = 0; i < count; ++i) {
    if (!removed[i]) kept.push_back(std::move(units[i]));
  }
  units = std::move(kept);
}

// Renumbers words so that the units cover a gapless word list again.
void CompactWords(ParsedSentence& sentence) {
  std::vector<std::string> words;
  for (Unit& unit : sentence.units) {
    const int begin = static_cast<int>(words.size());
    for (int w = unit.begin; w < unit.end; ++w) words.push_back(std::move(sentence.words[w]));
    unit.begin = begin;
    unit.end = static_cast<int>(words.size());
  }
  sentence.words = std::move(words);
}

void SplitClauses(ParsedSentence& sentence) {
  int first = 0;
  for (int i = 0; i < static_cast<int>(sentence.units.size()); ++i) {
    if (sentence.units[i].type != UnitType::kConjunction) continue;
    sentence.clauses.emplace_back(first, i);
    first = i;  // the clause keeps its conjunction, so an actor right after it can be seen
  }
  sentence.clauses.emplace_back(first, static_cast<int>(sentence.units.size()));
}

bool HasLowerCase(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
}

std::string_view TypeName(UnitType type) {
  switch (type) {
    case UnitType::kActor: return "actor";
    case UnitType::kAgent: return "agent";
    case UnitType::kVerb: return "verb";
    case UnitType::kNoun: return "noun";
    case UnitType::kAdjective: return "adj";
    case UnitType::kTime: return "time";
    case UnitType::kNull: return "null";
    case UnitType::kConjunction: return "conj";
    case UnitType::kDeterminer: return "det";
    case UnitType::kPronoun: return "pron";
    case UnitType::kComma: return "comma";
    case UnitType::kOther: return "";
  }
  return "";
}

}  // namespace

std::string DescribeParse(const ParsedSentence& sentence) {
  std::string out;
  for (const auto& [first, last] : sentence.clauses) {
    out += out.empty() ? "{" : " {";
    for (int u = first; u < last; ++u) {
      const Unit& unit = sentence.units[u];
      if (u > first) out += ' ';
      for (int w = unit.begin; w < unit.end; ++w) out += (w > unit.begin ? "_" : "") + sentence.words[w];
      const std::string_view type = TypeName(unit.type);
      if (!type.empty()) out += "=" + std::string(type);
      if (unit.type == UnitType::kActor) {
        out += '[';
        for (size_t c = 0; c < unit.codes.size(); ++c) out += (c > 0 ? "/" : "") + unit.codes[c];
        out += ']';
      }
    }
    out += '}';
  }
  return out;
}

std::string ResolveActorCode(const Actor& actor, int32_t date) {
  const std::string* unrestricted = nullptr;
  for (const DatedCode& coded : actor.codes) {
    if (coded.from == 0 && coded.to == 0) {
      if (unrestricted == nullptr) unrestricted = &coded.code;
      continue;
    }
    if ((coded.from == 0 || date >= coded.from) && (coded.to == 0 || date <= coded.to)) return coded.code;
  }
  return unrestricted != nullptr ? *unrestricted : "---";
}

ParsedSentence ParseSentence(std::string_view text, const SentenceContext& context) {
  ParsedSentence sentence;
  std::vector<bool> capitalized;
  FilterText(text, sentence.words, capitalized);
  sentence.filtered_words = static_cast<int>(sentence.words.size());
  TypeWords(context, capitalized, !HasLowerCase(text), sentence);
  AttachAgents(context, sentence);
  MergeCompoundActors(sentence);
  MarkCompoundNounPhrases(sentence);
  ResolvePronouns(sentence);
  RemoveCommaClauses(context.options.comma, sentence);
  CompactWords(sentence);
  SplitClauses(sentence);
  return sentence;
}

}  // namespace lagebild::tabari
