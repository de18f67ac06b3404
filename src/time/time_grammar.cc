#include "time/time_grammar.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <initializer_list>

#include <fmt/format.h>

#include "time/time_grammar_internal.h"
#include "util/first_byte_index.h"
#include "util/lower_case.h"

namespace lagebild {

using time_grammar::AllDigits;
using time_grammar::Category;
using time_grammar::CalendarDay;
using time_grammar::DirectionOf;
using time_grammar::Fixed;
using time_grammar::IsAny;
using time_grammar::IsArticle;
using time_grammar::IsRangeWord;
using time_grammar::IsYearNumber;
using time_grammar::JoinWords;
using time_grammar::Offset;
using time_grammar::Range;
using time_grammar::ToInt;
using time_grammar::WordOf;
using time_grammar::YearRangeToken;

namespace {

// German compounds the lexicon does not list but the grammar reads: "Mittwochabend",
// "jahrelang", "siebentägigen", "Fünfzigerjahren", "freitags".
constexpr std::string_view kTimeCompoundParts[] = {"tag",   "täg",   "woch",   "wöch",  "monat",  "jahr", "jähr",
                                                    "lang",  "stünd", "abend",  "morgen", "nacht", "mittag", "ziger"};

// The parts may start at any byte of a word, and their first bytes ('t', 'm', 'n', …) are among
// the commonest: a filter of their first three bytes rules out nearly every position (trying the
// parts by first byte cost 250,000 mispredicted branches on 200 German news articles).
constexpr PrefixFilter<3> kTimeCompoundStarts(kTimeCompoundParts, [](std::string_view part) { return part; });

bool MayBeTimeCompound(std::string_view lower) {
  if (lower.size() < 6) return false;
  return kTimeCompoundStarts.AnyConfirmedStart(lower, [&](size_t at) {
    const std::string_view rest = lower.substr(at);
    return std::any_of(std::begin(kTimeCompoundParts), std::end(kTimeCompoundParts),
                       [&](std::string_view part) { return rest.starts_with(part); });
  });
}

// Words that only modify a time expression — articles, quotes, "in", "about", "a", "last",
// "two" — can start one only if a word that can carry it follows within this many tokens.
constexpr size_t kModifierReach = 3;

bool IsModifierCategory(Category category) {
  switch (category) {
    case Category::kNumber:
    case Category::kApprox:
    case Category::kLater:
    case Category::kDirection:
    case Category::kAgo:
      return true;
    default:
      return false;
  }
}

// Words the matchers read as written rather than from the lexicon, after an article or a
// modifier ("the future", "the foreseeable future", "a couple of weeks", "fiscal 1987").
constexpr std::string_view kNounsOfTheGrammar[] = {
    "future", "past", "near", "distant", "foreseeable", "year", "quarter", "century", "couple",
    "few", "fiscal", "latest", "later", "earlier", "jahr", "jahres", "jahre", "jahren", "jahrs", "tages", "tags"};

// Their first three letters, which rule out nearly every other word with one look-up.
constexpr PrefixFilter<3> kNounsOfTheGrammarStarts(kNounsOfTheGrammar, [](std::string_view noun) { return noun; });

const FlatStringSet<std::string_view>& NounsOfTheGrammar() {
  static const FlatStringSet<std::string_view> nouns = [] {
    FlatStringSet<std::string_view> set;
    for (const std::string_view noun : kNounsOfTheGrammar) set.insert(noun);
    return set;
  }();
  return nouns;
}

// Asked of most tokens: a filter inlined into the caller, then one hashed look-up, not 21
// comparisons.
inline bool IsNounOfTheGrammar(std::string_view lower, uint64_t lower_hash) {
  return kNounsOfTheGrammarStarts.MayStartAt(lower, 0) && NounsOfTheGrammar().contains(lower, lower_hash);
}

bool IsNounOfTheGrammar(const TimeToken& token) { return IsNounOfTheGrammar(token.lower, token.lower_hash); }

// English words that some matcher reads as written rather than from the lexicon: "the future",
// "the past" (MatchReference), "the quarter" (MatchQuarter), "tonight" (MatchDayRelative), "two
// thousand" (ReadSpokenYear).
constexpr std::string_view kEnglishWordsReadAsWritten[] = {"future", "past", "quarter", "tonight", "thousand"};
constexpr std::array<uint16_t, 256> kEnglishWordsReadAsWrittenByFirstByte =
    IndexByFirstByte(kEnglishWordsReadAsWritten, [](std::string_view word) { return word; });

bool IsEnglishWordReadAsWritten(const TimeToken& token) {
  return IsListedWord(token.lower, kEnglishWordsReadAsWritten, kEnglishWordsReadAsWrittenByFirstByte);
}

// A bit per byte for the digits and the hyphen: a token's bytes are OR-ed in a branch-free loop.
constexpr uint8_t kDigitMark = 1, kHyphenMark = 2;
constexpr std::array<uint8_t, 256> kDigitOrHyphen = [] {
  std::array<uint8_t, 256> marks{};
  for (char c = '0'; c <= '9'; ++c) marks[static_cast<unsigned char>(c)] = kDigitMark;
  marks['-'] = kHyphenMark;
  return marks;
}();

// "Q1" … "Q4" (MatchQuarter).
bool IsQuarterToken(std::string_view text) { return text.size() == 2 && text[0] == 'Q' && text[1] >= '1' && text[1] <= '4'; }

}  // namespace

// What the tokens of a sentence hold, as far as the matchers' necessary conditions need it
// (kMatcherRules).
struct TimeGrammar::Features {
  uint32_t categories = 0;         // a bit per TimeWordCategory of the tokens' lexicon words
  bool digit = false;              // "2023", "5.9.2023", "1990er", "14.30"
  bool quarter_token = false;      // "Q1" … "Q4"
  bool hyphen = false;             // "mid-September", "three-year", "third-quarter", "ninety-six"
  bool phrase_start = false;       // the first word of a lexicon phrase: "vor kurzem", "Christmas Eve"
  bool time_compound = false;      // German: "jahrelang", "siebentägigen", "Fünfzigerjahren"
  bool weekday_compound = false;   // German: a capitalised word long enough for "Mittwochabend"
  bool weekday_plural = false;     // "freitags", "Fridays": the shape MatchSet reads a weekday from
  bool english_literal = false;    // IsEnglishWordReadAsWritten

