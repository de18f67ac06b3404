#include "events/clause_analysis.h"

#include <algorithm>
#include <unordered_set>

#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr size_t kMaxPrepositionDistance = 4;   // words between a preposition and its actor
constexpr size_t kMaxCoordinationGap = 3;       // words between coordinated actors

bool IsGerman(const EventLexicon& lexicon) { return lexicon.language() == "de"; }

// Function words that the German paradigm dictionary also lists as finite verbs ("eine" of
// "einen", "meine" of "meinen").
bool IsFunctionWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "eine", "einen", "meine", "meinen", "deine", "deinen", "keine", "keinen", "seine", "seinen", "unsere",
      "ihre", "ihren", "alle", "allen", "beide", "beiden", "viele", "vielen", "andere", "anderen", "weite",
      "weiten", "teile", "rund", "fest", "statt", "mehr", "weiter", "wieder", "bis", "los", "gut", "einige",
      "einigen", "einiger", "meist", "meisten", "folgende", "folgenden", "gelten", "gilt"};
  return kWords.contains(lower);
}

bool IsBoundaryPunctuation(std::string_view surface, TokenKind kind) {
  if (kind == TokenKind::kQuote || kind == TokenKind::kBracket) return true;
  if (kind != TokenKind::kPunctuation) return false;
  return surface == "," || surface == ";" || surface == ":" || surface == "–" || surface == "—" || surface == "-" ||
         surface == "." || surface == "!" || surface == "?" || surface == "…";
}

bool HasFormKind(const WordView& word, FormKind kind) {
  if (word.forms == nullptr) return false;
  return std::any_of(word.forms->begin(), word.forms->end(), [&](const TriggerForm& form) { return form.kind == kind; });
}

bool IsVerbForm(const WordView& word) {
  if (word.forms == nullptr) return word.finite;
  return word.finite || std::any_of(word.forms->begin(), word.forms->end(),
                                    [](const TriggerForm& form) { return form.kind != FormKind::kNoun; });
}

// ---- words -----------------------------------------------------------------------------------

void MarkEntities(const Document& doc, uint32_t sentence, std::vector<WordView>& words) {
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const Entity& entity = doc.entities[e];
    if (entity.sentence != sentence) continue;
    bool first = true;
    for (WordView& word : words) {
      const Span span = doc.tokens[word.token].span;
      if (span.begin >= entity.span.end || span.end <= entity.span.begin) continue;
      word.entity_inside = static_cast<int32_t>(e);
      if (first) word.entity_start = static_cast<int32_t>(e);
      first = false;
      if (span.end > entity.span.end) {
        const std::string_view rest = std::string_view(doc.text).substr(entity.span.end, span.end - entity.span.end);
        word.genitive_s = rest == "s" || rest == "'s" || rest == "’s" || rest == "'" || rest == "’";
        if (rest.size() > 1 && rest[0] == '-') word.compound_head = LowerCase(rest.substr(1));  // "Russland-Besuch"
      }
    }
  }
}

bool MayBeFinite(const WordView& word, bool sentence_start, const EventLexicon& lexicon) {
  if (!word.is_word || (word.capitalized && !sentence_start && IsGerman(lexicon))) return false;
  if (word.entity_inside >= 0 || IsFunctionWord(word.lower)) return false;
  if (word.flags & (kPreposition | kRelativeWord | kObliqueWord | kCoordinator | kSubordinator)) return false;
  if (word.flags & (kWerdenWord | kPerfectWord)) return true;
  if ((word.flags & (kPlannedWord | kPossibleWord)) && lexicon.IsFiniteVerb(word.lower)) return true;
  if (HasFormKind(word, FormKind::kFinite) || HasFormKind(word, FormKind::kPast)) return true;
  if (!IsGerman(lexicon)) {
    static const std::unordered_set<std::string_view> kEnglishModals = {
        "will", "would", "can", "could", "may", "might", "shall", "should", "must", "did", "does", "do"};
    return kEnglishModals.contains(word.lower);
  }
  return lexicon.IsFiniteVerb(word.lower);
}

