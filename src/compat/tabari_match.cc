#include "compat/tabari_match.h"

#include <algorithm>

namespace lagebild::tabari {
namespace {

constexpr int kMaxGroupDepth = 12;  // synsets naming synsets, alternatives inside alternatives

}  // namespace

// The elements still to match: the rest of one sequence (forward: index up; backward: down),
// then what follows it in the parent. `exit_adjacent` carries a group's own `_` connector to the
// element after the group in matching order.
struct PatternMatcher::Pending {
  const ElementSequence* sequence = nullptr;
  int index = 0;
  const Pending* parent = nullptr;
  int depth = 0;
  bool exit_adjacent = false;
};

struct PatternMatcher::Search {
  bool backward = false;
  int floor = 0;          // backward: words before this are out of reach
  int limit = 0;          // forward: words at or after this are out of reach
  PatternSlots slots;
  int matched_length = 0;
};

PatternMatcher::PatternMatcher(const Lexicon& lexicon, const ParsedSentence& sentence)
    : lexicon_(lexicon),
      sentence_(sentence),
      actor_at_(sentence.words.size() + 1, -1),
      actor_ending_(sentence.words.size() + 1, -1) {
  anchor_state_.assign(lexicon.anchor_words().size(), -1);
  sorted_words_.assign(sentence.words.begin(), sentence.words.end());
  std::sort(sorted_words_.begin(), sorted_words_.end());
  for (size_t u = 0; u < sentence.units.size(); ++u) {
    if (sentence.units[u].type != UnitType::kActor) continue;
    actor_at_[sentence.units[u].begin] = static_cast<int>(u);
    actor_ending_[sentence.units[u].end - 1] = static_cast<int>(u);
  }
}

bool PatternMatcher::Match(const CompiledPattern& pattern, const Unit& verb, int lower_start, int upper_limit,
                           PatternSlots& slots, int& matched_length) const {
  Search lower;
  lower.backward = true;
  lower.floor = lower_start;
  if (!pattern.lower.empty()) {
    const Pending start{&pattern.lower, static_cast<int>(pattern.lower.size()) - 1, nullptr, 0, false};
    if (!MatchFrom(start, verb.begin - 1, pattern.verb_adjacent_before, lower)) return false;
  }
  Search upper;
  upper.limit = upper_limit;
  upper.slots = lower.slots;
  upper.matched_length = lower.matched_length;
  if (!pattern.upper.empty()) {
    const Pending start{&pattern.upper, 0, nullptr, 0, false};
    if (!MatchFrom(start, verb.end, false, upper)) return false;
  }
  slots = upper.slots;
  matched_length = upper.matched_length;
  return true;
}

bool PatternMatcher::AnchorPresent(int anchor) const {
  int8_t& state = anchor_state_[anchor];
  if (state >= 0) return state == 1;
  const auto& [word, match] = lexicon_.anchor_words()[anchor];
  // Words starting with `word` sort right after it.
  const auto found = std::lower_bound(sorted_words_.begin(), sorted_words_.end(), std::string_view(word));
  bool present = found != sorted_words_.end() && found->substr(0, word.size()) == word;
  if (present && match != WordMatch::kStem) present = *found == word;
  state = present ? 1 : 0;
  return present;
}

bool PatternMatcher::AnchorsPresent(const CompiledPattern& pattern) const {
  for (int anchor : pattern.anchors) {
    if (!AnchorPresent(anchor)) return false;
  }
  return true;
}

// Forward, `position` is the first word the element may take; backward, the last.
bool PatternMatcher::MatchFrom(const Pending& pending, int position, bool adjacent, Search& search) const {
  const int size = static_cast<int>(pending.sequence->size());
  if (pending.index < 0 || pending.index >= size) {
    if (pending.parent != nullptr) return MatchFrom(*pending.parent, position, adjacent || pending.exit_adjacent, search);
    return true;
  }
  const PatternElement& element = (*pending.sequence)[pending.index];
  // Forward, an element's own `_` ties it to the one before; backward, the element matched
  // before it (to its right) passes its `_` on through `adjacent`.
  const bool must_be_here = search.backward ? adjacent : adjacent || element.adjacent;
  const Pending next{pending.sequence, pending.index + (search.backward ? -1 : 1), pending.parent, pending.depth, pending.exit_adjacent};
  using Kind = PatternElement::Kind;
  switch (element.kind) {
    case Kind::kWord:
      return MatchWord(element, next, position, must_be_here, search);
    case Kind::kAlternatives:
    case Kind::kSynset: {
      if (pending.depth >= kMaxGroupDepth) return false;
      const std::vector<ElementSequence>& members =
          element.kind == Kind::kSynset ? lexicon_.synset_members(element.synset) : element.alternatives;
      const Pending after{next.sequence, next.index, next.parent, pending.depth + 1, next.exit_adjacent};
      return MatchGroup(members, element.adjacent, after, position, must_be_here, search);
    }
    case Kind::kVerb:
      return MatchFrom(next, position, false, search);
    default:
      return MatchActor(element, next, position, must_be_here, search);
  }
}

bool PatternMatcher::MatchWord(const PatternElement& element, const Pending& next, int position, bool adjacent,
                               Search& search) const {
  const int step = search.backward ? -1 : 1;
  const int stop = search.backward ? search.floor - 1 : search.limit;
  const int words = static_cast<int>(element.word.size());
  for (int at = position; (search.backward ? at > stop : at < stop) && at >= 0; at += step) {
    // In patterns a word ending in `_` matches only itself: RESOLUTION_ is not RESOLUTIONS.
    const WordMatch match = element.match == WordMatch::kStem ? WordMatch::kStem : WordMatch::kExactNoEnding;
    if (WordMatches(element.word, match, sentence_.words[at], Endings::kVerb)) {
      search.matched_length += words;
      const bool passes_connector = search.backward && element.adjacent;
      if (MatchFrom(next, at + step, passes_connector, search)) return true;
      search.matched_length -= words;
    }
    if (adjacent) break;
  }
  return false;
}

bool PatternMatcher::MatchGroup(const std::vector<ElementSequence>& members, bool group_adjacent, const Pending& next, int position,
                                bool adjacent, Search& search) const {
  for (const ElementSequence& member : members) {
    if (member.empty()) continue;
    const int first = search.backward ? static_cast<int>(member.size()) - 1 : 0;
    // Backward, leaving the member towards the element before the group must honour the `_`
    // that ties the group to it ("DEMAND_{ … }").
    const Pending inside{&member, first, &next, next.depth, search.backward && group_adjacent};
    if (MatchFrom(inside, position, adjacent, search)) return true;
  }
  return false;
}

// `$`, `+` and `^` take the first actor met from `position` on (exactly there when adjacent),
// `%` the first compound actor.
bool PatternMatcher::MatchActor(const PatternElement& element, const Pending& next, int position, bool adjacent,
                                Search& search) const {
  using Kind = PatternElement::Kind;
  const bool wants_compound = element.kind == Kind::kCompound;
  const int step = search.backward ? -1 : 1;
  const int stop = search.backward ? search.floor - 1 : search.limit;
  const std::vector<int>& actors = search.backward ? actor_ending_ : actor_at_;
  int unit = -1;
  for (int at = position; (search.backward ? at > stop : at < stop) && at >= 0 && unit < 0; at += step) {
    const int here = actors[at];
    if (here >= 0 && (!wants_compound || sentence_.units[here].compound)) unit = here;
    if (adjacent) break;
  }
  if (unit < 0) return false;
  const PatternSlots saved = search.slots;
  if (element.kind == Kind::kSource) search.slots.source = unit;
  else if (element.kind == Kind::kTarget) search.slots.target = unit;
  else if (element.kind == Kind::kCompound) search.slots.compound = unit;
  else search.slots.skipped.push_back(unit);
  const Unit& actor = sentence_.units[unit];
  const bool passes_connector = search.backward && element.adjacent;
  if (MatchFrom(next, search.backward ? actor.begin - 1 : actor.end, passes_connector, search)) return true;
  search.slots = saved;
  return false;
}

}  // namespace lagebild::tabari