  bool Word(Category category) const { return (categories >> static_cast<unsigned>(category) & 1) != 0; }
};

// `start` is MayStart's answer for the token. Called for every token (Prepare), like MayStart:
// both are inlined there (saving and restoring registers was a third of NoteFeatures' instructions).
[[gnu::always_inline]] inline void TimeGrammar::NoteFeatures(const TimeToken& token, Start start, Features& has) const {
  for (const TimeWord& word : token.words) has.categories |= 1u << static_cast<unsigned>(word.category);
  has.weekday_compound = has.weekday_compound || (german_ && token.capitalized && token.lower.size() >= 9);
  has.weekday_plural = has.weekday_plural || (token.lower.size() > 5 && token.lower.back() == 's' && token.capitalized != german_);
  has.english_literal = has.english_literal || (!german_ && IsEnglishWordReadAsWritten(token));
  // MayStart answers kYes to a digit, a hyphenated word, a German compound and a phrase start, and
  // kModifier to "-": a kNo token has none of them.
  if (start == Start::kNo) return;
  has.digit = has.digit || token.has_digit;
  has.quarter_token = has.quarter_token || IsQuarterToken(token.text);
  has.hyphen = has.hyphen || token.has_hyphen;
  has.phrase_start = has.phrase_start || token.starts_phrase;
  has.time_compound = has.time_compound || (german_ && MayBeTimeCompound(token.lower));
}

// A time expression needs a word that carries it (KeepModifiersBeforeTimeWords): one that
// MayStart answers kYes, a clock word ("Uhr") or a noun of the grammar ("the past"). Articles,
// prepositions, "two" and tense cues alone start none. Asked before Prepare, which builds a
// TimeToken for every token: half the sentences of the news corpora have no such word.
bool TimeGrammar::MayHoldTime(const Document& doc, const Sentence& sentence) const {
  const auto carries = [](const TimeWord& word) {
    return word.category != Category::kFuture && word.category != Category::kPast && !IsModifierCategory(word.category);
  };
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    const Token& token = doc.tokens[i];
    if (token.kind == TokenKind::kNumber || token.kind == TokenKind::kOrdinal) return true;
    const std::string_view lower = doc.Lower(token);
    const bool digit_or_hyphen = !token.plain_word && std::any_of(lower.begin(), lower.end(), [](char c) {
      return kDigitOrHyphen[static_cast<unsigned char>(c)] != 0;
    });
    if (digit_or_hyphen && token.kind != TokenKind::kUrl && (lower.size() > 1 || lower[0] != '-')) return true;
    const TimeLexicon::Found found = lexicon_.Find(lower, token.lower_hash);
    std::span<const TimeWord> words = found.words;
    if (words.empty() && lower.size() > 2 && lower.back() == '.') words = lexicon_.Lookup(lower.substr(0, lower.size() - 1));
    if (std::any_of(words.begin(), words.end(), carries) || IsNounOfTheGrammar(lower, token.lower_hash)) return true;
    if (found.starts_phrase && PhraseStartsAt(doc, sentence, i)) return true;
    if (german_ ? MayBeTimeCompound(lower)
                : token.capitalized && lower.size() > 5 && lower.back() == 's' && SingularIsWeekday(lower)) {
      return true;
    }
  }
  return false;
}

void TimeGrammar::CheckSkippedSentence([[maybe_unused]] const Document& doc, [[maybe_unused]] const Sentence& sentence) const {
#ifndef NDEBUG
  const TimeSentence prepared = Prepare(doc, sentence);
  const auto starts = std::find_if(prepared.tokens.begin(), prepared.tokens.end(), [](const TimeToken& token) { return token.may_start; });
  if (starts != prepared.tokens.end()) {
    std::fprintf(stderr, "time grammar: a sentence MayHoldTime skipped may start an expression at \"%.*s\"\n",
                 static_cast<int>(starts->text.size()), starts->text.data());
    std::abort();
  }
#endif
}

TimeSentence TimeGrammar::Prepare(const Document& doc, const Sentence& sentence) const {
  TimeSentence prepared;
  std::vector<TimeToken>& tokens = prepared.tokens;
  Features features;
  tokens.reserve(sentence.last_token - sentence.first_token);
  size_t last_modifier = SIZE_MAX;  // the index of the last modifier so far
  auto entity = std::lower_bound(doc.entities.begin(), doc.entities.end(), doc.tokens[sentence.first_token].span.begin,
                                 [](const Entity& e, uint32_t offset) { return e.span.end <= offset; });
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    const Token& source = doc.tokens[i];
    TimeToken token;
    token.text = doc.Surface(source.span);
    token.lower = doc.Lower(source);
    token.lower_hash = source.lower_hash;
    token.kind = source.kind;
    token.capitalized = source.capitalized;
    token.sentence_start = i == sentence.first_token;
    while (entity != doc.entities.end() && entity->span.end <= source.span.begin) ++entity;
    token.in_entity = entity != doc.entities.end() && entity->span.begin <= source.span.begin;
    const TimeLexicon::Found found = lexicon_.Find(token.lower, token.lower_hash);
    token.words = found.words;
    token.starts_phrase = found.starts_phrase && PhraseStartsAt(doc, sentence, i);
    if (token.words.empty() && token.lower.size() > 2 && token.lower.back() == '.') {
      token.words = lexicon_.Lookup(token.lower.substr(0, token.lower.size() - 1));  // "Sept." → "sept"
    }
    uint8_t marks = 0;  // one pass for what MayStart and NoteFeatures ask
    if (!source.plain_word) {
      for (const char c : token.lower) marks |= kDigitOrHyphen[static_cast<unsigned char>(c)];
    }
    token.has_digit = (marks & kDigitMark) != 0;
    token.has_hyphen = (marks & kHyphenMark) != 0;
    if (token.has_digit && token.text.size() <= 4 && AllDigits(token.text)) token.number = ToInt(token.text);
    if (source.kind == TokenKind::kOrdinal && token.text.size() <= 3) token.ordinal = ToInt(token.text.substr(0, token.text.size() - 1));
    if (!german_ && token.has_digit && token.lower.size() >= 3 && token.lower.size() <= 4) {  // "3rd", "21st"
      const std::string_view suffix = token.lower.substr(token.lower.size() - 2);
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        token.ordinal = ToInt(token.lower.substr(0, token.lower.size() - 2));
      }
    }
    const Start start = MayStart(token);
    token.may_start = start != Start::kNo;
    token.modifier = start == Start::kModifier;
    token.after_modifier = last_modifier != SIZE_MAX && tokens.size() - last_modifier <= kModifierReach;
    if (token.modifier) last_modifier = tokens.size();
    NoteFeatures(token, start, features);
    tokens.push_back(std::move(token));
  }
  KeepModifiersBeforeTimeWords(tokens);
  prepared.possible_matchers = PossibleMatchers(features);
  return prepared;
}

// "Fridays" (MatchSet reads "on Fridays"), asked of a capitalised English word of more than five
// letters in -s: not every such word ("Reuters", "States"), which would try every matcher at each.
bool TimeGrammar::SingularIsWeekday(std::string_view lower) const {
  const std::span<const TimeWord> words = lexicon_.Lookup(lower.substr(0, lower.size() - 1));
  return std::any_of(words.begin(), words.end(), [](const TimeWord& word) { return word.category == Category::kWeekday; });
}

// Whether a phrase of the lexicon ("at least", "vor kurzer Zeit", "Christmas Eve") starts at
// token i of the document: "at", "more" and "vor" alone start none.
bool TimeGrammar::PhraseStartsAt(const Document& doc, const Sentence& sentence, uint32_t i) const {
  std::string phrase(doc.Lower(doc.tokens[i]));
  for (uint32_t k = i + 1; k < sentence.last_token && k - i < lexicon_.longest_phrase_words(); ++k) {
    (phrase += ' ') += doc.Lower(doc.tokens[k]);
    if (!lexicon_.Lookup(phrase).empty()) return true;
  }
  return false;
}

