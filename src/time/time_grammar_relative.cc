// The relative half of the time grammar: seasons, quarters, "letzte Woche", "gestern", weekdays,
// "vor drei Jahren", durations, repetitions, vague references and clock times.
#include <fmt/format.h>

#include "time/time_grammar.h"
#include "time/time_grammar_internal.h"

namespace lagebild {

using time_grammar::Category;
using time_grammar::ClockToken;
using time_grammar::DirectionOf;
using time_grammar::DurationValue;
using time_grammar::Fixed;
using time_grammar::IsAny;
using time_grammar::IsArticle;
using time_grammar::IsPluralUnitForm;
using time_grammar::IsRangeWord;
using time_grammar::IsYearNumber;
using time_grammar::JoinWords;
using time_grammar::Offset;
using time_grammar::ToInt;
using time_grammar::WordOf;

namespace {

// A weekday with a part of the day in one word: "Mittwochabend" → 3, "EV".
std::pair<int, std::string> WeekdayCompound(const TimeToken& token, const TimeLexicon& lexicon) {
  for (size_t split = 5; split + 4 <= token.lower.size(); ++split) {
    const std::string_view head = std::string_view(token.lower).substr(0, split);
    const std::string_view tail = std::string_view(token.lower).substr(split);
    int weekday = 0;
    std::string daypart;
    for (const TimeWord& word : lexicon.Lookup(head)) {
      if (word.category == Category::kWeekday) weekday = ToInt(word.value);
    }
    for (const TimeWord& word : lexicon.Lookup(tail)) {
      if (word.category == Category::kDaypart) daypart = std::string(word.value);
    }
    if (weekday > 0 && !daypart.empty()) return {weekday, daypart};
  }
  return {0, ""};
}

}  // namespace

// [direction] season [year]: "im Sommer", "Frühjahr 2022", "vergangenen Herbst", "last winter",
// "summer of 2022".
std::optional<TimeMatch> TimeGrammar::MatchSeason(Cursor& at) const {
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  const TimeWord* direction = WordOf(at.Peek(), Category::kDirection);
  if (direction != nullptr && WordOf(at.Peek(1), Category::kSeason)) {
    spec.direction = DirectionOf(*direction);
    ++at.pos;
  }
  const TimeToken* token = at.Peek();
  const TimeWord* season = WordOf(token, Category::kSeason);
  if (season == nullptr) return std::nullopt;
  if (german_ != token->capitalized && !token->sentence_start) return std::nullopt;
  spec.season = std::string(season->value);
  ++at.pos;
  const bool has_year = ReadYearTail(at, spec);
  if (!has_year && !german_ && IsAny(at.Peek(), "of")) return std::nullopt;  // "the fall of Kabul"
  if (direction == nullptr && !has_year) {
    const TimeToken* before = at.Before();
    const bool season_context =
        german_ ? IsAny(before, "im", "in", "seit", "bis", "ab", "anfang", "ende", "mitte", "diesen", "dieses", "den", "zum", "vom", "des")
                : IsAny(before, "in", "the", "this", "last", "next", "during", "by", "since", "until", "of", "over",
                        "early", "late", "mid", "this");
    if (!season_context) return std::nullopt;
  }
  return at.Make(std::move(spec));
}

// "im dritten Quartal [2023]", "im ersten Halbjahr", "Q3 2023", "the first quarter of 2022".
std::optional<TimeMatch> TimeGrammar::MatchQuarter(Cursor& at) const {
  if (IsArticle(at.Peek(), german_)) ++at.pos;
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  // A company report's "the 1988 second quarter", "the year-ago third quarter".
  const TimeToken* modifier = german_ ? nullptr : at.Peek();
  if (modifier != nullptr && IsArticle(at.Previous(), false) && at.Peek(1) != nullptr) {
    if (IsYearNumber(modifier->number)) {
      spec.year = modifier->number;
      ++at.pos;
    } else if (IsAny(modifier, "year-ago", "year-earlier")) {
      spec.year_is_relative = true;
      spec.year_offset = -1;
      ++at.pos;
    }
  }
  const TimeToken* token = at.Peek();
  if (token == nullptr) return std::nullopt;
  const size_t dash = german_ ? std::string::npos : token->lower.find('-');
  if (token->text.size() == 2 && token->text[0] == 'Q' && token->text[1] >= '1' && token->text[1] <= '4') {
    spec.quarter = token->text[1] - '0';
    ++at.pos;
  } else if (dash != std::string::npos) {
    // "third-quarter", "first-half"
    int number = -1;
    for (const TimeWord& word : lexicon_.Lookup(std::string_view(token->lower).substr(0, dash))) {
      if (word.category == Category::kOrdinal) number = ToInt(word.value);
    }
    const std::string_view unit = std::string_view(token->lower).substr(dash + 1);
    if (unit == "quarter" && number >= 1 && number <= 4) spec.quarter = number;
    else if (unit == "half" && (number == 1 || number == 2)) spec.half = number;
    else return std::nullopt;
    ++at.pos;
  } else if (!german_ && at.start > 0 && spec.year < 0 && !spec.year_is_relative && IsAny(token, "quarter", "latest", "fiscal") &&
             (IsArticle(at.Before(), false) || IsAny(at.Before(), "latest"))) {
    // "the quarter", "the latest quarter", "the fiscal quarter" in a company report: the last
    // completed one
    while (IsAny(at.Peek(), "latest", "fiscal")) ++at.pos;
    if (!IsAny(at.Peek(), "quarter") || IsAny(at.Peek(1), "of", "century")) return std::nullopt;
    ++at.pos;
    --at.start;
    TimeSpec last = Offset("Q", -1);
    return at.Make(std::move(last));
  } else {
    const TimeWord* ordinal = WordOf(token, Category::kOrdinal);
    const TimeWord* unit = WordOf(at.Peek(1), Category::kUnit);
    if (ordinal == nullptr || unit == nullptr) return std::nullopt;
    const int number = ToInt(ordinal->value);
    if (unit->value == "Q" && number <= 4) spec.quarter = number;
    else if (unit->value == "HY" && number <= 2) spec.half = number;
    else return std::nullopt;
    at.pos += 2;
  }
  if (spec.year < 0 && !spec.year_is_relative) ReadYearTail(at, spec);
  return at.Make(std::move(spec));
}

// [article] direction unit: "vergangene Woche", "letzten Monat", "dieses Jahr", "am kommenden
// Wochenende", "next year"; "den vergangenen Tagen" (a plural) is a duration; "Vorjahr".
std::optional<TimeMatch> TimeGrammar::MatchRelativeUnit(Cursor& at) const {
  // "Vorjahr", "heuer": a unit and an amount in one word
  // "Jahresende": UNIT:AMOUNT:MOD
  if (const TimeWord* offset = WordOf(at.Peek(), Category::kOffset)) {
    const std::string_view value = offset->value;
    const size_t colon = value.find(':');
    const size_t second = value.find(':', colon + 1);
    ++at.pos;
    TimeSpec spec = Offset(std::string(value.substr(0, colon)), ToInt(value.substr(colon + 1, second - colon - 1)));
    if (second != std::string_view::npos) spec.mod = std::string(value.substr(second + 1));
    // "Jahresende 1789": the year written after it
    TimeSpec year;
    year.kind = SpecKind::kCalendar;
    const size_t after_word = at.pos;
    if (spec.unit == "Y" && spec.amount == 0 && ReadYearTail(at, year) && year.year >= 0) {
      year.mod = spec.mod;
      return at.Make(std::move(year));
    }
    at.pos = after_word;
    return at.Make(std::move(spec));
  }
  const bool article = IsArticle(at.Peek(), german_);
  if (article) ++at.pos;
  // "am Wochenende", "over the weekend"
  if (const TimeWord* unit = WordOf(at.Peek(), Category::kUnit); unit && unit->value == "WE" && !IsPluralUnitForm(*at.Peek(), german_)) {
    const bool context = german_ ? IsAny(at.Before(), "am", "übers", "zum", "vom", "des", "dem", "jedes")
                                 : article && IsAny(at.Before(), "at", "over", "during", "on", "for", "this");
    if (!context) return std::nullopt;
    ++at.pos;
    return at.Make(Offset("WE", 0));
  }
  const TimeWord* direction = WordOf(at.Peek(), Category::kDirection);
  if (direction == nullptr) return std::nullopt;
  ++at.pos;
  std::string amount;
  if (const TimeWord* number = WordOf(at.Peek(), Category::kNumber); number && direction->value != "0") {
    amount = std::string(number->value);
    ++at.pos;
  } else if (at.Peek() && at.Peek()->number > 0 && at.Peek()->number < 1000 && direction->value != "0") {
    amount = std::to_string(at.Peek()->number);
    ++at.pos;
  }
  const TimeToken* unit_token = at.Peek();
  const TimeWord* unit = WordOf(unit_token, Category::kUnit);
  if (unit == nullptr && amount.empty()) return SameOrNextDaypart(at, *direction);
  if (unit == nullptr) return std::nullopt;
  ++at.pos;
  // "the past week" (English, with the article) is a duration; "last week" a date.
  const bool english_span = !german_ && article && direction->value == "-1";
  const bool plural = IsPluralUnitForm(*unit_token, german_);
  if ((direction->value == "-1" && (plural || !amount.empty() || english_span)) || (direction->value == "1" && plural)) {
    if (english_span && amount.empty() && !IsPluralUnitForm(*unit_token, german_)) amount = "1";
    TimeSpec spec = Fixed(DurationValue(amount.empty() ? "X" : amount, unit->value), TimeType::kDuration);
    if (spec.value.empty()) return std::nullopt;
    return at.Make(std::move(spec));
  }
  if (!amount.empty() || IsPluralUnitForm(*unit_token, german_)) return std::nullopt;
  if (article && german_ && !IsAny(&at.tokens[at.start], "der", "dem", "den", "des")) return std::nullopt;
  TimeSpec spec = Offset(std::string(unit->value), 0);
  spec.direction = DirectionOf(*direction);
  // "am selben Tag", "am folgenden Tag", "the same day", "the following year": the text's date
  const std::string_view word = at.tokens[at.pos - 2].lower;
  spec.anaphoric = word.starts_with("selb") || word.starts_with("gleich") || word.starts_with("dessel") ||
                   word.starts_with("dersel") || word.starts_with("folgend") || word == "same" || word == "following";
  spec.amount = spec.direction == Direction::kPrevious ? -1 : spec.direction == Direction::kNext ? 1 : 0;
  if (unit->value == "DE" || unit->value == "CE") return std::nullopt;
  return at.Make(std::move(spec));
}

// "am selben Abend", "am gleichen Abend", "am nächsten Morgen" (the cursor on the part of the
// day): that part of the day the text last named, or of the day after.
std::optional<TimeMatch> TimeGrammar::SameOrNextDaypart(Cursor& at, const TimeWord& direction) const {
  const TimeToken* token = at.Peek();
  const TimeWord* daypart = WordOf(token, Category::kDaypart);
  if (!german_ || daypart == nullptr || !token->capitalized || direction.value == "-1") return std::nullopt;
  const std::string_view word = at.tokens[at.pos - 1].lower;
  const bool same = word.starts_with("selb") || word.starts_with("gleich") || word.starts_with("dessel");
  const bool next = word.starts_with("nächst") || word.starts_with("folgend");
  // "in der selben Nacht des 14. August": the day is written out (DayOfDaypart)
  if ((!same && !next) || IsAny(at.Peek(1), "des", "vom", "zum")) return std::nullopt;
  ++at.pos;
  TimeSpec spec = Offset("D", next ? 1 : 0);
  spec.anaphoric = true;
  spec.daypart = std::string(daypart->value);
  return at.Make(std::move(spec));
}

// "gestern", "heute Morgen", "morgen früh", "yesterday afternoon", "tonight", "this morning",
// "last night".
std::optional<TimeMatch> TimeGrammar::MatchDayRelative(Cursor& at) const {
  const TimeToken* token = at.Peek();
  if (token == nullptr) return std::nullopt;
  TimeSpec spec;
  if (const TimeWord* day = WordOf(token, Category::kDayRelative)) {
    // German "Morgen" inside a sentence is the morning, not tomorrow.
    if (german_ && token->lower == "morgen" && token->capitalized && !token->sentence_start) return std::nullopt;
    spec = Offset("D", ToInt(day->value));
    ++at.pos;
  } else if (!german_ && token->lower == "tonight") {
    spec = Offset("D", 0);
    spec.daypart = "NI";
    ++at.pos;
    return at.Make(std::move(spec));
  } else if (!german_ && IsAny(token, "this", "last") && WordOf(at.Peek(1), Category::kDaypart)) {
    const std::string daypart(WordOf(at.Peek(1), Category::kDaypart)->value);
    if (token->lower == "last" && daypart != "NI") return std::nullopt;
    spec = Offset("D", token->lower == "last" ? -1 : 0);
    spec.daypart = daypart;
    at.pos += 2;
    return at.Make(std::move(spec));
  } else {
    return std::nullopt;
  }
  const TimeToken* next = at.Peek();
  if (const TimeWord* daypart = WordOf(next, Category::kDaypart); daypart && (german_ ? next->capitalized : true)) {
    spec.daypart = std::string(daypart->value);
    ++at.pos;
  } else if (german_ && IsAny(next, "früh")) {
    spec.daypart = "MO";
    ++at.pos;
  }
  return at.Make(std::move(spec));
}

// [direction] weekday [daypart] [, date]: "Mittwoch", "vergangenen Freitag", "Mittwochabend",
// "Tuesday night", "Mittwoch, 6. September 2023".
std::optional<TimeMatch> TimeGrammar::MatchWeekday(Cursor& at) const {
  TimeSpec spec;
  spec.kind = SpecKind::kWeekday;
  if (const TimeWord* direction = WordOf(at.Peek(), Category::kDirection)) {
    spec.direction = DirectionOf(*direction);
    ++at.pos;
  }
  const TimeToken* token = at.Peek();
  if (token == nullptr || !token->capitalized) return std::nullopt;
  if (const TimeWord* weekday = WordOf(token, Category::kWeekday)) {
    spec.weekday = ToInt(weekday->value);
  } else if (german_) {
    std::tie(spec.weekday, spec.daypart) = WeekdayCompound(*token, lexicon_);
    if (spec.weekday == 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  ++at.pos;
  // "Saturday Night Live", "The Sunday Times": names.
  if (!german_ && at.Peek() && at.Peek()->capitalized && at.Peek()->kind == TokenKind::kWord && !at.Peek()->in_entity &&
      !WordOf(at.Peek(), Category::kMonth)) {
    return std::nullopt;
  }
  if (!german_ && at.Before() && at.Before()->text == "The" && !at.Before()->sentence_start) return std::nullopt;
  if (spec.daypart.empty()) {
    const TimeToken* next = at.Peek();
    if (const TimeWord* daypart = WordOf(next, Category::kDaypart); daypart && next->capitalized == german_) {
      spec.daypart = std::string(daypart->value);
      ++at.pos;
    }
  }
  // "Dienstag vergangener Woche": the day in that week.
  if (const TimeWord* direction = WordOf(at.Peek(), Category::kDirection); direction && spec.direction == Direction::kUnspecified) {
    const TimeWord* unit = WordOf(at.Peek(1), Category::kUnit);
    if (unit != nullptr && unit->value == "W") {
      spec.in_week = true;
      spec.amount = DirectionOf(*direction) == Direction::kPrevious ? -1 : DirectionOf(*direction) == Direction::kNext ? 1 : 0;
      at.pos += 2;
      return at.Make(std::move(spec));
    }
  }
  // "Mittwoch, 6. September": the date says which Wednesday.
  size_t skip = IsAny(at.Peek(), ",") ? 1 : 0;
  if (german_ && IsAny(at.Peek(skip), "den", "dem")) ++skip;
  Cursor date{at.tokens, at.pos + skip, at.pos + skip, at.tense};
  if (std::optional<TimeMatch> full = MatchDayMonth(date); full && full->spec.kind == SpecKind::kCalendar) {
    at.pos = full->last;
    full->spec.daypart = spec.daypart;
    return at.Make(std::move(full->spec));
  }
  return at.Make(std::move(spec));
}

// "vor drei Jahren", "vor wenigen Tagen", "two years ago"; "in zwei Wochen" unless the sentence
// reports the past (then "zwei Wochen" is a duration: "in zwei Wochen hatte er …").
std::optional<TimeMatch> TimeGrammar::MatchAgoOrAhead(Cursor& at) const {
  const bool ago_first = german_ && WordOf(at.Peek(), Category::kAgo) != nullptr;
  const bool ahead = WordOf(at.Peek(), Category::kLater) != nullptr;
  if (ago_first || ahead) ++at.pos;
  std::string amount;
  if (const TimeWord* number = WordOf(at.Peek(), Category::kNumber)) {
    amount = std::string(number->value);
    ++at.pos;
  } else if (at.Peek() && at.Peek()->number > 0 && at.Peek()->number < 1000) {
    amount = std::to_string(at.Peek()->number);
    ++at.pos;
  }
  const TimeToken* unit_token = at.Peek();
  const TimeWord* unit = WordOf(unit_token, Category::kUnit);
  if (unit == nullptr || unit->value == "WE" || unit->value == "HY") return std::nullopt;
  if (amount.empty() && !IsPluralUnitForm(*unit_token, german_)) return std::nullopt;
  ++at.pos;
  const bool ago = ago_first || (!german_ && !ahead && WordOf(at.Peek(), Category::kAgo));
  // "a year earlier", "two days later": counted from the reference as well
  const bool earlier = !ahead && !ago_first && IsAny(at.Peek(), "earlier", "zuvor", "vorher", "davor");
  const bool later = !ahead && !ago_first && IsAny(at.Peek(), "later", "später", "danach", "darauf");
  if ((earlier || later) && (amount == "X" || amount.empty())) {  // "wenige Tage später", "Wochen später"
    ++at.pos;
    return at.Make(Fixed(later ? "FUTURE_REF" : "PAST_REF"));
  }
  if ((earlier || later) && !amount.empty() && amount != "X" && amount.find('.') == std::string::npos) {
    ++at.pos;
    TimeSpec spec = Offset(std::string(unit->value), later ? ToInt(amount) : -ToInt(amount));
    spec.anaphoric = true;  // "zwei Tage später": after the date the text just gave
    return at.Make(std::move(spec));
  }
  if (!german_ && !ahead) {
    if (!ago) return std::nullopt;
    ++at.pos;
  }
  if (german_ && !ago_first && !ahead) return std::nullopt;
  if (ahead) {
    // "in zwei Wochen" is a point ahead, unless the sentence reports the past.
    if (at.tense == Tense::kPast || amount.empty() || amount == "X" || amount.find('.') != std::string::npos) return std::nullopt;
    at.start += 1;  // the preposition is not part of the expression
    return at.Make(Offset(std::string(unit->value), ToInt(amount)));
  }
  if (amount.empty() || amount == "X" || amount.find('.') != std::string::npos) return at.Make(Fixed("PAST_REF"));
  return at.Make(Offset(std::string(unit->value), -ToInt(amount)));
}

// amount unit: "drei Jahre", "48 Stunden", "mehrere Monate", "three-year", "jahrelang".
std::optional<TimeMatch> TimeGrammar::MatchDuration(Cursor& at) const {
  // "rund eine Stunde", "mehr als zwei Jahre", "about an hour"
  std::string approximation;
  if (const TimeWord* approx = WordOf(at.Peek(), Category::kApprox)) {
    approximation = std::string(approx->value);
    ++at.pos;
  } else if (at.Peek() && at.Peek(1) && lexicon_.StartsPhrase(at.Peek()->lower)) {
    for (const TimeWord& word : lexicon_.Lookup(JoinWords(at.Peek()->lower, at.Peek(1)->lower))) {
      if (word.category != Category::kApprox) continue;
      approximation = std::string(word.value);
      at.pos += 2;
    }
  }
  if (!approximation.empty()) {
    Cursor rest{at.tokens, at.pos, at.pos, at.tense};
    std::optional<TimeMatch> amount = MatchDuration(rest);
    if (!amount) return std::nullopt;
    at.pos = amount->last;
    amount->spec.mod = approximation;
    return at.Make(std::move(amount->spec));
  }
  const TimeToken* token = at.Peek();
  if (token == nullptr) return std::nullopt;
  // "seit Monaten", "for years": a plural unit alone
  if (const TimeWord* unit = WordOf(token, Category::kUnit);
      unit && IsPluralUnitForm(*token, german_) && (german_ ? IsAny(at.Before(), "seit") : IsAny(at.Before(), "for"))) {
    ++at.pos;
    const std::string value = DurationValue("X", unit->value);
    if (value.empty()) return std::nullopt;
    return at.Make(Fixed(value, TimeType::kDuration));
  }
  // "jahrelang", "monatelangem"
  const size_t lang = german_ ? token->lower.rfind("lang") : std::string::npos;
  if (lang != std::string::npos && lang > 3 && token->lower.size() - lang <= 6) {
    const std::string_view stem = token->lower.substr(0, lang);
    for (const TimeWord& word : lexicon_.Lookup(stem)) {
      if (word.category != Category::kUnit || !IsPluralUnitForm(TimeToken{.lower = stem}, true)) continue;
      ++at.pos;
      return at.Make(Fixed(DurationValue("X", word.value), TimeType::kDuration));
    }
  }
  if (german_) {
    if (std::optional<TimeMatch> adjective = MatchDurationAdjective(at)) return adjective;
  }
  std::string amount;
  std::string_view unit_form;
  if (!german_ && token->lower.find('-') != std::string::npos) {
    // "three-year", "48-hour", "two-day"
    const size_t dash = token->lower.find('-');
    const std::string_view head = token->lower.substr(0, dash);
    unit_form = token->lower.substr(dash + 1);
    const int digits = time_grammar::AllDigits(head) ? ToInt(head) : -1;
    if (digits > 0) amount = std::to_string(digits);
    for (const TimeWord& word : lexicon_.Lookup(head)) {
      if (word.category == Category::kNumber && word.value != "X") amount = std::string(word.value);
    }
    // "three-quarters of its food" is a share, not a time
    if (unit_form == "quarters" && IsAny(at.Peek(1), "of")) return std::nullopt;
    const std::span<const TimeWord> unit_words = lexicon_.Lookup(unit_form);
    for (const TimeWord& word : unit_words) {
      if (word.category == Category::kUnit && !amount.empty() && word.value != "WE") {
        ++at.pos;
        return at.Make(Fixed(DurationValue(amount, word.value), TimeType::kDuration));
      }
    }
    return std::nullopt;
  }
  if (!german_ && IsAny(token, "a") && IsAny(at.Peek(1), "few", "couple")) {
    amount = "X";
    at.pos += IsAny(at.Peek(2), "of") ? 2 : 1;
  } else if (const TimeWord* number = WordOf(token, Category::kNumber)) {
    // "Thirty Years' War": a capitalised English number word inside a sentence is a name.
    if (!german_ && token->capitalized && !token->sentence_start) return std::nullopt;
    amount = std::string(number->value);
  } else if (token->number > 0 && token->number < 1000) {
    amount = std::to_string(token->number);
  } else if (token->kind == TokenKind::kNumber && token->text.find(',') != std::string_view::npos && german_) {
    std::string decimal(token->text);
    std::replace(decimal.begin(), decimal.end(), ',', '.');
    amount = decimal;
  } else {
    return std::nullopt;
  }
  ++at.pos;
  if (!german_ && amount == "X" && IsAny(token, "few") == false && IsAny(at.Peek(), "of")) return std::nullopt;
  const TimeWord* unit = WordOf(at.Peek(), Category::kUnit);
  if (unit == nullptr || unit->value == "WE") return std::nullopt;
  if (german_ && !at.Peek()->capitalized) return std::nullopt;
  // "ein Jahr" is one year; "eines Tages" is some day, not a duration.
  if (german_ && token->lower == "eines") return std::nullopt;
  ++at.pos;
  if (const TimeToken* after = at.Peek(); after != nullptr) {
    for (std::string_view age : {"alt", "old", "älter", "jünger", "young"}) {
      if (after->lower.rfind(age, 0) == 0) return std::nullopt;  // "16 Jahre alte", "ten years older"
    }
  }
  if (!german_ && amount == "1" && IsAny(token, "a", "an") && IsAny(at.Peek(), "ago", "later", "earlier")) return std::nullopt;
  return at.Make(Fixed(DurationValue(amount, unit->value), TimeType::kDuration));
}

// "siebentägigen", "zweiwöchige", "neunmonatigen": a number word and a unit adjective in one word.
std::optional<TimeMatch> TimeGrammar::MatchDurationAdjective(Cursor& at) const {
  static constexpr std::pair<std::string_view, std::string_view> kUnits[] = {
      {"tägig", "D"}, {"wöchig", "W"}, {"monatig", "M"}, {"jährig", "Y"}, {"stündig", "H"}};
  const std::string_view word = at.Peek()->lower;
  if (at.Peek()->capitalized && !at.Peek()->sentence_start) return std::nullopt;  // "der Dreißigjährige Krieg"
  for (const auto& [suffix, unit] : kUnits) {
    const size_t at_suffix = word.find(suffix);
    if (at_suffix == std::string::npos || at_suffix == 0 || word.size() - at_suffix - suffix.size() > 2) continue;
    for (const TimeWord& number : lexicon_.Lookup(word.substr(0, at_suffix))) {
      if (number.category != Category::kNumber) continue;
      ++at.pos;
      return at.Make(Fixed(DurationValue(number.value, unit), TimeType::kDuration));
    }
    if (word.rfind("mehr", 0) == 0 && at_suffix == 4) {
      ++at.pos;
      return at.Make(Fixed(DurationValue("X", unit), TimeType::kDuration));
    }
  }
  return std::nullopt;
}

// "täglich", "jährlich", "jeden Montag", "every year".
std::optional<TimeMatch> TimeGrammar::MatchSet(Cursor& at) const {
  // "400 Euro im Monat", "einmal im Jahr"
  if (german_ && IsAny(at.Peek(), "im", "am") && at.Peek(1) != nullptr && at.Before() != nullptr &&
      (at.Before()->number >= 0 || IsAny(at.Before(), "einmal", "zweimal", "dreimal", "euro", "dollar", "mal"))) {
    const TimeWord* unit = WordOf(at.Peek(1), Category::kUnit);
    if (unit != nullptr && !IsPluralUnitForm(*at.Peek(1), true) && (unit->value == "M" || unit->value == "Y" || unit->value == "D") &&
        (at.Peek(2) == nullptr || !IsYearNumber(at.Peek(2)->number))) {
      at.pos += 2;
      return at.Make(Fixed(DurationValue("1", unit->value), TimeType::kSet));
    }
  }
  // "freitags", "on Fridays"
  if (const TimeToken* token = at.Peek(); token && token->lower.size() > 5 && token->lower.back() == 's' &&
                                          token->capitalized != german_ && (german_ || IsAny(at.Before(), "on"))) {
    for (const TimeWord& word : lexicon_.Lookup(std::string_view(token->lower).substr(0, token->lower.size() - 1))) {
      if (word.category != Category::kWeekday) continue;
      ++at.pos;
      return at.Make(Fixed("XXXX-WXX-" + std::string(word.value), TimeType::kSet));
    }
  }
  const TimeWord* set = WordOf(at.Peek(), Category::kSet);
  if (set == nullptr) return std::nullopt;
  ++at.pos;
  if (set->value != "EACH") {
    // English "daily", "annually" are repetitions as adverbs only, not in "the daily toll"
    const TimeToken* next = at.Peek();
    if (!german_ && next != nullptr && next->kind == TokenKind::kWord &&
        !IsAny(next, "in", "at", "on", "for", "from", "since", "until", "by", "and", "or", "but", "to", "with")) {
      return std::nullopt;
    }
    return at.Make(Fixed(std::string(set->value), TimeType::kSet));
  }
  const TimeToken* next = at.Peek();
  if (const TimeWord* weekday = WordOf(next, Category::kWeekday); weekday && next->capitalized) {
    ++at.pos;
    return at.Make(Fixed("XXXX-WXX-" + std::string(weekday->value), TimeType::kSet));
  }
  if (const TimeWord* month = WordOf(next, Category::kMonth); month && next->capitalized) {
    ++at.pos;
    return at.Make(Fixed(fmt::format("XXXX-{:02d}", ToInt(month->value)), TimeType::kSet));
  }
  if (german_ && next != nullptr && next->capitalized) {
    if (const auto [weekday, daypart] = WeekdayCompound(*next, lexicon_); weekday > 0) {
      ++at.pos;
      return at.Make(Fixed("XXXX-WXX-" + std::to_string(weekday) + "T" + daypart, TimeType::kSet));
    }
  }
  if (const TimeWord* unit = WordOf(next, Category::kUnit); unit && !IsPluralUnitForm(*next, german_)) {
    ++at.pos;
    const std::string value = DurationValue("1", unit->value);
    if (value.empty()) return std::nullopt;
    return at.Make(Fixed(value, TimeType::kSet));
  }
  return std::nullopt;
}

std::optional<TimeMatch> TimeGrammar::MatchReference(Cursor& at) const {
  // "the future", "the near future": the noun, not the adjective of "future plans"
  if (!german_ && IsAny(at.Peek(), "the")) {
    const size_t noun = IsAny(at.Peek(1), "near", "distant", "foreseeable") ? 2 : 1;
    if (IsAny(at.Peek(noun), "future")) {
      at.pos += noun + 1;
      return at.Make(Fixed("FUTURE_REF"));
    }
  }
  // "in the past": the noun, not the adjective of "the past week"
  if (!german_ && IsAny(at.Peek(), "the") && IsAny(at.Peek(1), "past") && !WordOf(at.Peek(2), Category::kUnit) &&
      !WordOf(at.Peek(2), Category::kNumber) && (at.Peek(2) == nullptr || at.Peek(2)->number < 0)) {
    at.pos += 2;
    return at.Make(Fixed("PAST_REF"));
  }
  // "vor kurzem", "vor kurzer Zeit"
  if (at.Peek() == nullptr) return std::nullopt;
  for (size_t words = 3; words >= 2 && lexicon_.StartsPhrase(at.Peek()->lower); --words) {
    if (at.Peek(words - 1) == nullptr) continue;
    std::string phrase(at.Peek()->lower);
    for (size_t k = 1; k < words; ++k) (phrase += ' ') += at.Peek(k)->lower;
    for (const TimeWord& word : lexicon_.Lookup(phrase)) {
      if (word.category != Category::kRef) continue;
      at.pos += words;
      return at.Make(Fixed(std::string(word.value)));
    }
  }
  const TimeWord* reference = WordOf(at.Peek(), Category::kRef);
  if (reference == nullptr) return std::nullopt;
  if (IsAny(at.Before(), "so")) return std::nullopt;  // "so bald" = sobald
  // "früher als erwartet" compares.
  if (IsAny(at.Peek(1), "als", "than")) return std::nullopt;
  // English references are lower case inside a sentence ("Future Forum" is a name).
  if (!german_ && at.Peek()->capitalized && !at.Peek()->sentence_start) return std::nullopt;
  ++at.pos;
  return at.Make(Fixed(std::string(reference->value)));
}

// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": the day right after the clock time.
std::optional<TimeMatch> TimeGrammar::WithDayAfter(Cursor& at, TimeSpec clock) const {
  if (german_) return at.Make(std::move(clock));
  using Matcher = std::optional<TimeMatch> (TimeGrammar::*)(Cursor&) const;
  std::optional<TimeMatch> found;
  for (Matcher matcher : {&TimeGrammar::MatchWeekday, &TimeGrammar::MatchDayMonth, &TimeGrammar::MatchDayRelative}) {
    Cursor day{at.tokens, at.pos, at.pos, at.tense};
    if (!found) found = (this->*matcher)(day);
  }
  if (found && found->spec.daypart.empty()) {
    at.pos = found->last;
    clock.from = std::make_shared<TimeSpec>(std::move(found->spec));
  }
  return at.Make(std::move(clock));
}

// The day a German part of the day belongs to, the cursor after the daypart word: "(Nacht) des
// 14. August", "(Nacht) vom 16. auf den 17. April" (the month from the day after), "(Abend)
// desselben Tages", "(Morgen) dieses Tages". Moves the cursor past it.
std::optional<TimeSpec> TimeGrammar::DayOfDaypart(Cursor& at) const {
  if (IsAny(at.Peek(), "des", "vom", "zum")) {
    Cursor date{at.tokens, at.pos + 1, at.pos + 1, at.tense};
    if (std::optional<TimeMatch> day = MatchDayMonth(date); day && day->spec.kind == SpecKind::kCalendar) {
      at.pos = day->last;
      return std::move(day->spec);
    }
    const TimeToken* ordinal = at.Peek(1);
    if (IsAny(at.Peek(), "vom") && ordinal != nullptr && ordinal->ordinal >= 1 && ordinal->ordinal <= 31) {
      for (size_t ahead = 2; ahead < 7 && at.Peek(ahead) != nullptr; ++ahead) {
        Cursor later{at.tokens, at.pos + ahead, at.pos + ahead, at.tense};
        std::optional<TimeMatch> next_day = MatchDayMonth(later);
        if (!next_day || next_day->spec.kind != SpecKind::kCalendar || next_day->spec.month < 0) continue;
        TimeSpec spec = std::move(next_day->spec);
        spec.day = ordinal->ordinal;  // the night before the day named next, same month
        at.pos += 2;
        return spec;
      }
    }
  }
  if (IsAny(at.Peek(), "desselben", "dieses", "jenes") && IsAny(at.Peek(1), "tages", "tags")) {
    Cursor same{at.tokens, at.pos, at.pos, at.tense};
    if (std::optional<TimeMatch> day = MatchRelativeUnit(same); day && day->spec.unit == "D") {
      at.pos = day->last;
      day->spec.anaphoric = true;
      return std::move(day->spec);
    }
  }
  return std::nullopt;
}

// "10 Uhr", "14.30 Uhr", "10:30 a.m.", "5 p.m."; "um 10:30" / "at 10:30".
std::optional<TimeMatch> TimeGrammar::MatchClock(Cursor& at) const {
  const TimeToken* token = at.Peek();
  if (token == nullptr) return std::nullopt;
  TimeSpec spec;
  spec.kind = SpecKind::kClock;
  spec.type = TimeType::kTime;
  // "am Nachmittag", "in der Nacht": a part of the day of the date before it; "Nacht des 14. August"
  if (const TimeWord* daypart = WordOf(token, Category::kDaypart); daypart && german_ && token->capitalized && !token->sentence_start) {
    spec.daypart = std::string(daypart->value);
    ++at.pos;
    if (std::optional<TimeSpec> day = DayOfDaypart(at)) {
      day->daypart = spec.daypart;
      return at.Make(std::move(*day));
    }
    if (IsAny(at.Before(), "am", "gegen") || (IsAny(at.Before(), "der") && spec.daypart == "NI")) return at.Make(std::move(spec));
    return std::nullopt;
  }
  if (const TimeWord* named = WordOf(token, Category::kClock); named && (named->value == "NOON" || named->value == "MIDNIGHT")) {
    spec.hour = named->value == "NOON" ? 12 : 24;
    ++at.pos;
    return WithDayAfter(at, std::move(spec));
  }
  if (const auto clock = ClockToken(token->text)) {
    std::tie(spec.hour, spec.minute) = *clock;
  } else if (token->number >= 0 && token->number <= 24) {
    spec.hour = token->number;
  } else {
    return std::nullopt;
  }
  ++at.pos;
  const TimeWord* clock_word = WordOf(at.Peek(), Category::kClock);
  if (clock_word != nullptr) {
    ++at.pos;
    if (clock_word->value == "PM" && spec.hour < 12) spec.hour += 12;
    if (clock_word->value == "AM" && spec.hour == 12) spec.hour = 0;
    if (!german_ && IsAny(at.Peek(), "est", "edt", "gmt", "utc", "cet", "cest")) ++at.pos;
    if (german_ && at.Peek() != nullptr && at.Peek()->number >= 0 && at.Peek()->number < 60 && !WordOf(at.Peek(1), Category::kUnit)) {
      spec.minute = at.Peek()->number;  // "4 Uhr 45"
      ++at.pos;
    }
    return WithDayAfter(at, std::move(spec));
  }
  const bool clock_text = token->text.find(':') != std::string_view::npos || (german_ && token->text.find('.') != std::string_view::npos);
  if (clock_text && (german_ ? IsAny(at.Before(), "um", "gegen", "ab") : IsAny(at.Before(), "at", "around", "by"))) {
    return at.Make(std::move(spec));
  }
  // "von 10 bis 18 Uhr", "9.30/12.30 Uhr": the first time takes the clock word of the second.
  const TimeToken* link = at.Peek();
  if (link != nullptr && (IsRangeWord(link, german_) || link->text == "/") && at.Peek(1) != nullptr &&
      (at.Peek(1)->number >= 0 || ClockToken(at.Peek(1)->text)) && WordOf(at.Peek(2), Category::kClock)) {
    return at.Make(std::move(spec));
  }
  return std::nullopt;
}

}  // namespace lagebild
