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
  if (OneOf(word, {"HE", "SHE", "IT", "ITS", "HIS", "HER", "HIM", "THEY", "THEM", "THEIR"})) return UnitType::kPronoun;
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
    const char first_letter = root.words[k].front();
    for (size_t w = next; w < words.size() && words[w] != ","; ++w) {
      if (words[w].front() == first_letter && WordMatches(root.words[k], match, words[w], endings)) {
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
  lexicon.Candidates(words[at], at + 1 < words.size() ? std::string_view(words[at + 1]) : std::string_view(), candidates);
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
    unit.base_codes = unit.codes;
    unit.compound = unit.codes.size() > 1;
  }
}

// Manual 7.4: a "verb" after THE, A or AN, or capitalized inside the sentence, is a noun; that
// also keeps its null, discard or complex code from applying ("Planetary Cup").
bool ReadsAsNoun(const ParsedSentence& sentence, int word, const std::vector<bool>& capitalized, bool all_caps) {
  const bool after_determiner = !sentence.units.empty() && sentence.units.back().type == UnitType::kDeterminer;
  const bool capital_inside = word > 0 && !all_caps && capitalized[word];
  return after_determiner || capital_inside;
}

void TypeVerb(const Lexicon& lexicon, const RootPhrase& root, bool reads_as_noun, Unit& unit, ParsedSentence& sentence) {
  const CompiledVerb& verb = lexicon.verbs()[root.entry];
  unit.entry = root.entry;
  if (reads_as_noun) {
    unit.type = UnitType::kNoun;
    return;
  }
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

void TypeRoot(const SentenceContext& context, const RootPhrase& root, bool reads_as_noun, Unit& unit, ParsedSentence& sentence) {
  switch (root.kind) {
    case RootKind::kActor: TypeActor(context.lexicon, root, context.date, unit, sentence); break;
    case RootKind::kAgent: unit.type = UnitType::kAgent; unit.entry = root.entry; break;
    case RootKind::kNoun: unit.type = UnitType::kNoun; break;
    case RootKind::kAdjective: unit.type = UnitType::kAdjective; break;
    case RootKind::kTime: TypeTime(context.lexicon, root, unit, sentence); break;
    case RootKind::kVerb: TypeVerb(context.lexicon, root, reads_as_noun, unit, sentence); break;
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
      TypeRoot(context, *root, ReadsAsNoun(sentence, static_cast<int>(at), capitalized, all_caps), unit, sentence);
    } else if (absorbed[at]) {
      unit.type = UnitType::kOther;
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

// The actor an agent at `agent` joins (manual 5.4): the actor right before it (FORMER may stand
// between), else the actor right after it, else one after IN or OF (and THE); -1 when none.
int AgentActor(const ParsedSentence& sentence, int agent) {
  const std::vector<Unit>& units = sentence.units;
  const int count = static_cast<int>(units.size());
  auto is_actor = [&](int u) { return u >= 0 && u < count && units[u].type == UnitType::kActor; };
  const int before = IsWord(sentence, agent - 1, "FORMER") ? agent - 2 : agent - 1;
  if (is_actor(before) && !units[before].has_agent) return before;
  if (is_actor(agent + 1)) return agent + 1;
  if (IsWord(sentence, agent + 1, "OF") || IsWord(sentence, agent + 1, "IN")) {
    const int after = agent + 2 < count && units[agent + 2].type == UnitType::kDeterminer ? agent + 3 : agent + 2;
    if (is_actor(after)) return after;
  }
  return -1;
}

void AttachAgents(const SentenceContext& context, ParsedSentence& sentence) {
  std::vector<Unit>& units = sentence.units;
  for (int i = 0; i < static_cast<int>(units.size()); ++i) {
    if (units[i].type != UnitType::kAgent) continue;
    const Agent& agent = context.lexicon.dictionary().agents[units[i].entry];
    const int actor = AgentActor(sentence, i);
    if (actor < 0) {
      if (context.options.convert_agents) {
        units[i].type = UnitType::kActor;
        units[i].codes = {agent.actor_first ? "~" + agent.code : agent.code + "~"};
        units[i].base_codes = units[i].codes;
      } else {
        units[i].type = UnitType::kNoun;
      }
      continue;
    }
    // "Former" before the agent or the actor makes the agent an elite (manual 5.4.1).
    const bool former = IsWord(sentence, i - 1, "FORMER") || IsWord(sentence, actor - 1, "FORMER");
    for (std::string& code : units[actor].codes) code = JoinAgent(code, agent, former);
    units[actor].has_agent = true;
    units[i].type = UnitType::kNoun;
  }
}

bool IsModifier(UnitType type) { return type == UnitType::kAdjective || type == UnitType::kDeterminer; }

// The unit index after an `np` (modifiers, then one or more actors: "the evil Arnor",
// "Arnor's Elrond") starting at `at`, or -1; its actors are appended to `actors`.
bool EndsInPossessive(const std::vector<Unit>& units, int unit, const std::vector<std::string>& words) {
  const std::string& last = words[units[unit].end - 1];
  return last.size() > 2 && last.compare(last.size() - 2, 2, "'S") == 0;
}

int NounPhraseEnd(const std::vector<Unit>& units, const std::vector<std::string>& words, int at, std::vector<int>& actors) {
  const int count = static_cast<int>(units.size());
  while (at < count && IsModifier(units[at].type)) ++at;
  if (at >= count || units[at].type != UnitType::kActor) return -1;
  actors.push_back(at++);
  // "Arnor's Elrond": an actor after a possessive actor belongs to the same phrase.
  while (at < count && units[at].type == UnitType::kActor && units[at - 1].type == UnitType::kActor &&
         EndsInPossessive(units, at - 1, words)) {
    actors.push_back(at++);
  }
  return at;
}

bool IsListConjunction(const ParsedSentence& sentence, int unit) {
  return IsWord(sentence, unit, "AND") || IsWord(sentence, unit, "OR") || IsWord(sentence, unit, "NOR");
}

// Manual 7.5: np AND np, np , np , … AND np, and lists joined by ", AND", become one compound
// actor. Once a conjunction has been seen, a bare comma ends the list ("…, the newspaper said").
void MergeCompoundActors(ParsedSentence& sentence) {
  std::vector<Unit>& units = sentence.units;
  for (int start = 0; start < static_cast<int>(units.size()); ++start) {
    if (units[start].type != UnitType::kActor) continue;
    std::vector<int> members;
    int at = NounPhraseEnd(units, sentence.words, start, members);
    int last_end = at;
    bool conjunction_seen = false;
    while (at < static_cast<int>(units.size())) {
      const bool comma = units[at].type == UnitType::kComma;
      int next = at + 1;
      bool conjunction = !comma && IsListConjunction(sentence, at);
      if (comma && IsListConjunction(sentence, next)) {
        conjunction = true;
        ++next;
      }
      if (!conjunction && !(comma && !conjunction_seen)) break;
      const int end = NounPhraseEnd(units, sentence.words, next, members);
      if (end < 0) break;
      conjunction_seen |= conjunction;
      last_end = at = end;
    }
    if (!conjunction_seen || members.size() < 2) continue;
    Unit compound = units[start];
    compound.end = units[last_end - 1].end;
    compound.compound = true;
    compound.codes.clear();
    compound.base_codes.clear();
    for (int member : members) {
      for (const std::string& code : units[member].codes) {
        if (std::find(compound.codes.begin(), compound.codes.end(), code) == compound.codes.end()) compound.codes.push_back(code);
      }
      compound.base_codes.insert(compound.base_codes.end(), units[member].base_codes.begin(), units[member].base_codes.end());
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

// Manual 7.7 and 8.4: HE, SHE, IT, ITS, HIS, HER, HIM → the first actor of the sentence (when it comes
// before the pronoun); THEY, THEM, THEIR → the first compound actor, else the first actor.
void ResolvePronouns(ParsedSentence& sentence, const std::string* forwarded_actor) {
  std::vector<Unit>& units = sentence.units;
  // FORWARD: pronouns before the first actor take the previous sentence's first actor.
  for (Unit& unit : units) {
    if (unit.type == UnitType::kActor || forwarded_actor == nullptr) break;
    if (unit.type != UnitType::kPronoun) continue;
    unit.type = UnitType::kActor;
    unit.codes = unit.base_codes = {*forwarded_actor};
    unit.from_pronoun = true;
  }
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
    if (OneOf(word, {"HE", "SHE", "IT", "ITS", "HIS", "HER", "HIM"})) referent = first_actor < i ? first_actor : -1;
    else referent = first_compound >= 0 && first_compound < i ? first_compound : (first_actor < i ? first_actor : -1);
    if (referent < 0) continue;
    unit.type = UnitType::kActor;
    unit.codes = units[referent].codes;
    unit.base_codes = units[referent].base_codes;
    unit.compound = units[referent].compound;
    unit.from_pronoun = true;
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
  std::vector<WordSpan> spans;
  for (Unit& unit : sentence.units) {
    const int begin = static_cast<int>(words.size());
    for (int w = unit.begin; w < unit.end; ++w) {
      words.push_back(std::move(sentence.words[w]));
      spans.push_back(sentence.spans[w]);
    }
    unit.begin = begin;
    unit.end = static_cast<int>(words.size());
  }
  sentence.words = std::move(words);
  sentence.spans = std::move(spans);
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
  FilterText(text, sentence.words, capitalized, &sentence.spans);
  sentence.filtered_words = static_cast<int>(sentence.words.size());
  TypeWords(context, capitalized, !HasLowerCase(text), sentence);
  AttachAgents(context, sentence);
  MergeCompoundActors(sentence);
  MarkCompoundNounPhrases(sentence);
  RemoveCommaClauses(context.options.comma, sentence);
  ResolvePronouns(sentence, context.forwarded_actor);
  CompactWords(sentence);
  SplitClauses(sentence);
  return sentence;
}

}  // namespace lagebild::tabari