// Whether matching at the token is worth trying: a time word, a number, an article or a phrase
// start. kModifier when it can only begin an expression that a later word carries.
[[gnu::always_inline]] inline TimeGrammar::Start TimeGrammar::MayStart(const TimeToken& token) const {
  if (token.kind == TokenKind::kUrl) return Start::kNo;  // "#39", "www.example.com/2023/09/05"
  if (token.kind == TokenKind::kNumber || token.ordinal > 0 || token.has_digit ||
      (!german_ && token.capitalized && token.lower.size() > 5 && token.lower.back() == 's' && SingularIsWeekday(token.lower))) {
    return Start::kYes;
  }
  const auto starting = [](const TimeWord& word) {
    return word.category != Category::kFuture && word.category != Category::kPast && word.category != Category::kClock;
  };
  const bool starting_word = std::any_of(token.words.begin(), token.words.end(), starting);
  const bool carrying_word = std::any_of(token.words.begin(), token.words.end(), [&](const TimeWord& word) {
    return starting(word) && !IsModifierCategory(word.category);
  });
  const bool hyphenated_word = token.lower.size() > 1 && token.has_hyphen && token.kind != TokenKind::kPunctuation;  // "mid-September", not "--"
  if (carrying_word || hyphenated_word || (german_ && MayBeTimeCompound(token.lower)) || token.starts_phrase) {
    return Start::kYes;
  }
  const std::string_view lower = token.lower;
  if (starting_word || token.kind == TokenKind::kQuote || IsArticle(&token, german_) || (lower.size() == 1 && lower[0] == '-') ||
      (german_ && lower.size() == 2 && (lower == "im" || lower == "am"))) {
    return Start::kModifier;
  }
  return Start::kNo;
}

namespace {

// A lexicon word other than a tense cue ("will", "said", "wurde"): those only tell the tense.
bool CarriesTime(const TimeToken& token) {
  return std::any_of(token.words.begin(), token.words.end(), [](const TimeWord& word) {
    return word.category != Category::kFuture && word.category != Category::kPast;
  });
}

}  // namespace

// A modifier keeps its start only when a time word follows within kModifierReach tokens
// (through other modifiers: "in the last two weeks"); otherwise the matchers would be tried at
// every article and preposition of the text.
void TimeGrammar::KeepModifiersBeforeTimeWords(std::vector<TimeToken>& tokens) const {
  size_t next_carrier = SIZE_MAX;  // the nearest time word to the right, or a start ("the future", "the 3rd")
  for (size_t i = tokens.size(); i-- > 0;) {
    TimeToken& token = tokens[i];
    if (token.modifier) token.may_start = next_carrier != SIZE_MAX && next_carrier - i <= kModifierReach;
    // Only a modifier up to kModifierReach tokens before asks whether this one carries.
    if (!token.after_modifier) continue;
    // "past" modifies ("the past week") and carries ("the past").
    if (token.may_start || (!token.modifier && CarriesTime(token)) || IsNounOfTheGrammar(token)) next_carrier = i;
  }
}

Tense TimeGrammar::TenseOf(const std::vector<TimeToken>& tokens) const { return TenseBetween(tokens, 0, tokens.size()); }

namespace {

// An English verb in the regular past ("announced", "rolled"): a lower-case word in -ed that is
// not in -eed ("need", "proceed") nor after an article or "to" ("the armed forces"); a form
// after be ("is owned") is a passive of any tense and does not count.
bool RegularPastForm(const std::vector<TimeToken>& tokens, size_t i) {
  const TimeToken& token = tokens[i];
  if (token.kind != TokenKind::kWord || token.capitalized || token.lower.size() < 5) return false;
  if (!token.lower.ends_with("ed") || token.lower.ends_with("eed") || token.lower.find('-') != std::string::npos) return false;
  if (i == 0) return true;
  return !IsAny(&tokens[i - 1], "the", "a", "an", "to", "is", "are", "be", "being", "'s", "this", "these", "its", "their");
}

}  // namespace

// Future wins over past, except that a German modal with a perfect infinitive reports the past
// ("soll ihn getötet haben").
Tense TimeGrammar::TenseBetween(const std::vector<TimeToken>& tokens, size_t first, size_t last) const {
  bool past = false, future = false, modal = false, perfect_infinitive = false;
  for (size_t i = first; i < last; ++i) {
    const TimeToken& token = tokens[i];
    if (WordOf(&token, Category::kFuture)) {
      future = true;
      modal = modal || (german_ && IsAny(&token, "soll", "sollen", "will", "wollen"));
    }
    if (WordOf(&token, Category::kPast) || (!german_ && RegularPastForm(tokens, i))) past = true;
    if (modal && IsAny(&token, "haben", "sein", "worden")) perfect_infinitive = true;
  }
  if (future && !(modal && perfect_infinitive)) return Tense::kFuture;
  return past || perfect_infinitive ? Tense::kPast : Tense::kUnknown;
}

namespace {

// Words and signs that bound the clause of a time expression (ClauseTense).
constexpr std::string_view kClauseBoundaries[] = {",", ";", ":", "(", ")", "–", "—", "dass", "that", "weil", "because", "while", "während"};
constexpr std::array<uint16_t, 256> kClauseBoundariesByFirstByte =
    IndexByFirstByte(kClauseBoundaries, [](std::string_view word) { return word; });

bool IsClauseBoundary(const TimeToken& token) { return IsListedWord(token.lower, kClauseBoundaries, kClauseBoundariesByFirstByte); }

}  // namespace

Tense TimeGrammar::ClauseTense(const std::vector<TimeToken>& tokens, size_t first, size_t last, Tense sentence_tense) const {
  auto boundary = [&](size_t i) { return IsClauseBoundary(tokens[i]); };
  size_t begin = first, end = last;
  while (begin > 0 && !boundary(begin - 1)) --begin;
  while (end < tokens.size() && !boundary(end)) ++end;
  const Tense clause = TenseBetween(tokens, begin, end);
  return clause != Tense::kUnknown ? clause : sentence_tense;
}

TimeGrammar::Bound TimeGrammar::BoundBefore(const std::vector<TimeToken>& tokens, size_t first) const {
  if (first == 0) return Bound::kNone;
  const TimeToken* before = &tokens[first - 1];
  if (german_ && first >= 2 && IsAny(before, "zum", "zur", "in", "ins", "im", "nach", "auf")) before = &tokens[first - 2];
  if (german_ ? IsAny(before, "bis", "spätestens") : IsAny(before, "until", "by", "till")) return Bound::kUntil;
  if (german_ ? IsAny(before, "seit", "ab") : IsAny(before, "since")) return Bound::kFrom;
  return Bound::kNone;
}

