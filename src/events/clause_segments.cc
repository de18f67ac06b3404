#include "events/clause_internal.h"

#include <algorithm>

namespace lagebild::clause_internal {

// ---- segments --------------------------------------------------------------------------------

bool IsArticleWord(std::string_view lower) {
  return lower == "der" || lower == "die" || lower == "das" || lower == "den" || lower == "dem" || lower == "des" ||
         lower == "ein" || lower == "eine" || lower == "the" || lower == "a" || lower == "an" || lower == "that" ||
         lower == "this" || lower == "these" || lower == "those";
}

bool HasFinite(const std::vector<WordView>& words, std::span<const uint32_t> segment) {
  return std::any_of(segment.begin(), segment.end(), [&](uint32_t i) { return words[i].finite; });
}

bool StartsInfinitive(const std::vector<WordView>& words, size_t i, const EventLexicon& lexicon) {
  if (i + 1 >= words.size()) return false;
  if (IsGerman(lexicon)) {
    return words[i].lower == "zu" && (HasFormKind(words[i + 1], FormKind::kInfinitive) || lexicon.IsFiniteVerb(words[i + 1].lower));
  }
  return words[i].lower == "to" && (HasFormKind(words[i + 1], FormKind::kInfinitive) || (words[i + 1].flags & kWerdenWord));
}

bool HasInfinitive(const std::vector<WordView>& words, const std::vector<uint32_t>& segment, const EventLexicon& lexicon) {
  for (uint32_t i : segment) {
    if (HasFormKind(words[i], FormKind::kZuInfinitive) || StartsInfinitive(words, i, lexicon)) return true;
  }
  return false;
}

// The words after the finite verb are all verb forms: German verb-final order.
bool IsVerbFinal(const std::vector<WordView>& words, const std::vector<uint32_t>& segment) {
  for (size_t k = 0; k < segment.size(); ++k) {
    if (!words[segment[k]].finite) continue;
    for (size_t m = k + 1; m < segment.size(); ++m) {
      const WordView& after = words[segment[m]];
      if (after.is_word && !IsVerbForm(after) && !after.finite) return false;
    }
    return true;
  }
  return false;
}

ClauseType TypeOf(const std::vector<WordView>& words, const std::vector<uint32_t>& segment, bool sentence_start,
                  const EventLexicon& lexicon) {
  const WordView& first = words[segment[0]];
  const bool german = IsGerman(lexicon);
  if (first.flags & kConditionalWord) return ClauseType::kConditional;
  if (german && sentence_start && (first.lower == "sollte" || first.lower == "sollten")) return ClauseType::kConditional;
  const bool relative_start = (first.flags & kRelativeWord) ||
                              (segment.size() > 1 && (first.flags & kPreposition) && (words[segment[1]].flags & kRelativeWord));
  if (!sentence_start && relative_start && (!german || IsVerbFinal(words, segment))) {
    if (!german && first.lower == "that") return ClauseType::kSubordinate;
    return ClauseType::kRelative;
  }
  if ((first.flags & kSubordinator) && !(first.flags & kRelativeWord)) return ClauseType::kSubordinate;
  if (german && (first.lower == "um" || first.lower == "ohne") && HasInfinitive(words, segment, lexicon)) return ClauseType::kInfinitive;
  if (!german && StartsInfinitive(words, segment[0], lexicon)) return ClauseType::kInfinitive;
  // "…, Zivilisten beschossen zu haben": a zu-infinitive closes the segment.
  if (german && segment.size() >= 2 && words[segment[segment.size() - 2]].lower == "zu") return ClauseType::kInfinitive;
  if (german && HasFormKind(words[segment.back()], FormKind::kZuInfinitive)) return ClauseType::kInfinitive;
  if (HasInfinitive(words, segment, lexicon)) {
    bool finite_outside = false;
    for (size_t k = 0; k < segment.size(); ++k) {
      const bool after_zu = k > 0 && (words[segment[k - 1]].lower == "zu" || words[segment[k - 1]].lower == "to");
      if (words[segment[k]].finite && !after_zu && !HasFormKind(words[segment[k]], FormKind::kInfinitive)) finite_outside = true;
    }
    if (!finite_outside) return ClauseType::kInfinitive;
  }
  return HasFinite(words, segment) ? ClauseType::kMain : ClauseType::kFragment;
}

// Room made for a segment's words up front: most segments fit, in one allocation where growing
// from empty took five or six.
constexpr size_t kSegmentReserve = 32;

std::vector<std::vector<uint32_t>> CutSegments(const std::vector<WordView>& words) {
  std::vector<std::vector<uint32_t>> segments(1);
  segments.back().reserve(std::min<size_t>(words.size(), kSegmentReserve));
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].boundary) {
      if (!segments.back().empty()) segments.emplace_back().reserve(std::min<size_t>(words.size() - i, kSegmentReserve));
      continue;
    }
    if (words[i].is_word || words[i].entity_inside >= 0) segments.back().push_back(i);
  }
  if (segments.back().empty()) segments.pop_back();
  return segments;
}

