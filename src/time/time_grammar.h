// The grammar of time expressions (docs/time.md): recognises, at a token of a sentence, the
// longest time expression starting there and what it means (a TimeSpec). German and English share
// the rules; the words come from the language's TimeLexicon. No values are computed here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/document.h"
#include "time/time_lexicon.h"
#include "time/time_spec.h"

namespace lagebild {

// A token of the sentence as the grammar sees it.
struct TimeToken {
  std::string_view text;
  std::string_view lower;  // in Document::lower_forms
  uint64_t lower_hash = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;
  bool sentence_start = false;
  std::span<const TimeWord> words;  // its lexicon entries
  bool starts_phrase = false;       // the first word of a lexicon phrase: "vor kurzem", "Christmas Eve"
  int number = -1;                  // a plain integer: "2023", "10"
  int ordinal = -1;                 // "9." in German, "9th" in English
  bool has_digit = false;           // "2023", "1990er", "Q3"
  bool has_hyphen = false;          // "mid-September", "-"
  bool in_entity = false;           // part of an actor's name ("Macron" in "On Monday Macron …")
  bool may_start = false;           // a time word, a number, an article or a phrase start: worth matching at
  bool modifier = false;            // starts only before a time word: "the", "in", "about", "two"
  bool after_modifier = false;      // a modifier stands at most kModifierReach tokens before
};

// The tokens of a sentence as the grammar sees them, and which of its matchers can match in it.
struct TimeSentence {
  std::vector<TimeToken> tokens;
  uint32_t possible_matchers = ~0u;  // bit k: the k-th matcher of TimeGrammar::MatchCore
};

class TimeGrammar {
 public:
  TimeGrammar(const TimeLexicon& lexicon, bool german) : lexicon_(lexicon), german_(german) {}

  // Whether the expression starting at token `first` bounds a span: "bis (zum) Frühjahr",
  // "seit 1871", "ab Juni", "until March", "since 2001".
  enum class Bound : uint8_t { kNone, kUntil, kFrom };
  Bound BoundBefore(const std::vector<TimeToken>& tokens, size_t first) const;

  // False when no time expression can be found in the sentence, asked before Prepare: it has
  // no number, no time word and nothing else an expression could rest on.
  bool MayHoldTime(const Document& doc, const Sentence& sentence) const;
  // Debug builds: aborts when a sentence MayHoldTime turned away has a token the matchers would
  // start at (MayHoldTime restates MayStart's conditions and must stay a superset of them).
  void CheckSkippedSentence(const Document& doc, const Sentence& sentence) const;

  // Prepares the tokens [first, last) of a sentence.
  TimeSentence Prepare(const Document& doc, const Sentence& sentence) const;

  // The longest expression starting at `i` (indices into `sentence.tokens`), if any, in a
  // sentence of tense `tense` (TenseOf).
  std::optional<TimeMatch> MatchAt(const TimeSentence& sentence, size_t i, Tense tense) const;

  // The sentence's tense: future with a future or planning word, else past with a past
  // auxiliary or reporting verb, else unknown.
  Tense TenseOf(const std::vector<TimeToken>& tokens) const;
  // The tense of the clause around tokens [first, last) (between punctuation and clause words);
  // `sentence_tense` (TenseOf) when the clause has no cue.
  Tense ClauseTense(const std::vector<TimeToken>& tokens, size_t first, size_t last, Tense sentence_tense) const;

 private:
  struct Cursor;
  struct Features;
  struct MatcherRule;
  static const MatcherRule kMatcherRules[17];
  enum class Start : uint8_t { kNo, kModifier, kYes };
  Start MayStart(const TimeToken& token) const;
  bool SingularIsWeekday(std::string_view lower) const;
  bool PhraseStartsAt(const Document& doc, const Sentence& sentence, uint32_t i) const;
  void NoteFeatures(const TimeToken& token, Start start, Features& has) const;
  uint32_t PossibleMatchers(const Features& has) const;
  void CheckSkippedMatcher(const Cursor& at, size_t rule) const;
  void KeepModifiersBeforeTimeWords(std::vector<TimeToken>& tokens) const;
  std::optional<TimeMatch> MatchNumericDate(Cursor& at) const;
  std::optional<TimeMatch> MatchDayMonth(Cursor& at) const;
  std::optional<TimeMatch> MatchMonth(Cursor& at) const;
  std::optional<TimeMatch> MatchYear(Cursor& at) const;
  std::optional<TimeMatch> MatchHoliday(Cursor& at) const;
  std::optional<TimeMatch> MatchYearsBeforeChrist(Cursor& at) const;
  std::optional<TimeMatch> MatchDecade(Cursor& at) const;
  std::string DecadeOfWord(std::string_view word) const;
  std::optional<TimeMatch> MatchCentury(Cursor& at) const;
  std::optional<TimeMatch> MatchSeason(Cursor& at) const;
  std::optional<TimeMatch> MatchQuarter(Cursor& at) const;
  std::optional<TimeMatch> MatchRelativeUnit(Cursor& at) const;
  std::optional<TimeMatch> MatchDayRelative(Cursor& at) const;
  std::optional<TimeMatch> SameOrNextDaypart(Cursor& at, const TimeWord& direction) const;
  std::optional<TimeMatch> MatchWeekday(Cursor& at) const;
  std::optional<TimeMatch> MatchAgoOrAhead(Cursor& at) const;
  std::optional<TimeMatch> MatchDuration(Cursor& at) const;
  std::optional<TimeMatch> MatchDurationAdjective(Cursor& at) const;
  std::optional<TimeMatch> MatchSet(Cursor& at) const;
  std::optional<TimeMatch> MatchReference(Cursor& at) const;
  std::optional<TimeMatch> MatchClock(Cursor& at) const;
  std::optional<TimeSpec> DayOfDaypart(Cursor& at) const;
  std::optional<TimeMatch> WithDayAfter(Cursor& at, TimeSpec clock) const;
  std::optional<TimeMatch> MatchWithPosition(Cursor& at, uint32_t possible_matchers) const;
  std::optional<TimeMatch> MatchCore(Cursor& at, uint32_t possible_matchers) const;
  bool ReadYearTail(Cursor& at, TimeSpec& spec) const;
  int NumberWordValue(std::string_view lower) const;
  int NumberWordValue(const TimeToken& token) const;
  std::optional<int> ReadSpokenYear(Cursor& at) const;
  std::optional<TimeMatch> MatchDayInList(Cursor& at, int day) const;
  bool ReadDayThenMonth(Cursor& at, int day, TimeSpec& last, std::optional<TimeSpec>& first) const;
  bool ReadMonthThenDay(Cursor& at, TimeSpec& last, std::optional<TimeSpec>& first) const;
  std::optional<TimeMatch> ExtendToLaterDay(Cursor& at, TimeSpec day) const;
  int DayNumber(const TimeToken* token) const;
  int MonthOf(const TimeToken* token) const;
  Tense TenseBetween(const std::vector<TimeToken>& tokens, size_t first, size_t last) const;
  void ExtendToRange(const TimeSentence& sentence, TimeMatch& match) const;
  bool IsYearContext(const std::vector<TimeToken>& tokens, size_t i) const;

  const TimeLexicon& lexicon_;
  bool german_;
};

}  // namespace lagebild