bool TimeGrammar::IsYearContext(const std::vector<TimeToken>& tokens, size_t i) const {
  const TimeToken* before = i > 0 ? &tokens[i - 1] : nullptr;
  const TimeToken* after = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
  if (after == nullptr || after->kind == TokenKind::kPunctuation || after->kind == TokenKind::kBracket ||
      after->kind == TokenKind::kQuote) {
    return true;
  }
  // Counts come with approximations ("rund 2000"), units and nouns ("2000 Soldaten", "1600 km").
  if (WordOf(before, Category::kApprox) || after->kind == TokenKind::kSymbol ||
      IsAny(after, "prozent", "percent", "per", "km", "m", "kg", "t", "mio", "mio.", "mrd", "mrd.")) {
    return false;
  }
  const int year = tokens[i].number;
  // German counts are mostly round ("2000 Soldaten"); a capitalised noun after 1917 is a clause
  // going on ("1917 Meutereien … gegeben").
  if (german_ && after->kind == TokenKind::kWord && after->capitalized && !WordOf(after, Category::kMonth) &&
      !WordOf(after, Category::kWeekday) && year % 100 == 0) {
    return false;
  }
  if (!german_ && year >= 1900 && year <= 2100) return true;  // English counts take a comma: "2,000 soldiers"
  if (german_ && after->kind == TokenKind::kWord) return true;
  if (WordOf(before, Category::kMonth) || WordOf(before, Category::kSeason) || WordOf(before, Category::kPosition)) return true;
  if (german_) {
    return IsAny(before, "im", "jahr", "jahre", "jahres", "seit", "bis", "ab", "von", "vom", "zwischen", "und", "nach",
                 "vor", "anfang", "ende", "mitte", "beginn", "in", "um", "gegen", "für", "frühjahr");
  }
  return IsAny(before, "in", "since", "until", "by", "from", "to", "between", "and", "of", "during", "before",
               "after", "year", "around", "early", "late", "mid", "through", "for", "spring", "summer");
}

std::optional<TimeMatch> TimeGrammar::MatchAt(const TimeSentence& sentence, size_t i, Tense tense) const {
  const std::vector<TimeToken>& tokens = sentence.tokens;
  if (!tokens[i].may_start) return std::nullopt;
  Cursor at{tokens, i, i, tense};
  std::optional<TimeMatch> best = MatchWithPosition(at, sentence.possible_matchers);
  Cursor core{tokens, i, i, tense};
  std::optional<TimeMatch> plain = MatchCore(core, sentence.possible_matchers);
  if (plain && (!best || plain->last > best->last)) best = plain;
  if (!best) return best;
  ExtendToRange(sentence, *best);
  // "den 3. Oktober", "dem Jahr 1990", "the 3rd of October": the article belongs to the expression.
  const TimeToken& first = tokens[best->first];
  const SpecKind kind = best->spec.kind;
  const bool calendar = kind == SpecKind::kCalendar || kind == SpecKind::kRange || IsAny(&first, "jahr", "jahres", "year");
  const bool english_noun = !german_ && (!best->spec.season.empty() || best->spec.unit == "WE" ||
                                         IsAny(&first, "future", "year") || first.ordinal > 0 || WordOf(&first, Category::kOrdinal));
  if ((german_ ? calendar : english_noun) && best->first > 0 && !IsArticle(&first, german_) &&
      IsArticle(&tokens[best->first - 1], german_)) {
    --best->first;
  }
  return best;
}

// "Montag bis Mittwoch", "März bis Mai", "zwischen Januar und März", "from Monday to Wednesday".
void TimeGrammar::ExtendToRange(const TimeSentence& sentence, TimeMatch& match) const {
  const std::vector<TimeToken>& tokens = sentence.tokens;
  const SpecKind kind = match.spec.kind;
  if (kind != SpecKind::kCalendar && kind != SpecKind::kWeekday) return;
  const TimeToken* link = match.last < tokens.size() ? &tokens[match.last] : nullptr;
  const bool between = match.first > 0 && IsAny(&tokens[match.first - 1], "zwischen", "between");
  if (!IsRangeWord(link, german_) && !(between && IsAny(link, "und", "and"))) return;
  if (match.last + 1 >= tokens.size()) return;
  Cursor next{tokens, match.last + 1, match.last + 1, Tense::kUnknown};
  std::optional<TimeMatch> end = MatchCore(next, sentence.possible_matchers);
  if (!end || end->spec.kind != kind || end->spec.mod != match.spec.mod) return;
  if (kind == SpecKind::kCalendar && (end->spec.month < 0) != (match.spec.month < 0)) return;
  TimeSpec from = std::move(match.spec);
  if (kind == SpecKind::kCalendar && from.year < 0 && !from.year_is_relative && end->spec.year >= 0) from.year = end->spec.year;
  match.spec = Range(std::move(from), std::move(end->spec));
  match.last = end->last;
}

// A matcher of MatchCore and a condition on the sentence without which it matches at no token.
struct TimeGrammar::MatcherRule {
  std::optional<TimeMatch> (TimeGrammar::*match)(Cursor&) const;
  bool (*possible)(const Features& has, bool german);
};

// Each condition is one the matcher (and every helper it calls) needs for any match; a weaker one
// only costs time, a stronger one would lose expressions.
const TimeGrammar::MatcherRule TimeGrammar::kMatcherRules[17] = {
    // a date in digits: "2023-09-05", "5.9.2023", "9/5/2023"
    {&TimeGrammar::MatchNumericDate, [](const Features& has, bool) { return has.digit; }},
    // every form names the month (MonthOf, MatchDayInList): "5. September", "Sept. 10"
    {&TimeGrammar::MatchDayMonth, [](const Features& has, bool) { return has.Word(Category::kMonth); }},
    // the weekday's word, or a German compound (WeekdayCompound) capitalised and of 9 bytes or more
    {&TimeGrammar::MatchWeekday, [](const Features& has, bool) { return has.Word(Category::kWeekday) || has.weekday_compound; }},
    // the month's word, or English "mid-September"
    {&TimeGrammar::MatchMonth, [](const Features& has, bool german) { return has.Word(Category::kMonth) || (!german && has.hyphen); }},
    // digits, or an English year read out (ReadSpokenYear): a number word, "ninety-six", "two thousand"
    {&TimeGrammar::MatchYear,
     [](const Features& has, bool german) {
       return has.digit || (!german && (has.Word(Category::kNumber) || has.hyphen || has.english_literal));
     }},
    // "1990er", "the 1990s"; German "fünfziger", "mid-…" (a word after the prefix), "Fünfzigerjahren"
    {&TimeGrammar::MatchDecade,
     [](const Features& has, bool german) {
       return has.digit || has.Word(Category::kDecade) || (german && (has.hyphen || has.time_compound));
     }},
    // "Jahrhundert", "century": a unit
    {&TimeGrammar::MatchCentury, [](const Features& has, bool) { return has.Word(Category::kUnit); }},
    // the season's word: "Sommer", "winter"
    {&TimeGrammar::MatchSeason, [](const Features& has, bool) { return has.Word(Category::kSeason); }},
    // "Q3", "dritten Quartal" (an ordinal), English "third-quarter", "the quarter"
    {&TimeGrammar::MatchQuarter,
     [](const Features& has, bool german) {
       return has.quarter_token || has.Word(Category::kOrdinal) || (!german && (has.hyphen || has.english_literal));
     }},
    // "Vorjahr"; a unit: "letzte Woche", "am Wochenende"; "am selben Abend" (SameOrNextDaypart)
    {&TimeGrammar::MatchRelativeUnit,
     [](const Features& has, bool) {
       return has.Word(Category::kOffset) || has.Word(Category::kUnit) || has.Word(Category::kDaypart);
     }},
    // "gestern"; English "this morning", "tonight"
    {&TimeGrammar::MatchDayRelative,
     [](const Features& has, bool german) {
       return has.Word(Category::kDayRelative) || has.Word(Category::kDaypart) || (!german && has.english_literal);
     }},
    // the unit counted: "vor drei Jahren", "two years ago"
    {&TimeGrammar::MatchAgoOrAhead, [](const Features& has, bool) { return has.Word(Category::kUnit); }},
    // a unit; English "three-year"; German "jahrelang", "siebentägigen" (MatchDurationAdjective)
    {&TimeGrammar::MatchDuration,
     [](const Features& has, bool german) {
       return has.Word(Category::kUnit) || (!german && has.hyphen) || (german && has.time_compound);
     }},
    // "täglich", "jeden"; "freitags", "on Fridays"; German "einmal im Jahr" (a unit)
    {&TimeGrammar::MatchSet,
     [](const Features& has, bool german) {
       return has.Word(Category::kSet) || has.weekday_plural || (german && has.Word(Category::kUnit));
     }},
    // "bald"; a phrase: "vor kurzem"; English "the future", "the past"
    {&TimeGrammar::MatchReference,
     [](const Features& has, bool german) {
       return has.Word(Category::kRef) || has.phrase_start || (!german && has.english_literal);
     }},
    // "10 Uhr", "14.30"; "noon"; German "am Nachmittag"
    {&TimeGrammar::MatchClock,
     [](const Features& has, bool german) {
       return has.digit || has.Word(Category::kClock) || (german && has.Word(Category::kDaypart));
     }},
    // "Weihnachten"; a phrase: "Christmas Eve"
    {&TimeGrammar::MatchHoliday, [](const Features& has, bool) { return has.Word(Category::kHoliday) || has.phrase_start; }},
};