// English: "Russia asked North Korea to send shells" → "Russia asked North Korea" + "to send
// shells"; "officials said Iran had sent drones" → "officials said" + "Iran had sent drones".
void CutEnglishComplements(const std::vector<WordView>& words, std::vector<std::vector<uint32_t>>& segments,
                           const EventLexicon& lexicon) {
  std::vector<std::vector<uint32_t>> out;
  out.reserve(segments.size() + 4);
  for (const std::vector<uint32_t>& segment : segments) {
    std::vector<uint32_t> current;
    current.reserve(segment.size());
    int32_t addressee_entity = -1;
    for (size_t k = 0; k < segment.size(); ++k) {
      const uint32_t i = segment[k];
      const bool semi_auxiliary = k > 0 && ((words[segment[k - 1]].flags & (kPlannedWord | kPossibleWord | kNegationWord | kWerdenWord)) ||
                                            words[segment[k - 1]].lower == "going");
      const bool infinitive = StartsInfinitive(words, i, lexicon) && !current.empty() && HasFinite(words, current) && !semi_auxiliary;
      const bool that = words[i].lower == "that" && !current.empty() && HasFinite(words, current);
      const std::string_view w = words[i].lower;
      const bool subordinator = (w == "because" || w == "although" || w == "though" || w == "while" || w == "whereas" ||
                                 w == "unless" || w == "if" || w == "whether" || w == "when") &&
                                !current.empty() && HasFinite(words, current);
      // "… oppose the tax, but Italy and Belgium seem to …": "but" opens a clause of its own.
      const bool contrast = w == "but" && !current.empty() && HasFinite(words, current) && k + 1 < segment.size();
      if ((infinitive || that || subordinator || contrast) && !current.empty()) {
        out.push_back(std::move(current));
        current.clear();
        current.reserve(segment.size() - k);
      }
      current.push_back(i);
      // "told Reuters [last week] …": what is reported starts after the addressee.
      const bool addressee_ends = addressee_entity >= 0 && words[i].entity_inside == addressee_entity &&
                                  (k + 1 == segment.size() || words[segment[k + 1]].entity_inside != addressee_entity);
      uint32_t report = 0;
      if (words[i].forms != nullptr && k + 1 < segment.size() && words[segment[k + 1]].lower != "that") {
        for (const TriggerForm& form : *words[i].forms) report |= lexicon.LemmaFlags(form.lemma) & (kReportVerb | kAddresseeVerb);
      }
      const bool followed_by_actor = k + 1 < segment.size() && words[segment[k + 1]].entity_start >= 0;
      if ((report & kReportVerb) && followed_by_actor && words[i].finite && (report & kAddresseeVerb)) {
        addressee_entity = words[segment[k + 1]].entity_start;
        continue;
      }
      if (((report & kReportVerb) && followed_by_actor && words[i].finite) || addressee_ends) {
        addressee_entity = -1;
        out.push_back(std::move(current));
        current.clear();
        current.reserve(segment.size() - k);
      }
    }
    if (!current.empty()) out.push_back(std::move(current));
  }
  segments = std::move(out);
}

// Splits a segment at a coordinator when the right side has a verb group of its own: "Iran hat
// Drohnen geliefert und unterstützt Russland", "… mit dem Zug nach Wladiwostok und flog dann nach
// Moskau", and in German a shared auxiliary: "hat Technologie geliefert, aber keine Drohnen
// geschickt".
bool OpensVerbGroup(const std::vector<WordView>& words, std::span<const uint32_t> right, bool german) {
  if (words[right[0]].finite) return true;
  if (right.size() > 1 && words[right[1]].finite && words[right[0]].entity_inside < 0) return true;
  if (!german || HasFinite(words, right)) return false;
  const WordView& last = words[right.back()];
  return last.forms != nullptr && IsVerbForm(last) && !last.capitalized;
}

// The left side's finite verb is an auxiliary or modal whose participle or infinitive has not
// come yet: the coordination joins nouns inside one verb group.
bool LeftAwaitsVerb(const std::vector<WordView>& words, std::span<const uint32_t> left) {
  for (size_t k = 0; k < left.size(); ++k) {
    const WordView& word = words[left[k]];
    if (!word.finite) continue;
    const bool auxiliary = (word.flags & (kWerdenWord | kPerfectWord | kPlannedWord | kPossibleWord)) != 0;
    if (!auxiliary) return false;
    for (size_t m = k + 1; m < left.size(); ++m) {
      const WordView& after = words[left[m]];
      if (after.forms != nullptr && !after.capitalized && IsVerbForm(after)) return false;
    }
    return true;
  }
  return false;
}

