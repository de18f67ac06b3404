#include "events/clause_internal.h"

#include <algorithm>
#include <unordered_set>
#include "util/lower_case.h"

namespace lagebild {

bool PhraseAt(const std::vector<WordView>& words, size_t i, const std::vector<std::string>& phrase) {
  if (i + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (words[i + k].lower != phrase[k]) return false;
  }
  return true;
}

}  // namespace lagebild

namespace lagebild::clause_internal {

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

// Entities are in text order, so a sentence's entities are one run found by binary search, and
// each entity's tokens follow the previous one's.
void MarkEntities(const Document& doc, uint32_t sentence, std::vector<WordView>& words) {
  const auto first_entity = std::lower_bound(doc.entities.begin(), doc.entities.end(), sentence,
                                             [](const Entity& entity, uint32_t s) { return entity.sentence < s; });
  size_t w = 0;
  for (auto it = first_entity; it != doc.entities.end() && it->sentence == sentence; ++it) {
    const Entity& entity = *it;
    const auto e = static_cast<int32_t>(it - doc.entities.begin());
    while (w < words.size() && doc.tokens[words[w].token].span.end <= entity.span.begin) ++w;
    bool first = true;
    for (size_t k = w; k < words.size(); ++k) {
      WordView& word = words[k];
      const Span span = doc.tokens[word.token].span;
      if (span.begin >= entity.span.end) break;
      word.entity_inside = e;
      if (first) word.entity_start = e;
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
  if (word.entity_inside >= 0 || (word.flags & kNeverFiniteWord)) return false;
  if (word.flags & (kPreposition | kRelativeWord | kObliqueWord | kCoordinator | kSubordinator)) return false;
  if (word.flags & (kWerdenWord | kPerfectWord)) return true;
  if ((word.flags & (kPlannedWord | kPossibleWord)) && lexicon.IsFiniteVerb(word.lower)) return true;
  if (HasFormKind(word, FormKind::kFinite) || HasFormKind(word, FormKind::kPast)) return true;
  if (!IsGerman(lexicon)) return word.flags & kFiniteWord;
  return lexicon.IsFiniteVerb(word.lower);
}

// German compounds take the trigger of their last part: "Waffenverhandlungen" → Verhandlungen,
// "Staatsbesuch" → Besuch. The first part must be at least kMinCompoundModifier bytes long, so
// that "Vorschlag" does not become a "Schlag".
const std::vector<TriggerForm>* CompoundHeadForms(std::string_view lower, const EventLexicon& lexicon) {
  constexpr size_t kMinCompoundModifier = 4;
  constexpr size_t kMinCompoundHead = 4;
  // The longest head first: "waffenverhandlungen" is Verhandlungen, not Handlungen.
  for (size_t start = kMinCompoundModifier; start + kMinCompoundHead <= lower.size(); ++start) {
    if ((static_cast<unsigned char>(lower[start]) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
    if (lower[start] == '-') continue;
    if (const std::vector<TriggerForm>* forms = lexicon.NounForms(lower.substr(start))) return forms;
  }
  return nullptr;
}

// Fixed phrases of the modality categories ("is to", "about to", "has yet to", "noch nicht")
// give their flag to their first word. Only words the lexicon marks as a phrase's first word are
// tried.
void MarkPhrases(std::vector<WordView>& words, const EventLexicon& lexicon) {
  static const std::pair<const char*, uint32_t> kCategories[] = {
      {"planned-words", kPlannedWord}, {"possible-words", kPossibleWord}, {"negation-words", kNegationWord},
      {"conditional-words", kConditionalWord}};
  for (size_t i = 0; i < words.size(); ++i) {
    if ((words[i].flags & kPhraseStart) == 0) continue;
    for (const auto& [category, flag] : kCategories) {
      for (const std::vector<std::string>& phrase : lexicon.Phrases(category)) {
        if (PhraseAt(words, i, phrase)) words[i].flags |= flag;
      }
    }
  }
}

bool IsWordKind(TokenKind kind) {
  return kind == TokenKind::kWord || kind == TokenKind::kNumber || kind == TokenKind::kClitic || kind == TokenKind::kAbbreviation ||
         kind == TokenKind::kInitial || kind == TokenKind::kOrdinal;
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
    word.is_word = IsWordKind(token.kind);
    word.capitalized = token.capitalized;
    if (word.is_word) {
      word.lower = doc.Lower(token);
      word.hash = token.lower_hash;
      word.letters = LetterSet(word.lower);
      word.forms = lexicon.Forms(word.lower, word.hash);
      word.flags = lexicon.WordFlags(word.lower, word.hash, word.capitalized);
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

namespace {

bool AnyWithPatterns(const std::vector<TriggerForm>* forms, const EventLexicon& lexicon) {
  return forms != nullptr && std::any_of(forms->begin(), forms->end(),
                                         [&](const TriggerForm& form) { return !lexicon.PatternsOf(form.lemma).empty(); });
}

// The nouns MarkEntities may give a word as its compound head: whatever follows one of its
// hyphens ("Russland-Besuch"), wherever the entity ends.
bool HyphenHeadMayTrigger(std::string_view surface, const EventLexicon& lexicon) {
  for (size_t hyphen = surface.find('-'); hyphen != std::string_view::npos; hyphen = surface.find('-', hyphen + 1)) {
    if (hyphen + 1 < surface.size() && AnyWithPatterns(lexicon.Forms(LowerCase(surface.substr(hyphen + 1))), lexicon)) return true;
  }
  return false;
}

}  // namespace

}  // namespace lagebild::clause_internal

namespace lagebild {

// Follows where the coder finds triggers: a clause's verb lemma and its noun triggers come from
// BuildWords' forms (compound heads included), actor compounds from MarkEntities' compound heads.
// A superset of those: the compound head is tried whether or not the word is inside an entity.
bool MayTriggerEvent(const Document& doc, uint32_t sentence, const EventLexicon& lexicon) {
  using clause_internal::AnyWithPatterns;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.first_token; t < s.last_token; ++t) {
    const Token& token = doc.tokens[t];
    const std::string_view surface = doc.Surface(token.span);
    const bool hyphenated = !token.plain_word && surface.find('-') != std::string_view::npos;
    if (hyphenated && clause_internal::HyphenHeadMayTrigger(surface, lexicon)) return true;
    if (!clause_internal::IsWordKind(token.kind)) continue;
    const std::string_view lower = doc.Lower(token);
    const std::vector<TriggerForm>* forms = lexicon.Forms(lower, token.lower_hash);
    if (forms == nullptr && lexicon.german() && token.capitalized) forms = clause_internal::CompoundHeadForms(lower, lexicon);
    if (AnyWithPatterns(forms, lexicon)) return true;
  }
  return false;
}

bool HasSubjectPronoun(const Document& doc, uint32_t sentence, const EventLexicon& lexicon) {
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.first_token; t < s.last_token; ++t) {
    const Token& token = doc.tokens[t];
    // Not capitalized: that only adds kTitleWord, by comparing endings.
    if (clause_internal::IsWordKind(token.kind) && (lexicon.WordFlags(doc.Lower(token), token.lower_hash, false) & kSubjectPronoun)) {
      return true;
    }
  }
  return false;
}

}  // namespace lagebild