// Debug builds (the sanitizer tests among them) run a skipped matcher anyway and stop if it
// matches: its condition in kMatcherRules is then too strict and loses expressions.
void TimeGrammar::CheckSkippedMatcher([[maybe_unused]] const Cursor& at, [[maybe_unused]] size_t rule) const {
#ifndef NDEBUG
  Cursor attempt = at;
  const std::optional<TimeMatch> found = (this->*kMatcherRules[rule].match)(attempt);
  if (found && found->last > found->first) {
    std::fprintf(stderr, "time grammar: matcher %zu was skipped by its kMatcherRules condition but matches at token %zu\n",
                 rule, at.pos);
    std::abort();
  }
#endif
}

// Bit k when the sentence meets the condition of the k-th rule.
uint32_t TimeGrammar::PossibleMatchers(const Features& has) const {
  uint32_t possible = 0;
  for (size_t k = 0; k < std::size(kMatcherRules); ++k) {
    if (kMatcherRules[k].possible(has, german_)) possible |= 1u << k;
  }
  return possible;
}

std::optional<TimeMatch> TimeGrammar::MatchCore(Cursor& at, uint32_t possible_matchers) const {
  std::optional<TimeMatch> best;
  for (size_t k = 0; k < std::size(kMatcherRules); ++k) {
    if ((possible_matchers >> k & 1) == 0) {
      CheckSkippedMatcher(at, k);
      continue;
    }
    Cursor attempt = at;
    std::optional<TimeMatch> found = (this->*kMatcherRules[k].match)(attempt);
    if (found && found->last > found->first && (!best || found->last > best->last)) best = std::move(found);
  }
  if (best) at.pos = best->last;
  return best;
}

// "Anfang August", "Ende des Monats", "Mitte der 1990er Jahre", "early next year", "the end of
// last year", "mid-September".
std::optional<TimeMatch> TimeGrammar::MatchWithPosition(Cursor& at, uint32_t possible_matchers) const {
  if (!german_ && IsArticle(at.Peek(), false) && WordOf(at.Peek(1), Category::kPosition)) ++at.pos;
  const TimeToken* first = at.Peek();
  const TimeWord* position = WordOf(first, Category::kPosition);
  if (position == nullptr) return std::nullopt;
  if (german_ && !first->capitalized && first->lower.rfind("früh", 0) != 0 && first->lower.rfind("spät", 0) != 0) {
    return std::nullopt;
  }
  ++at.pos;
  if (german_ ? IsAny(at.Peek(), "des", "der") : IsAny(at.Peek(), "of")) {
    ++at.pos;
    if (!german_ && IsArticle(at.Peek(), false)) ++at.pos;
    if (const TimeWord* unit = WordOf(at.Peek(), Category::kUnit)) {
      ++at.pos;
      TimeSpec spec = Offset(std::string(unit->value), 0);
      if (unit->value == "Y" && at.Peek() != nullptr && IsYearNumber(at.Peek()->number)) {
        spec = Fixed(calendar::FormatYear(at.Peek()->number));  // "Ende des Jahres 1939"
        ++at.pos;
      }
      spec.mod = std::string(position->value);
      return at.Make(std::move(spec));
    }
  }
  Cursor rest{at.tokens, at.pos, at.pos, at.tense};
  std::optional<TimeMatch> core = MatchCore(rest, possible_matchers);
  if (!core || core->spec.type != TimeType::kDate || core->spec.kind == SpecKind::kWeekday ||
      core->spec.kind == SpecKind::kRange) {
    return std::nullopt;
  }
  at.pos = core->last;
  TimeSpec spec = std::move(core->spec);
  spec.mod = std::string(position->value);
  return at.Make(std::move(spec));
}

std::optional<TimeMatch> TimeGrammar::MatchNumericDate(Cursor& at) const {
  const TimeToken* token = at.Peek();
  if (token == nullptr || token->kind != TokenKind::kNumber) return std::nullopt;
  const std::string_view text = token->text;
  TimeSpec spec;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    spec = CalendarDay(ToInt(text.substr(0, 4)), ToInt(text.substr(5, 2)), ToInt(text.substr(8, 2)));
  } else {
    const char separator = german_ ? '.' : '/';
    const size_t first = text.find(separator), second = text.find(separator, first + 1);
    const size_t year_digits = second == std::string_view::npos ? 0 : text.size() - second - 1;
    if (first == std::string_view::npos || second == std::string_view::npos || (year_digits != 4 && !(german_ && year_digits == 2))) {
      return std::nullopt;
    }
    const int a = ToInt(text.substr(0, first)), b = ToInt(text.substr(first + 1, second - first - 1));
    int year = ToInt(text.substr(second + 1));
    if (german_ && text.size() - second - 1 == 2) year += year <= 30 ? 2000 : 1900;  // "1.9.39"
    // German day.month.year; English month/day/year unless the first part cannot be a month.
    const bool day_first = german_ || a > 12;
    spec = CalendarDay(year, day_first ? b : a, day_first ? a : b);
  }
  if (!calendar::IsValid({spec.year, spec.month, spec.day}) || !IsYearNumber(spec.year)) return std::nullopt;
  ++at.pos;
  return at.Make(std::move(spec));
}

// German "5. September [2023]", "10. bis 13. September", "10. August bis 2. September";
// English "September 5[, 2023]", "5 September 2023", "5th of May", "September 10-13",
// "10 to 13 September".
int TimeGrammar::DayNumber(const TimeToken* token) const {
  if (token == nullptr) return -1;
  const int day = german_ ? token->ordinal : (token->ordinal > 0 ? token->ordinal : token->number);
  return day >= 1 && day <= 31 ? day : -1;
}

int TimeGrammar::MonthOf(const TimeToken* token) const {
  const TimeWord* month = WordOf(token, Category::kMonth);
  return month != nullptr && token->capitalized ? ToInt(month->value) : -1;
}