std::vector<std::vector<uint32_t>> SplitCoordinatedVerbs(const std::vector<WordView>& words, const std::vector<uint32_t>& segment,
                                                         bool german) {
  for (size_t k = 1; k + 1 < segment.size(); ++k) {
    const WordView& word = words[segment[k]];
    if (!(word.flags & kCoordinator)) continue;
    const std::span<const uint32_t> left(segment.data(), k);  // copied only when the segment is split
    const std::span<const uint32_t> right(segment.data() + k + 1, segment.size() - k - 1);
    if (!OpensVerbGroup(words, right, german)) continue;
    const bool left_has_finite = HasFinite(words, left);
    if (german && LeftAwaitsVerb(words, left)) continue;  // "könnte Russland Granaten und Raketen liefern"
    if (!HasFinite(words, right)) {
      // A shared auxiliary: both sides end in their own participle or infinitive.
      const WordView& left_last = words[left.back()];
      if (!left_has_finite || left_last.forms == nullptr || !IsVerbForm(left_last) || left_last.capitalized) continue;
    } else if (!left_has_finite && !words[right[0]].finite) {
      continue;  // "… mit dem Zug nach Wladiwostok und flog dann …" needs the verb right after "und"
    }
    std::vector<std::vector<uint32_t>> parts = {std::vector<uint32_t>(left.begin(), left.end())};
    const std::vector<uint32_t> right_words(right.begin(), right.end());
    for (auto& part : SplitCoordinatedVerbs(words, right_words, german)) parts.push_back(std::move(part));
    return parts;
  }
  return {segment};
}

bool OpensCoordinatedVerb(const std::vector<WordView>& words, const std::vector<uint32_t>& segment, bool german) {
  if (segment.size() < 2 || !(words[segment[0]].flags & kCoordinator)) return false;
  if (german) {
    const WordView& last = words[segment.back()];
    return !HasFinite(words, segment) && last.forms != nullptr && IsVerbForm(last) && !last.capitalized;
  }
  return words[segment[1]].finite;
}

bool StartsWithActor(const std::vector<WordView>& words, const std::vector<uint32_t>& segment) {
  for (size_t k = 0; k < segment.size() && k < 3; ++k) {
    const WordView& word = words[segment[k]];
    if (word.entity_inside >= 0) return true;
    if (!IsArticleWord(word.lower) && !(word.flags & kCoordinator)) return false;
  }
  return false;
}

bool IsActorListItem(const std::vector<WordView>& words, const std::vector<uint32_t>& segment) {
  size_t other = 0;
  bool entity = false;
  for (uint32_t i : segment) {
    if (words[i].entity_inside >= 0) entity = true;
    else if (!(words[i].flags & kCoordinator) && words[i].capitalized) ++other;
  }
  return entity && other == 0 && segment.size() <= 8;
}


bool FollowsActor(const std::vector<WordView>& words, uint32_t first_word) {
  for (uint32_t i = first_word; i-- > 0;) {
    if (words[i].boundary) continue;
    return words[i].entity_inside >= 0;
  }
  return false;
}