// German compounds take the trigger of their last part: "Waffenverhandlungen" → Verhandlungen,
// "Staatsbesuch" → Besuch. The first part must be at least kMinCompoundModifier bytes long, so
// that "Vorschlag" does not become a "Schlag".
const std::vector<TriggerForm>* CompoundHeadForms(std::string_view lower, const EventLexicon& lexicon) {
  constexpr size_t kMinCompoundModifier = 4;
  constexpr size_t kMinCompoundHead = 4;
  for (size_t start = kMinCompoundModifier; start + kMinCompoundHead <= lower.size(); ++start) {
    if ((static_cast<unsigned char>(lower[start]) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
    if (lower[start] == '-') continue;
    const std::vector<TriggerForm>* forms = lexicon.Forms(lower.substr(start));
    if (forms == nullptr) continue;
    for (const TriggerForm& form : *forms) {
      if (form.kind == FormKind::kNoun) return forms;
    }
  }
  return nullptr;
}

// Fixed phrases of the modality categories ("is to", "about to", "has yet to", "noch nicht")
// give their flag to their first word.
void MarkPhrases(std::vector<WordView>& words, const EventLexicon& lexicon) {
  static const std::pair<const char*, uint32_t> kCategories[] = {
      {"planned-words", kPlannedWord}, {"possible-words", kPossibleWord}, {"negation-words", kNegationWord},
      {"conditional-words", kConditionalWord}};
  for (const auto& [category, flag] : kCategories) {
    for (const std::vector<std::string>& phrase : lexicon.Phrases(category)) {
      for (size_t i = 0; i + phrase.size() <= words.size(); ++i) {
        bool match = true;
        for (size_t k = 0; k < phrase.size() && match; ++k) match = words[i + k].lower == phrase[k];
        if (match) words[i].flags |= flag;
      }
    }
  }
}

std::vector<WordView> BuildWords(const Document& doc, uint32_t sentence, const EventLexicon& lexicon) {
  const Sentence& s = doc.sentences[sentence];
  std::vector<WordView> words;
  words.reserve(s.last_token - s.first_token);
  for (uint32_t t = s.first_token; t < s.last_token; ++t) {
    const Token& token = doc.tokens[t];
    const std::string_view surface = doc.Surface(token.span);
    WordView word;
    word.token = t;
    word.boundary = IsBoundaryPunctuation(surface, token.kind);
    word.comma = surface == ",";
    word.dash = surface == "–" || surface == "—" || surface == "-";
    word.opens_bracket = surface == "(";
    word.is_word = token.kind == TokenKind::kWord || token.kind == TokenKind::kNumber || token.kind == TokenKind::kClitic ||
                   token.kind == TokenKind::kAbbreviation || token.kind == TokenKind::kInitial || token.kind == TokenKind::kOrdinal;
    word.capitalized = token.capitalized;
    if (word.is_word) {
      AppendLowerCase(surface, word.lower);
      word.forms = lexicon.Forms(word.lower);
      word.flags = lexicon.WordFlags(word.lower);
    }
    words.push_back(std::move(word));
  }
  MarkEntities(doc, sentence, words);
  MarkPhrases(words, lexicon);
  if (IsGerman(lexicon)) {
    for (WordView& word : words) {
      if (word.is_word && word.capitalized && word.forms == nullptr && word.entity_inside < 0) word.forms = CompoundHeadForms(word.lower, lexicon);
    }
  }
  bool start = true;
  for (size_t i = 0; i < words.size(); ++i) {
    WordView& word = words[i];
    const bool after_zu = i > 0 && (words[i - 1].lower == "zu" || (words[i - 1].lower == "to" && !IsGerman(lexicon)));
    word.finite = !after_zu && MayBeFinite(word, start, lexicon);
    if (word.is_word) start = false;
  }
  return words;
}

// ---- segments --------------------------------------------------------------------------------

bool IsArticleWord(std::string_view lower) {
  return lower == "der" || lower == "die" || lower == "das" || lower == "den" || lower == "dem" || lower == "des" ||
         lower == "the" || lower == "ein" || lower == "eine" || lower == "a" || lower == "an";
}

bool HasFinite(const std::vector<WordView>& words, const std::vector<uint32_t>& segment) {
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

std::vector<std::vector<uint32_t>> CutSegments(const std::vector<WordView>& words) {
  std::vector<std::vector<uint32_t>> segments(1);
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].boundary) {
      if (!segments.back().empty()) segments.emplace_back();
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
  for (const std::vector<uint32_t>& segment : segments) {
    std::vector<uint32_t> current;
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
      }
      current.push_back(i);
      bool report = false;
      if (words[i].forms != nullptr && k + 1 < segment.size() && words[segment[k + 1]].lower != "that") {
        for (const TriggerForm& form : *words[i].forms) report |= (lexicon.LemmaFlags(form.lemma) & kReportVerb) != 0;
      }
      const bool followed_by_actor = k + 1 < segment.size() && words[segment[k + 1]].entity_start >= 0;
      if (report && followed_by_actor && words[i].finite) {
        out.push_back(std::move(current));
        current.clear();
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
bool OpensVerbGroup(const std::vector<WordView>& words, const std::vector<uint32_t>& right, bool german) {
  if (words[right[0]].finite) return true;
  if (right.size() > 1 && words[right[1]].finite && words[right[0]].entity_inside < 0) return true;
  if (!german || HasFinite(words, right)) return false;
  const WordView& last = words[right.back()];
  return last.forms != nullptr && IsVerbForm(last) && !last.capitalized;
}

// The left side's finite verb is an auxiliary or modal whose participle or infinitive has not
// come yet: the coordination joins nouns inside one verb group.
bool LeftAwaitsVerb(const std::vector<WordView>& words, const std::vector<uint32_t>& left) {
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
    const std::vector<uint32_t> left(segment.begin(), segment.begin() + k);
    const std::vector<uint32_t> right(segment.begin() + k + 1, segment.end());
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
    std::vector<std::vector<uint32_t>> parts = {left};
    for (auto& part : SplitCoordinatedVerbs(words, right, german)) parts.push_back(std::move(part));
    return parts;
  }
  return {segment};
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

}  // namespace

// "dozens of", "hundreds of", "Hunderte von", "a group of": the actor after them is bare.
bool IsQuantityWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "dozens", "hundreds", "thousands", "millions", "scores", "dozen", "group", "number", "some", "many", "several",
      "members", "most", "all", "tens", "hunderte", "tausende", "dutzende", "gruppe", "zahl", "anzahl", "mitglieder"};
  return kWords.contains(lower);
}

// Titles before a person's name: "Präsident", "Verteidigungsminister", "Mr.", "Secretary".
bool IsTitleWord(std::string_view lower) {
  static const char* kEndings[] = {"minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "chef",
                                   "chefin", "sprecher", "sprecherin", "führer", "general", "botschafter", "botschafterin",
                                   "könig", "königin", "premier", "sekretär", "sekretärin", "vorsitzende", "vorsitzender",
                                   "herr", "herrn", "frau", "dr.", "prof.", "mr.", "mrs.", "ms.", "president", "secretary",
                                   "chancellor", "prime", "spokesman", "spokeswoman", "spokesperson", "king", "queen",
                                   "prince", "leader", "ambassador", "envoy", "sen.", "gov.", "rep.", "gen.", "admiral",
                                   "emir", "sheikh", "scheich", "papst", "pope", "chief", "director", "direktor", "kommandeur",
                                   "commander", "oberbefehlshaber", "diktator", "dictator", "machthaber", "staatschef",
                                   "regierungschef", "amtskollege", "amtskollegen", "counterpart"};
  for (const char* ending : kEndings) {
    if (lower.ends_with(ending)) return true;
  }
  return false;
}

bool IsModalityAdjective(const std::vector<WordView>& words, uint32_t i, bool german) {
  const WordView& word = words[i];
  if (word.finite) return false;  // "könnte Russland …" is a verb
  if (word.capitalized && german && i > 0) return true;  // a noun: "Pläne", "Absicht"
  if (i + 1 >= words.size() || !words[i + 1].is_word) return false;
  const WordView& next = words[i + 1];
  if (german) {
    const std::string_view w = word.lower;
    const bool inflected = w.ends_with("e") || w.ends_with("en") || w.ends_with("er") || w.ends_with("es") || w.ends_with("em");
    return inflected && (next.capitalized || (next.flags & (kPlannedWord | kPossibleWord)));
  }
  static const char* kAdjectives[] = {"planned", "proposed", "scheduled", "upcoming", "forthcoming", "possible", "potential", "expected", "plans", "plan"};
  for (const char* adjective : kAdjectives) {
    if (word.lower == adjective) return next.lower != "to" && next.lower != "by" && !next.finite;
  }
  return false;
}

namespace {

bool ParticleInClause(const std::vector<WordView>& words, const Clause& clause, size_t from, std::string_view particle) {
  // The particle closes the clause: it is its last word, or only verbs follow it.
  for (size_t k = clause.words.size(); k-- > from + 1;) {
    const WordView& word = words[clause.words[k]];
    if (word.lower == particle) return true;
    if (!IsVerbForm(word)) return false;
  }
  return false;
}

// English nouns that make the word before them a modifier, not a verb: "trade gap", "aid
// package", "attack helicopters".
bool IsCompoundHead(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      "gap", "gaps", "deficit", "deficits", "surplus", "surpluses", "balance", "dispute", "disputes", "talks", "war",
      "figures", "data", "volume", "deal", "deals", "policy", "policies", "minister", "ministers", "official",
      "officials", "agreement", "agreements", "relations", "ties", "representative", "negotiator", "negotiators",
      "barriers", "bill", "pact", "partner", "partners", "partnership", "route", "routes", "package", "packages",
      "helicopter", "helicopters", "group", "groups", "volumes", "flows", "prices", "price", "quota", "quotas",
      "rules", "law", "laws", "zone", "zones", "committee", "council", "bank", "banks", "fund", "funds", "rate", "rates"};
  return kHeads.contains(lower);
}

struct VerbCandidate {
  size_t position = 0;  // in clause.words
  int32_t lemma = -1;
  std::string_view particle;  // the separable particle that closes the clause
  FormKind kind = FormKind::kFinite;
  bool has_patterns = false;
  bool frame_verb = false;
};

std::vector<VerbCandidate> VerbCandidates(const std::vector<WordView>& words, const Clause& clause, const EventLexicon& lexicon) {
  std::vector<VerbCandidate> candidates;
  const bool german = IsGerman(lexicon);
  for (size_t k = 0; k < clause.words.size(); ++k) {
    const WordView& word = words[clause.words[k]];
    if (word.forms == nullptr || word.entity_inside >= 0) continue;
    if (german && word.capitalized && clause.words[k] != 0 && !(k == 0 && clause.words[0] == 0)) continue;
    if (!german && k + 1 < clause.words.size() && IsCompoundHead(words[clause.words[k + 1]].lower)) continue;  // "trade gap"
    if (!german && k > 0 && words[clause.words[k - 1]].finite && !(words[clause.words[k - 1]].flags & (kWerdenWord | kPerfectWord | kPlannedWord | kPossibleWord)) &&
        words[clause.words[k - 1]].lower != "did" && words[clause.words[k - 1]].lower != "do" && words[clause.words[k - 1]].lower != "does") {
      continue;  // "held talks": a noun after a full verb
    }
    if (!german && k > 0) {
      const std::string_view before = words[clause.words[k - 1]].lower;
      if (before == "the" || before == "a" || before == "an" || before == "its" || before == "their" || before == "his" ||
          before == "her" || before == "'s" || before == "’s") {
        continue;  // "the attack": a noun
      }
    }
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

Modality ClauseModality(const std::vector<WordView>& words, const Clause& clause, bool future, bool german, std::string_view particle,
                        bool& would) {
  bool planned = future, possible = false, negated = false;
  for (size_t k = 0; k < clause.words.size(); ++k) {
    const WordView& word = words[clause.words[k]];
    if (!particle.empty() && word.lower == particle) continue;  // "stellte … bereit" is no readiness
    if ((word.flags & (kPlannedWord | kPossibleWord)) && IsModalityAdjective(words, clause.words[k], german)) continue;
    const std::string_view next = k + 1 < clause.words.size() ? std::string_view(words[clause.words[k + 1]].lower) : "";
    const std::string_view before = k > 0 ? std::string_view(words[clause.words[k - 1]].lower) : "";
    const bool comparative = before == "wie" || before == "als" || before == "than" || before == "as" || before == "ever";
    const bool idiom = next == "nur" || next == "only" || next == "zuletzt" || next == "least" || next == "just";  // "not least"
    if ((word.flags & kNegationWord) && !idiom && !comparative) negated = true;
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
      verb.passive = participle && best->kind != FormKind::kInfinitive && best->kind != FormKind::kGerund &&
                     BeFormBefore(words, static_cast<uint32_t>(verb.lexical));
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

// ---- arguments ---------------------------------------------------------------------------------

bool IsArticle(std::string_view lower) {
  return lower == "der" || lower == "die" || lower == "das" || lower == "den" || lower == "dem" || lower == "des" ||
         lower == "the" || lower == "that" || lower == "this" || lower == "these" || lower == "those";
}

bool IsDeterminerLike(const WordView& word) {
  return word.is_word && !word.capitalized && !word.finite && !(word.flags & (kPreposition | kCoordinator | kSubordinator)) &&
         word.entity_inside < 0 && !IsVerbForm(word);
}

// Looks back from the actor's first word for its preposition, skipping articles, adjectives,
// numbers and titles ("an den russischen Präsidenten", "mit Herrn Shoigu").
void FindGoverningWord(const std::vector<WordView>& words, Argument& arg, bool german, bool person) {
  size_t skipped = 0;
  bool title_run = person;  // capitalised words right before a person's name are titles
  for (size_t i = arg.word; i-- > 0 && skipped <= kMaxPrepositionDistance;) {
    const WordView& word = words[i];
    if (word.boundary || !word.is_word) return;
    if (word.flags & kObliqueWord) arg.oblique = true;
    if (word.flags & kNominativeWord) arg.nominative = true;
    if (word.flags & kPreposition) {
      if ((word.lower == "of" || word.lower == "von") && i > 0 && IsQuantityWord(words[i - 1].lower)) {
        ++skipped;  // "dozens of protesters": the quantity is no preposition's object
        continue;
      }
      arg.preposition = word.lower;
      // "eine Delegation von Beamten": the actor is an attribute of the noun before.
      arg.noun_attribute = i > 0 && words[i - 1].is_word && words[i - 1].capitalized && !words[i - 1].finite && german;
      return;
    }
    const bool after_article = i > 0 && IsArticleWord(words[i - 1].lower);  // "des US-Reporters Evan Gershkovich"
    if (title_run && word.capitalized && word.entity_inside < 0 && !word.finite && (IsTitleWord(word.lower) || after_article)) {
      ++skipped;
      continue;
    }
    title_run = false;
    const bool article = IsArticle(word.lower);
    if (word.entity_inside >= 0 || word.finite || (word.flags & (kCoordinator | kSubordinator)) ||
        ((word.flags & kRelativeWord) && !article)) {
      // "des"/"der" after a noun or actor: a genitive attribute ("ein Sprecher des Weißen Hauses").
      return;
    }
    if (german && (word.lower == "des" || (word.lower == "der" && i > 0 && words[i - 1].capitalized && words[i - 1].is_word &&
                                          words[i - 1].entity_inside < 0 && !(words[i - 1].flags & kPreposition)))) {
      arg.genitive = true;
      return;
    }
    if (german && word.capitalized && word.lower != "herrn" && word.lower != "herr" && word.lower != "frau") {
      return;  // a noun of its own
    }
    if (!german && word.capitalized && i + 1 == arg.word && word.lower != "mr." && word.lower != "mrs.") return;
    if (!IsDeterminerLike(word) && !word.capitalized) return;
    ++skipped;
  }
}

// After an actor, a list goes on with a comma or a coordinator (articles may come between).
bool ListContinues(const std::vector<WordView>& words, const Argument& arg) {
  for (uint32_t i = arg.last_word + 1; i < words.size() && i <= arg.last_word + 2; ++i) {
    if (words[i].comma || (words[i].flags & kCoordinator)) return true;
    if (words[i].is_word) return false;
  }
  return false;
}

// Actors joined by commas, "und"/"and" and articles form one coordination: "Deutschland, die USA
// und Frankreich". A later member takes the first member's preposition and case.
void GroupCoordinations(const std::vector<WordView>& words, std::vector<Argument>& args) {
  for (size_t a = 0; a < args.size(); ++a) {
    args[a].group = static_cast<int32_t>(a);
    if (a == 0) continue;
    const Argument& previous = args[a - 1];
    bool coordinated = false, blocked = false, bracketed = false, by_comma_only = true;
    size_t gap = 0;
    for (uint32_t i = previous.last_word + 1; i < args[a].word; ++i) {
      const WordView& word = words[i];
      if (word.flags & kCoordinator) {
        coordinated = true;
        by_comma_only = false;
      } else if (word.comma) {
        coordinated = true;
      }
      else if (word.opens_bracket) bracketed = true;  // "Korean Central News Agency (KCNA)", "Faymann (SPÖ)"
      else if (word.boundary) blocked = true;
      else if (word.is_word && (!IsDeterminerLike(word) || (word.flags & kPreposition))) blocked = true;
      if (word.is_word) ++gap;
    }
    if (bracketed && !blocked && gap == 0) {
      args[a].apposition = true;  // a tag in brackets names the actor before it again
      continue;
    }
    // A comma joins actors only in a list that goes on: "Deutschland, die USA und Frankreich", not
    // "according to the White House, Joe Biden spoke".
    if (coordinated && by_comma_only && !ListContinues(words, args[a])) coordinated = false;
    if (coordinated && !blocked && gap <= kMaxCoordinationGap && args[a].preposition.empty() && !previous.genitive) {
      args[a].group = previous.group;
      args[a].preposition = args[previous.group].preposition;
      args[a].oblique = args[a].oblique || args[previous.group].oblique;
    }
  }
}

}  // namespace

namespace {

// "Wien – …", "NEW DELHI - …", "Addis Abeba/Bujumbura – …": the place names before a dash at
// the start of a sentence are a dateline, not an actor.
bool IsDateline(const std::vector<WordView>& words, const Argument& arg) {
  for (uint32_t i = 0; i < arg.word; ++i) {
    if (words[i].is_word && words[i].entity_inside < 0 && words[i].lower != "/" && !words[i].capitalized) return false;
  }
  for (uint32_t i = arg.last_word + 1; i < words.size() && i <= arg.last_word + 6; ++i) {
    if (words[i].dash) return true;
    if (words[i].is_word && words[i].entity_inside < 0 && !words[i].capitalized && words[i].lower != "/") return false;
  }
  return false;
}

// Country names that take "die" (die Ukraine, die Türkei, die Schweiz): with "der" they are
// dative or genitive. The masculine ones (der Iran, der Sudan) are nominative with "der".
bool IsFeminineCountryName(const Document& doc, const Entity& entity) {
  if (entity.kind != EntityKind::kCountry) return false;
  const std::string_view name = doc.Surface(entity.span);
  return name.ends_with("ei") || name.ends_with("e") || name.ends_with("z");
}

std::vector<Argument> CollectArguments(const Document& doc, const std::vector<WordView>& words, const Clause& clause, bool german) {
  std::vector<Argument> args;
  for (uint32_t i : clause.words) {
    if (words[i].entity_start < 0) continue;
    Argument arg;
    arg.entity = words[i].entity_start;
    arg.word = i;
    arg.last_word = i;
    while (arg.last_word + 1 < words.size() && words[arg.last_word + 1].entity_inside == arg.entity) ++arg.last_word;
    arg.genitive = words[arg.last_word].genitive_s;
    arg.compound_modifier = !words[arg.last_word].compound_head.empty();
    arg.coded = !doc.entities[arg.entity].code.empty();
    if (!german && arg.last_word + 1 < words.size()) {
      const std::string_view next = words[arg.last_word + 1].lower;
      arg.genitive |= next == "'s" || next == "’s" || next == "'";
    }
    FindGoverningWord(words, arg, german, doc.entities[arg.entity].kind == EntityKind::kPerson);
    arg.dateline = IsDateline(words, arg);
    if (german && arg.preposition.empty() && arg.word > 0 && words[arg.word - 1].lower == "der" &&
        IsFeminineCountryName(doc, doc.entities[arg.entity])) {
      arg.oblique = true;  // "der Ukraine", "der Türkei": dative or genitive
    }
    if (clause.type == ClauseType::kInfinitive && !arg.preposition.empty() && words[clause.words.front()].lower == arg.preposition &&
        (arg.preposition == "um" || arg.preposition == "ohne" || arg.preposition == "statt" || arg.preposition == "anstatt")) {
      arg.preposition.clear();  // "um Putin zu treffen": um opens the infinitive
    }
    args.push_back(std::move(arg));
  }
  GroupCoordinations(words, args);
  // "Kim Jong-un, der Führer Nordkoreas, plant …": a second name for the same actor is an apposition.
  for (size_t a = 1; a < args.size(); ++a) {
    const Entity& previous = doc.entities[args[a - 1].entity];
    const Entity& current = doc.entities[args[a].entity];
    if (!current.actor_id.empty() && current.actor_id == previous.actor_id && args[a].word <= args[a - 1].last_word + 3) {
      args[a].apposition = true;
    }
  }
  return args;
}

bool IsCandidate(const Argument& arg) {
  return arg.preposition.empty() && !arg.genitive && !arg.apposition && !arg.speaker && !arg.dateline && !arg.compound_modifier;
}

std::vector<int32_t> GroupOf(const std::vector<Argument>& args, int32_t head) {
  std::vector<int32_t> members;
  for (size_t a = 0; a < args.size(); ++a) {
    if (args[a].group == args[head].group && (args[a].speaker == args[head].speaker)) members.push_back(static_cast<int32_t>(a));
  }
  return members;
}

int32_t FirstCandidate(const std::vector<Argument>& args, bool (*accept)(const Argument&, int32_t), int32_t limit) {
  for (size_t a = 0; a < args.size(); ++a) {
    if (IsCandidate(args[a]) && static_cast<int32_t>(a) == args[a].group && accept(args[a], limit)) return static_cast<int32_t>(a);
  }
  return -1;
}

int32_t GermanSubjectByOrder(const Clause& clause);

// "Eine Delegation von nordkoreanischen Beamten reiste": an uncoded head gives way to its attribute.
int32_t GermanSubject(const Clause& clause) {
  const int32_t subject = GermanSubjectByOrder(clause);
  if (subject < 0 || clause.args[subject].coded) return subject;
  for (size_t a = subject + 1; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (arg.noun_attribute && arg.coded && arg.word <= clause.args[subject].last_word + 5) return arg.group;
  }
  return subject;
}

int32_t GermanSubjectByOrder(const Clause& clause) {
  const std::vector<Argument>& args = clause.args;
  for (size_t a = 0; a < args.size(); ++a) {
    if (IsCandidate(args[a]) && args[a].nominative) return args[a].group;
  }
  const int32_t finite = clause.verb.finite;
  if (clause.type == ClauseType::kMain && finite >= 0) {
    const int32_t before = FirstCandidate(args, [](const Argument& arg, int32_t limit) {
      return static_cast<int32_t>(arg.word) < limit && !arg.oblique;  // "Den Botschafter bestellte das Amt ein"
    }, finite);
    if (before >= 0) return before;
    const int32_t after = FirstCandidate(args, [](const Argument& arg, int32_t limit) { return static_cast<int32_t>(arg.word) > limit && !arg.oblique; }, finite);
    if (after >= 0) return after;
  } else {
    const int32_t first = FirstCandidate(args, [](const Argument& arg, int32_t) { return !arg.oblique; }, 0);
    if (first >= 0) return first;
  }
  // "Eine Delegation von nordkoreanischen Beamten reiste …": the actor inside the subject.
  for (size_t a = 0; a < args.size(); ++a) {
    if (args[a].preposition == "von" && !args[a].speaker && clause.type == ClauseType::kMain &&
        (finite < 0 || static_cast<int32_t>(args[a].word) < finite || args[a].noun_attribute)) {
      return args[a].group;
    }
  }
  return -1;
}

int32_t EnglishSubject(const Clause& clause) {
  const int32_t verb = clause.verb.finite >= 0 ? clause.verb.finite : clause.verb.lexical;
  int32_t subject = -1;
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (verb >= 0 && static_cast<int32_t>(arg.word) > verb) break;
    if (IsCandidate(arg)) subject = arg.group;
  }
  return subject;
}

int32_t FirstObject(const Clause& clause, int32_t subject, bool german) {
  const int32_t verb = clause.verb.lexical >= 0 ? clause.verb.lexical : clause.verb.finite;
  for (size_t a = 0; a < clause.args.size(); ++a) {
    const Argument& arg = clause.args[a];
    if (!IsCandidate(arg) || arg.group == subject || static_cast<int32_t>(a) != arg.group) continue;
    if (!german && verb >= 0 && static_cast<int32_t>(arg.word) < verb) continue;
    if (subject >= 0 && arg.group == clause.args[subject].group) continue;
    return static_cast<int32_t>(a);
  }
  return -1;
}

void ChooseRoles(Clause& clause, bool german) {
  if (clause.verb.passive) {
    for (size_t a = 0; a < clause.args.size(); ++a) {
      const std::string& p = clause.args[a].preposition;
      if ((p == "von" || p == "durch" || p == "by" || p == "vom") && !clause.args[a].speaker) {
        clause.subjects = GroupOf(clause.args, clause.args[a].group);
        break;
      }
    }
    const int32_t patient = german ? FirstCandidate(clause.args, [](const Argument&, int32_t) { return true; }, 0)
                                   : EnglishSubject(clause);
    if (patient >= 0) clause.objects = GroupOf(clause.args, patient);
    return;
  }
  // An infinitive has no subject of its own: it comes from the governing clause.
  const bool elided = (clause.coordinated && !clause.words.empty() && clause.verb.finite == static_cast<int32_t>(clause.words.front())) ||
                      clause.verb.pronoun_subject;
  const bool infinitive = clause.type == ClauseType::kInfinitive || elided;
  const int32_t subject = infinitive ? -1 : german ? GermanSubject(clause) : EnglishSubject(clause);
  if (subject >= 0) clause.subjects = GroupOf(clause.args, subject);
  const int32_t object = FirstObject(clause, subject, german);
  if (object >= 0) clause.objects = GroupOf(clause.args, object);
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

}  // namespace

SentenceAnalysis AnalyseSentence(const Document& doc, uint32_t sentence, const EventLexicon& lexicon) {
  SentenceAnalysis analysis;
  const bool german = IsGerman(lexicon);
  analysis.words = BuildWords(doc, sentence, lexicon);
  const std::vector<WordView>& words = analysis.words;
  std::vector<std::vector<uint32_t>> raw = CutSegments(words);
  if (!german) CutEnglishComplements(words, raw, lexicon);
  std::vector<std::vector<uint32_t>> segments;
  std::vector<bool> coordinated;
  for (const auto& segment : raw) {
    const auto parts = SplitCoordinatedVerbs(words, segment, german);
    for (size_t p = 0; p < parts.size(); ++p) {
      segments.push_back(parts[p]);
      coordinated.push_back(p > 0);
    }
  }
  std::vector<ClauseType> types;
  for (size_t s = 0; s < segments.size(); ++s) types.push_back(TypeOf(words, segments[s], segments[s][0] == 0, lexicon));
  for (size_t s = 0; s < segments.size(); ++s) {
    if (coordinated[s] && types[s] == ClauseType::kFragment) types[s] = ClauseType::kMain;
  }
  const std::vector<uint32_t> appositions = AppositionWords(words, segments, types);
  analysis.clauses = MergeSegments(words, segments, types, coordinated, german);
  LinkGovernors(words, analysis.clauses);
  for (Clause& clause : analysis.clauses) {
    AnalyseVerbGroup(words, clause, lexicon);
    clause.args = CollectArguments(doc, words, clause, german);
    for (Argument& arg : clause.args) {
      arg.apposition = arg.apposition || std::find(appositions.begin(), appositions.end(), arg.word) != appositions.end();
    }
  }
  return analysis;
}

void AssignRoles(SentenceAnalysis& analysis, bool german) {
  for (Clause& clause : analysis.clauses) {
    clause.subjects.clear();
    clause.objects.clear();
    ChooseRoles(clause, german);
  }
}

}  // namespace lagebild