std::optional<TimeMatch> TimeGrammar::MatchDayMonth(Cursor& at) const {
  TimeSpec last;
  last.kind = SpecKind::kCalendar;
  std::optional<TimeSpec> first;  // the first day of a range
  if (const int day = DayNumber(at.Peek()); day > 0) {
    ++at.pos;
    if (!ReadDayThenMonth(at, day, last, first)) {
      return german_ && !first && last.month < 0 && last.day == day ? MatchDayInList(at, day) : std::nullopt;
    }
  } else if (german_ || !ReadMonthThenDay(at, last, first)) {
    return std::nullopt;
  }
  ReadYearTail(at, last);
  if (first) {
    first->year = last.year;
    first->year_offset = last.year_offset;
    first->year_is_relative = last.year_is_relative;
    if (first->month < 0) first->month = last.month;
    return at.Make(Range(std::move(*first), std::move(last)));
  }
  return ExtendToLaterDay(at, std::move(last));
}

// German "5. September", "10. bis 13. September", "10. bis zum 13. September"; English
// "5 September", "5th of May", "10 to 13 September". `day` is read; the month follows.
bool TimeGrammar::ReadDayThenMonth(Cursor& at, int day, TimeSpec& last, std::optional<TimeSpec>& first) const {
  last.day = day;
  if (IsRangeWord(at.Peek(), german_) && (german_ || DayNumber(at.Peek(1)) > 0)) {
    const size_t skip = 1 + (IsAny(at.Peek(1), "zum") ? 1 : 0);
    if (const int second = DayNumber(at.Peek(skip)); second > day) {
      first = last;
      at.pos += skip + 1;
      last.day = second;
    }
  }
  if (!german_ && IsAny(at.Peek(), "of")) ++at.pos;
  last.month = MonthOf(at.Peek());
  if (last.month < 0) return false;
  ++at.pos;
  return true;
}

// English "September 5[, 2023]", "September 10-13", "Sept. 10 to 13".
bool TimeGrammar::ReadMonthThenDay(Cursor& at, TimeSpec& last, std::optional<TimeSpec>& first) const {
  last.month = MonthOf(at.Peek());
  if (last.month < 0) return false;
  ++at.pos;
  const TimeToken* day_token = at.Peek();
  const size_t dash = day_token != nullptr && day_token->kind == TokenKind::kNumber ? day_token->text.find('-')
                                                                                    : std::string_view::npos;
  if (dash != std::string_view::npos) {
    const int from = ToInt(day_token->text.substr(0, dash)), to = ToInt(day_token->text.substr(dash + 1));
    if (from < 1 || to > 31 || to <= from) return false;
    first = last;
    first->day = from;
    last.day = to;
    ++at.pos;
  } else {
    last.day = DayNumber(day_token);
    if (last.day < 0) return false;
    ++at.pos;
    if (IsRangeWord(at.Peek(), false) && DayNumber(at.Peek(1)) > last.day) {
      first = last;
      last.day = DayNumber(at.Peek(1));
      at.pos += 2;
    }
  }
  if (IsAny(at.Peek(), ",") && at.Peek(1) != nullptr && IsYearNumber(at.Peek(1)->number)) ++at.pos;
  return true;
}

// "5. August bis 2. September": a range whose second end has its own month.
std::optional<TimeMatch> TimeGrammar::ExtendToLaterDay(Cursor& at, TimeSpec day) const {
  if (!IsRangeWord(at.Peek(), german_)) return at.Make(std::move(day));
  Cursor second{at.tokens, at.pos + 1, at.pos + 1, at.tense};
  std::optional<TimeMatch> to = MatchDayMonth(second);
  if (!to || to->spec.kind != SpecKind::kCalendar) return at.Make(std::move(day));
  if (day.year < 0 && !day.year_is_relative) {
    day.year = to->spec.year;
    day.year_offset = to->spec.year_offset;
    day.year_is_relative = to->spec.year_is_relative;
  }
  at.pos = to->last;
  return at.Make(Range(std::move(day), std::move(to->spec)));
}

// "am 3., 4. und 5. Oktober": a day of a list whose month comes at its end; only the day is
// the expression.
std::optional<TimeMatch> TimeGrammar::MatchDayInList(Cursor& at, int day) const {
  size_t ahead = 0;
  bool listed = false;
  for (; ahead < 16; ++ahead) {
    const TimeToken* token = at.Peek(ahead);
    if (token == nullptr) return std::nullopt;
    if (IsAny(token, ",", "und", "sowie", "oder", "/")) {
      listed = true;
      continue;
    }
    if (token->ordinal >= 1 && token->ordinal <= 31) continue;
    break;
  }
  const TimeToken* month_token = at.Peek(ahead);
  const TimeWord* month = WordOf(month_token, Category::kMonth);
  if (!listed || month == nullptr || !month_token->capitalized) return std::nullopt;
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  spec.day = day;
  spec.month = ToInt(month->value);
  Cursor tail{at.tokens, at.pos + ahead + 1, at.pos + ahead + 1, at.tense};
  ReadYearTail(tail, spec);
  return at.Make(std::move(spec));
}

// The year after a month, season or quarter: "2023", "des Jahres 2022", "of 2022", "des
// vergangenen Jahres", "dieses Jahres", "of last year", "this year".
bool TimeGrammar::ReadYearTail(Cursor& at, TimeSpec& spec) const {
  const TimeToken* token = at.Peek();
  if (token != nullptr && IsYearNumber(token->number)) {
    spec.year = token->number;
    ++at.pos;
    return true;
  }
  if (const std::optional<int> spoken = ReadSpokenYear(at)) {
    spec.year = *spoken;
    return true;
  }
  size_t skip = 0;
  if (german_ ? IsAny(token, "des") : IsAny(token, "of")) skip = 1;
  const TimeToken* next = at.Peek(skip);
  if (german_ && skip == 1 && IsAny(next, "jahres", "jahrs") && at.Peek(skip + 1) != nullptr &&
      IsYearNumber(at.Peek(skip + 1)->number)) {
    spec.year = at.Peek(skip + 1)->number;
    at.pos += skip + 2;
    return true;
  }
  if (!german_ && skip == 1 && next != nullptr && IsYearNumber(next->number)) {
    spec.year = next->number;
    at.pos += 2;
    return true;
  }
  if (!german_ && skip == 1) {  // "the winter of nineteen ninety-four"
    ++at.pos;
    if (const std::optional<int> spoken = ReadSpokenYear(at)) {
      spec.year = *spoken;
      return true;
    }
    --at.pos;
  }
  if (!german_ && skip == 1 && IsAny(next, "the") && IsAny(at.Peek(2), "year")) {
    spec.year_is_relative = true;
    at.pos += 3;
    return true;
  }
  if (german_ && skip == 1 && IsAny(next, "jahres", "jahrs")) {
    spec.year_is_relative = true;
    at.pos += 2;
    return true;
  }
  const TimeWord* direction = WordOf(next, Category::kDirection);
  const TimeWord* unit = WordOf(at.Peek(skip + 1), Category::kUnit);
  if (direction != nullptr && unit != nullptr && unit->value == "Y") {
    spec.year_is_relative = true;
    spec.year_offset = ToInt(direction->value);
    at.pos += skip + 2;
    return true;
  }
  return false;
}