std::vector<Clause> MergeSegments(const std::vector<WordView>& words, const std::vector<std::vector<uint32_t>>& segments,
                                  const std::vector<ClauseType>& types, const std::vector<bool>& coordinated, bool german) {
  std::vector<Clause> clauses;
  std::vector<uint32_t> pending;
  bool after_apposition = false;  // the last segment was an apposition appended to clauses.back()
  bool inside_relative = false;   // a relative clause and its infinitives are under way
  auto host = [&]() -> Clause& {
    // After a relative clause, a verbless piece continues the clause the relative depends on.
    for (size_t c = clauses.size(); c-- > 0;) {
      if (clauses[c].type != ClauseType::kRelative && !(inside_relative && clauses[c].type == ClauseType::kInfinitive)) return clauses[c];
    }
    return clauses.back();
  };
  for (size_t s = 0; s < segments.size(); ++s) {
    const std::vector<uint32_t>& segment = segments[s];
    if (types[s] == ClauseType::kFragment) {
      const bool list_item = IsActorListItem(words, segment) && s + 1 < segments.size() &&
                             (StartsWithActor(words, segments[s + 1]) || types[s + 1] == ClauseType::kRelative || clauses.empty());
      if (!clauses.empty() && !list_item && pending.empty()) {
        Clause& last = FollowsActor(words, segment[0]) ? clauses.back() : host();
        last.words.insert(last.words.end(), segment.begin(), segment.end());
        after_apposition = FollowsActor(words, segment[0]);
      } else {
        pending.insert(pending.end(), segment.begin(), segment.end());
      }
      continue;
    }
    // "würde Kim mit dem Zug von Pjöngjang, der Hauptstadt Nordkoreas, nach Wladiwostok reisen":
    // after an apposition the clause goes on to its verb.
    if (after_apposition && german && types[s] == ClauseType::kMain && !coordinated[s] && IsVerbFinal(words, segment)) {
      Clause& last = clauses.back();
      last.words.insert(last.words.end(), segment.begin(), segment.end());
      after_apposition = false;
      continue;
    }
    // "müssen die Flüchtlinge aus dem Irak, Syrien und Afghanistan erklären": a comma inside an
    // actor list, while the clause's modal or auxiliary still awaits its verb, ends nothing.
    if (german && !clauses.empty() && pending.empty() && types[s] == ClauseType::kMain && !coordinated[s] &&
        FollowsActor(words, segment[0]) && StartsWithActor(words, segment) && LeftAwaitsVerb(words, clauses.back().words)) {
      Clause& last = clauses.back();
      last.words.insert(last.words.end(), segment.begin(), segment.end());
      after_apposition = false;
      continue;
    }
    after_apposition = false;
    if (types[s] == ClauseType::kRelative) inside_relative = true;
    else if (types[s] != ClauseType::kInfinitive) inside_relative = false;
    Clause clause;
    clause.type = types[s];
    clause.coordinated = coordinated[s];
    // "China, das von Blinken davor gewarnt wurde, tödliche Hilfe zu leisten, hat … geliefert":
    // the actor waits for its own clause.
    if (!inside_relative || s + 1 == segments.size()) {
      clause.words = pending;
      pending.clear();
    }
    clause.words.insert(clause.words.end(), segment.begin(), segment.end());
    clauses.push_back(std::move(clause));
  }
  if (!pending.empty()) {
    if (clauses.empty()) {
      Clause fragment;
      fragment.type = ClauseType::kFragment;
      fragment.words = pending;
      clauses.push_back(std::move(fragment));
    } else {
      host().words.insert(host().words.end(), pending.begin(), pending.end());
    }
  }
  for (Clause& clause : clauses) std::sort(clause.words.begin(), clause.words.end());
  return clauses;
}

std::vector<uint32_t> AppositionWords(const std::vector<WordView>& words, const std::vector<std::vector<uint32_t>>& segments,
                                      const std::vector<ClauseType>& types) {
  std::vector<uint32_t> apposition;
  for (size_t s = 1; s < segments.size(); ++s) {
    if (types[s] != ClauseType::kFragment || IsActorListItem(words, segments[s])) continue;
    if (FollowsActor(words, segments[s][0])) apposition.insert(apposition.end(), segments[s].begin(), segments[s].end());
  }
  return apposition;
}

int32_t ClauseOfWord(const std::vector<Clause>& clauses, uint32_t word) {
  for (size_t c = 0; c < clauses.size(); ++c) {
    if (std::find(clauses[c].words.begin(), clauses[c].words.end(), word) != clauses[c].words.end()) return static_cast<int32_t>(c);
  }
  return -1;
}

void LinkGovernors(const std::vector<WordView>& words, std::vector<Clause>& clauses) {
  auto clause_before = [&](size_t c) -> int32_t {
    uint32_t before = clauses[c].words.front();
    while (before > 0 && (!words[before - 1].is_word || (words[before - 1].flags & kCoordinator))) --before;
    if (before == 0) return -1;
    const int32_t found = ClauseOfWord(clauses, before - 1);
    return found == static_cast<int32_t>(c) ? -1 : found;
  };
  for (size_t c = 0; c < clauses.size(); ++c) {
    Clause& clause = clauses[c];
    if (clause.words.empty()) continue;
    if (clause.type == ClauseType::kRelative || clause.coordinated) {
      clause.governor = clause_before(c);  // the clause holding the antecedent, or the first conjunct
      continue;
    }
    if (c == 0) continue;
    if (clause.type == ClauseType::kInfinitive) {
      // "…, das als DVRK bekannt ist, zu versuchen, …": an infinitive skips a relative clause.
      int32_t governor = static_cast<int32_t>(c) - 1;
      while (governor > 0 && clauses[governor].type == ClauseType::kRelative) governor = clauses[governor].governor >= 0 ? clauses[governor].governor : governor - 1;
      clause.governor = governor;
    } else if (clause.type == ClauseType::kSubordinate || clause.type == ClauseType::kConditional) {
      clause.governor = static_cast<int32_t>(c - 1);
    }
  }
}

}  // namespace lagebild::clause_internal
