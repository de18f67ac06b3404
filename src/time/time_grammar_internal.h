// Helpers shared by the two halves of the time grammar (time_grammar.cc: dates, months, years,
// decades; time_grammar_relative.cc: relative, weekdays, durations, sets, clock times).
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "time/time_grammar.h"

namespace lagebild::time_grammar {

using Category = TimeWordCategory;

inline const TimeWord* WordOf(const TimeToken* token, Category category) {
  if (token == nullptr) return nullptr;
  for (const TimeWord& word : token->words) {
    if (word.category == category) return &word;
  }
  return nullptr;
}

inline int ToInt(std::string_view text) {
  int value = -1;
  if (text.empty() || std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc()) return -1;
  return value;
}

// Whether the token's lower-case form is one of `forms` (string literals). Asked for nearly every
// token, mostly with no match: each form's length is known at compile time and rules it out
// before its bytes are compared, and no list is built per call.
template <size_t... N>
inline bool IsAny(const TimeToken* token, const char (&... forms)[N]) {
  if (token == nullptr) return false;
  const std::string_view lower = token->lower;
  return ((lower.size() == N - 1 && std::memcmp(lower.data(), forms, N - 1) == 0) || ...);
}

// "christmas" + "eve" → "christmas eve": the key of a two-word lexicon phrase.
inline std::string JoinWords(std::string_view first, std::string_view second) {
  std::string phrase;
  phrase.reserve(first.size() + 1 + second.size());
  return ((phrase += first) += ' ') += second;
}

inline bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline bool IsYearNumber(int number) { return number >= 1000 && number <= 2199; }

inline Direction DirectionOf(const TimeWord& word) {
  const int value = ToInt(word.value);
  return value < 0 ? Direction::kPrevious : value > 0 ? Direction::kNext : Direction::kCurrent;
}

// German plural forms of units and English forms in -s: "in den vergangenen Tagen" is a duration.
inline bool IsPluralUnitForm(const TimeToken& token, bool german) {
  if (!german) return token.lower.size() > 1 && token.lower.back() == 's';
  static constexpr std::array<std::string_view, 15> kPlurals = {
      "tage", "tagen", "wochen", "monate", "monaten", "jahre", "jahren", "jahrzehnte",
      "jahrzehnten", "stunden", "minuten", "quartale", "quartalen", "jahrhunderte", "jahrhunderten"};
  return std::find(kPlurals.begin(), kPlurals.end(), token.lower) != kPlurals.end();
}

// "1.5" years as "1Y6M", "2.5" hours as "2H30M": a half in the next smaller unit, as the gold
// sets write them; "" when the amount is no whole number and a half, or for other units.
inline std::string WithHalf(std::string_view amount, std::string_view unit) {
  if (amount.size() < 3 || amount.substr(amount.size() - 2) != ".5") return "";
  const std::string whole(amount.substr(0, amount.size() - 2));
  if (unit == "Y") return whole + "Y6M";
  if (unit == "D") return whole + "DT12H";
  if (unit == "H") return whole + "H30M";
  return "";  // minutes keep their decimal ("PT3.5M"), as KRAUTS writes them
}

inline std::string DurationValue(std::string_view amount, std::string_view unit) {
  const bool clock_unit = unit == "H" || unit == "MIN" || unit == "S";
  if (const std::string half = WithHalf(amount, unit); !half.empty()) return (clock_unit ? "PT" : "P") + half;
  // "24 Stunden", "48 hours": whole days, as the gold sets write them
  if (unit == "H" && (amount == "24" || amount == "48")) return amount == "24" ? "P1D" : "P2D";
  if (clock_unit) return "PT" + std::string(amount) + (unit == "MIN" ? "M" : std::string(unit));
  if (unit == "HY") return amount == "1" ? "P6M" : "P" + std::string(amount) + "HY";
  if (unit == "WE") return "";
  return "P" + std::string(amount) + std::string(unit);
}

inline TimeSpec Fixed(std::string value, TimeType type = TimeType::kDate) {
  TimeSpec spec;
  spec.kind = SpecKind::kFixed;
  spec.type = type;
  spec.value = std::move(value);
  return spec;
}

inline TimeSpec Offset(std::string unit, int amount) {
  TimeSpec spec;
  spec.kind = SpecKind::kOffset;
  spec.unit = std::move(unit);
  spec.amount = amount;
  return spec;
}

inline TimeSpec Range(TimeSpec from, TimeSpec to) {
  TimeSpec spec;
  spec.kind = SpecKind::kRange;
  spec.from = std::make_shared<TimeSpec>(std::move(from));
  spec.to = std::make_shared<TimeSpec>(std::move(to));
  return spec;
}

inline TimeSpec CalendarDay(int year, int month, int day) {
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  spec.year = year;
  spec.month = month;
  spec.day = day;
  return spec;
}

inline bool IsRangeWord(const TimeToken* token, bool german) {
  if (token == nullptr) return false;
  if (token->text == "-" || token->text == "–" || token->text == "—") return true;
  return german ? IsAny(token, "bis") : IsAny(token, "to", "through", "until", "till");
}

// Asked of nearly every token (MayStart): every article has three letters, the German ones a 'd'.
inline bool IsArticle(const TimeToken* token, bool german) {
  if (token == nullptr || token->lower.size() != 3) return false;
  const std::string_view w = token->lower;
  if (!german) return w == "the";
  return w[0] == 'd' && (w == "der" || w == "die" || w == "das" || w == "den" || w == "dem" || w == "des");
}

// "2014-2016", "2014–16": a year range in one token.
inline std::optional<std::pair<int, int>> YearRangeToken(std::string_view text) {
  // Asked at every token a year may start at: four digits, a dash or slash, two digits at least.
  constexpr size_t kShortest = 7;
  if (text.size() < kShortest || (text[4] != '-' && text[4] != '/' && text[4] != '\xE2')) return std::nullopt;
  for (std::string_view dash : {"-", "–", "/"}) {
    const size_t at = text.find(dash);
    if (at != 4 || !AllDigits(text.substr(0, 4))) continue;
    const std::string_view rest = text.substr(at + dash.size());
    if (!AllDigits(rest) || (rest.size() != 4 && rest.size() != 2)) continue;
    const int from = ToInt(text.substr(0, 4));
    int to = ToInt(rest);
    if (rest.size() == 2) to += from / 100 * 100;
    if (IsYearNumber(from) && to > from && to - from < 100) return std::pair{from, to};
  }
  return std::nullopt;
}

// "14.30", "10:30" → hours and minutes.
inline std::optional<std::pair<int, int>> ClockToken(std::string_view text) {
  const size_t at = text.find_first_of(".:");
  if (at == std::string_view::npos || at == 0 || at > 2 || text.size() != at + 3) return std::nullopt;
  const int hour = ToInt(text.substr(0, at)), minute = ToInt(text.substr(at + 1));
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return std::nullopt;
  return std::pair{hour, minute};
}

}  // namespace lagebild::time_grammar

namespace lagebild {

struct TimeGrammar::Cursor {
  const std::vector<TimeToken>& tokens;
  size_t start;
  size_t pos;
  Tense tense = Tense::kUnknown;

  const TimeToken* Peek(size_t ahead = 0) const { return pos + ahead < tokens.size() ? &tokens[pos + ahead] : nullptr; }
  const TimeToken* Before() const { return start > 0 ? &tokens[start - 1] : nullptr; }   // before the match
  const TimeToken* Previous() const { return pos > 0 ? &tokens[pos - 1] : nullptr; }  // before the cursor
  TimeMatch Make(TimeSpec spec) const { return {static_cast<uint32_t>(start), static_cast<uint32_t>(pos), std::move(spec)}; }
};


}  // namespace lagebild