// [direction] month [year]: "im September", "vergangenen Oktober", "September 2023", "last May".
std::optional<TimeMatch> TimeGrammar::MatchMonth(Cursor& at) const {
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  if (const TimeWord* direction = WordOf(at.Peek(), Category::kDirection); direction && WordOf(at.Peek(1), Category::kMonth)) {
    spec.direction = DirectionOf(*direction);
    ++at.pos;
  }
  const TimeToken* token = at.Peek();
  const TimeWord* month = WordOf(token, Category::kMonth);
  if (!german_ && token != nullptr && month == nullptr && token->lower.rfind("mid-", 0) == 0) {
    // "mid-September"
    for (const TimeWord& word : lexicon_.Lookup(std::string_view(token->lower).substr(4))) {
      if (word.category == Category::kMonth) month = &word;
    }
    if (month == nullptr) return std::nullopt;
    spec.mod = "MID";
  } else if (month == nullptr || !token->capitalized) {
    return std::nullopt;
  }
  spec.month = ToInt(month->value);
  ++at.pos;
  const bool has_year = ReadYearTail(at, spec);
  if (has_year || spec.direction != Direction::kUnspecified) return at.Make(std::move(spec));
  const TimeToken* before = at.Before();
  const bool date_context =
      german_ ? IsAny(before, "im", "in", "seit", "bis", "ab", "anfang", "mitte", "ende", "vom", "zum", "von", "für", "den", "des")
              : IsAny(before, "in", "of", "since", "until", "by", "from", "during", "early", "late", "mid", "through", "to",
                               "last", "next", "this", "each", "every", "before", "after");
  // A name follows: "August Bebel", "March Madness".
  const TimeToken* after = at.Peek();
  const bool name_follows = after != nullptr && after->capitalized && after->kind == TokenKind::kWord;
  if (!date_context) {
    // "May" and "March" in English need a date context.
    if (!german_ && (token->lower == "may" || token->lower == "march" || token->sentence_start)) return std::nullopt;
    if (name_follows) return std::nullopt;
  }
  if (!german_ && name_follows) return std::nullopt;
  return at.Make(std::move(spec));
}

namespace {

// The value of the number entry among a word's lexicon entries, or -1.
int NumberIn(std::span<const TimeWord> words) {
  for (const TimeWord& entry : words) {
    if (entry.category == Category::kNumber) return ToInt(entry.value);
  }
  return -1;
}

}  // namespace

// The value of a number word of the lexicon or of two joined by a hyphen ("ninety-six" → 96);
// -1 for anything else.
int TimeGrammar::NumberWordValue(std::string_view lower) const {
  const auto single = [&](std::string_view word) { return NumberIn(lexicon_.Lookup(word)); };
  const size_t hyphen = lower.find('-');
  if (hyphen == std::string_view::npos) return single(lower);
  const int tens = single(lower.substr(0, hyphen)), units = single(lower.substr(hyphen + 1));
  return tens >= 20 && tens % 10 == 0 && units >= 1 && units <= 9 ? tens + units : -1;
}

// The same for a token, from the lexicon words Prepare found for it when it is one word as
// written (the look-up without a final period gave "Sept." its words).
int TimeGrammar::NumberWordValue(const TimeToken& token) const {
  if (token.lower.find('-') != std::string_view::npos || token.lower.ends_with('.')) return NumberWordValue(token.lower);
  return NumberIn(token.words);
}

// English years read out (broadcast transcripts): "nineteen ninety-six", "nineteen eighty",
// and after "year" "two thousand" or "two thousand and five".
std::optional<int> TimeGrammar::ReadSpokenYear(Cursor& at) const {
  if (german_) return std::nullopt;
  const TimeToken* first = at.Peek();
  const TimeToken* second = at.Peek(1);
  if (first == nullptr || second == nullptr) return std::nullopt;
  // Neither a number word ("nineteen", "two") nor a pair ("twenty-one"): nothing to read.
  if (first->words.empty() && first->lower.find('-') == std::string::npos) return std::nullopt;
  const int century = NumberWordValue(*first);
  if (century < 0) return std::nullopt;  // "two thousand" starts with a number word too
  const int rest = NumberWordValue(*second);
  if (century >= 11 && century <= 20 && rest >= 10 && rest <= 99) {
    at.pos += 2;
    return century * 100 + rest;
  }
  if (first->lower == "two" && second->lower == "thousand" && IsAny(at.Previous(), "year")) {
    at.pos += 2;
    const size_t skip = IsAny(at.Peek(), "and") ? 1 : 0;
    const int units = at.Peek(skip) != nullptr ? NumberWordValue(*at.Peek(skip)) : -1;
    if (units >= 1 && units <= 99) {
      at.pos += skip + 1;
      return 2000 + units;
    }
    return 2000;
  }
  return std::nullopt;
}

// A holiday on a fixed date, with its year when one follows: "Weihnachten 1966", "am Ersten
// Weihnachtstag 1776" (the second one is a day later), "Neujahrstag", "Christmas Eve".
std::optional<TimeMatch> TimeGrammar::MatchHoliday(Cursor& at) const {
  int ordinal = 1;
  if (const TimeWord* word = WordOf(at.Peek(), Category::kOrdinal); word != nullptr && WordOf(at.Peek(1), Category::kHoliday)) {
    ordinal = ToInt(word->value);
    ++at.pos;
  }
  // the longer name first: "Christmas Eve" before "Christmas"
  const TimeWord* holiday = nullptr;
  size_t length = 2;
  if (at.Peek(1) != nullptr && lexicon_.StartsPhrase(at.Peek()->lower)) {
    for (const TimeWord& word : lexicon_.Lookup(JoinWords(at.Peek()->lower, at.Peek(1)->lower))) {
      if (word.category == Category::kHoliday) holiday = &word;
    }
  }
  if (holiday == nullptr) {
    holiday = WordOf(at.Peek(), Category::kHoliday);
    length = 1;
  }
  if (holiday == nullptr || holiday->value.size() != 5 || ordinal < 1 || ordinal > 2) return std::nullopt;
  at.pos += length;
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  spec.month = ToInt(holiday->value.substr(0, 2));
  spec.day = ToInt(holiday->value.substr(3, 2)) + ordinal - 1;
  ReadYearTail(at, spec);
  return at.Make(std::move(spec));
}

// Two years before Christ, each its own expression (as "1939/1940"): "478/477 v. Chr.",
// "(264–260 v. Chr.)" in one token or three.
std::optional<TimeMatch> TimeGrammar::MatchYearsBeforeChrist(Cursor& at) const {
  if (!german_) return std::nullopt;
  const TimeToken* token = at.Peek();
  int first = -1, second = -1;
  size_t length = 0;
  if (const size_t separator = token->text.find_first_of("/-\xE2"); separator != std::string_view::npos && separator > 0) {
    const std::string_view text = token->text;
    const size_t rest = text.find_first_of("0123456789", separator);
    if (AllDigits(text.substr(0, separator)) && rest != std::string_view::npos && AllDigits(text.substr(rest)) &&
        (rest == separator + 1 || text.substr(separator, rest - separator) == "–")) {
      first = ToInt(text.substr(0, separator));
      second = ToInt(text.substr(rest));
      length = 1;
    }
  } else if (token->number > 0 && IsAny(at.Peek(1), "/", "-", "–") && at.Peek(2) != nullptr && at.Peek(2)->number > 0) {
    first = token->number;
    second = at.Peek(2)->number;
    length = 3;
  }
  if (first <= 0 || second <= 0 || !IsAny(at.Peek(length), "v.") || !IsAny(at.Peek(length + 1), "chr.", "chr")) {
    return std::nullopt;
  }
  at.pos += length + 2;
  TimeSpec spec = Range(Fixed(calendar::FormatYear(-first)), Fixed(calendar::FormatYear(-second)));
  spec.split = true;
  return at.Make(std::move(spec));
}

// "2022", "Jahr 2022", "2014 bis 2016", "2014-2016", "zwischen 2019 und 2021".
std::optional<TimeMatch> TimeGrammar::MatchYear(Cursor& at) const {
  if (IsAny(at.Peek(), "year") && IsAny(at.Peek(1), "two") && IsAny(at.Peek(2), "thousand")) ++at.pos;
  if (const std::optional<int> spoken = ReadSpokenYear(at)) return at.Make(Fixed(calendar::FormatYear(*spoken)));
  const bool with_noun = german_ ? IsAny(at.Peek(), "jahr", "jahre", "jahres") : IsAny(at.Peek(), "year");
  if (with_noun && at.Peek(1) != nullptr && IsYearNumber(at.Peek(1)->number)) ++at.pos;
  const TimeToken* token = at.Peek();
  if (token == nullptr) return std::nullopt;
  if (const auto range = YearRangeToken(token->text)) {
    ++at.pos;
    TimeSpec spec = Range(Fixed(calendar::FormatYear(range->first)), Fixed(calendar::FormatYear(range->second)));
    spec.split = token->text.find('/') != std::string_view::npos;
    return at.Make(std::move(spec));
  }
  if (std::optional<TimeMatch> pair = MatchYearsBeforeChrist(at)) return pair;
  // "490 v. Chr.", "9 n. Chr."
  if (token->number > 0 && german_ && IsAny(at.Peek(1), "v.", "n.") && IsAny(at.Peek(2), "chr.", "chr")) {
    const bool before_christ = at.Peek(1)->lower == "v.";
    at.pos += 3;
    return at.Make(Fixed((before_christ ? "BC" : "") + fmt::format("{:04d}", token->number)));
  }
  if (!IsYearNumber(token->number)) return std::nullopt;
  if (!with_noun && !IsYearContext(at.tokens, at.pos)) return std::nullopt;
  ++at.pos;
  const bool between = german_ ? IsAny(at.Before(), "zwischen") : IsAny(at.Before(), "between");
  const TimeToken* link = at.Peek();
  const bool linked = IsRangeWord(link, german_) || (between && IsAny(link, "und", "and"));
  // "1926–28": the second year in two digits, in the first one's century
  int to_year = at.Peek(1) != nullptr ? at.Peek(1)->number : -1;
  if (linked && to_year >= 0 && to_year < 100 && at.Peek(1)->text.size() == 2) to_year += token->number / 100 * 100;
  if (linked && IsYearNumber(to_year) && to_year > token->number) {
    const int to = to_year;
    at.pos += 2;
    // "2000 bis 3000 Grad": amounts with a unit, not years
    if (german_ && at.Peek() != nullptr && at.Peek()->capitalized && at.Peek()->kind == TokenKind::kWord) return std::nullopt;
    return at.Make(Range(Fixed(calendar::FormatYear(token->number)), Fixed(calendar::FormatYear(to))));
  }
  return at.Make(Fixed(calendar::FormatYear(token->number)));
}

// The decade a German number word names: "fünfziger" → "195"; "" for other words.
std::string TimeGrammar::DecadeOfWord(std::string_view word) const {
  for (const TimeWord& entry : lexicon_.Lookup(word)) {
    if (entry.category == Category::kDecade) return "19" + std::string(entry.value);
  }
  return "";
}

// "den 50er Jahren", "die 1990er-Jahre", "den Fünfzigerjahren", "the 1990s", "the '90s".
std::optional<TimeMatch> TimeGrammar::MatchDecade(Cursor& at) const {
  if (IsArticle(at.Peek(), german_)) ++at.pos;
  if (!german_ && at.Peek() != nullptr && at.Peek()->kind == TokenKind::kQuote) ++at.pos;
  const TimeToken* token = at.Peek();
  if (token == nullptr) return std::nullopt;
  std::string_view text = token->lower;
  if (text.rfind("mid-", 0) == 0) text.remove_prefix(4);
  std::string decade;
  auto from_digits = [](std::string_view digits) {
    if (digits.size() == 4 && digits[3] == '0') return std::string(digits.substr(0, 3));
    if (digits.size() == 2 && digits[1] == '0' && digits[0] >= '2') return "19" + std::string(digits.substr(0, 1));
    return std::string();
  };
  bool needs_noun = false;
  if (german_) {
    const size_t er = text.find("er");
    if (er != std::string_view::npos && AllDigits(text.substr(0, er))) {
      decade = from_digits(text.substr(0, er));
      const std::string_view rest = text.substr(er + 2);
      needs_noun = rest.empty();
      if (!rest.empty() && rest != "-jahre" && rest != "-jahren" && rest != "-jahrs") return std::nullopt;
    } else {
      // "Fünfzigerjahren", "fünfziger Jahre"
      for (std::string_view suffix : {"jahren", "jahre"}) {
        if (text.size() > suffix.size() && text.ends_with(suffix)) decade = DecadeOfWord(text.substr(0, text.size() - suffix.size()));
      }
      if (decade.empty()) {
        decade = DecadeOfWord(text);
        needs_noun = !decade.empty();
      }
    }
  } else if (text.size() >= 3 && text.back() == 's' && AllDigits(text.substr(0, text.size() - 1))) {
    decade = from_digits(text.substr(0, text.size() - 1));
  }
  if (decade.empty()) return std::nullopt;
  ++at.pos;
  if (needs_noun) {
    if (!IsAny(at.Peek(), "jahre", "jahren", "jahrs")) return std::nullopt;
    ++at.pos;
  }
  TimeSpec spec = Fixed(decade);
  if (token->lower.rfind("mid-", 0) == 0) spec.mod = "MID";
  return at.Make(std::move(spec));
}

// "20. Jahrhundert", "des 20. Jahrhunderts", "the 20th century".
std::optional<TimeMatch> TimeGrammar::MatchCentury(Cursor& at) const {
  if (IsArticle(at.Peek(), german_)) ++at.pos;
  const TimeToken* token = at.Peek();
  if (token == nullptr || token->ordinal < 1 || token->ordinal > 30) return std::nullopt;
  const TimeWord* unit = WordOf(at.Peek(1), Category::kUnit);
  if (unit == nullptr || unit->value != "CE") return std::nullopt;
  at.pos += 2;
  // "des 6. Jahrhunderts v. Chr." is BC05
  if (german_ && IsAny(at.Peek(), "v.") && IsAny(at.Peek(1), "chr.", "chr")) {
    at.pos += 2;
    return at.Make(Fixed(fmt::format("BC{:02d}", token->ordinal - 1)));
  }
  return at.Make(Fixed(fmt::format("{:02d}", token->ordinal - 1)));
}

}  // namespace lagebild
