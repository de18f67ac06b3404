// Turns a TimeSpec into its TIMEX3 value against the reference date and the sentence's tense.
#include <fmt/format.h>

#include <cstdlib>

#include "time/time_spec.h"

namespace lagebild {
namespace {

using calendar::Date;

constexpr const char* kSeasons[] = {"WI", "SP", "SU", "FA"};

int SeasonIndex(const std::string& season) {
  for (int i = 0; i < 4; ++i) {
    if (season == kSeasons[i]) return i;
  }
  return -1;
}

constexpr int kMonthDayCycle = 1200;  // positions month * 100 + day
constexpr int kNearMonths = 2;

// -1 if the period `position` (month, season index, …) of the reference year is to be taken from
// the previous year, +1 from the next, 0 from the reference year. `current` is the reference's own.
int YearShift(int position, int current, int period, Direction direction, Tense tense, bool narrative) {
  switch (direction) {
    case Direction::kPrevious:
      return position >= current ? -1 : 0;
    case Direction::kNext:
      return position <= current ? 1 : 0;
    case Direction::kCurrent:
      return 0;
    case Direction::kUnspecified:
      break;
  }
  // A history is told in the past: only a plan or an expectation ("in Kraft treten sollte")
  // looks ahead of its present.
  if (narrative) return tense == Tense::kFuture && position < current ? 1 : 0;
  // The occurrence nearest the reference ("in January" written in November is next January).
  // `period` is the length of the cycle in the units of `position`.
  const int nearest = position - current > period / 2 ? -1 : current - position > period / 2 ? 1 : 0;
  // A date within two months of the reference is the nearest one whatever the tense: reports
  // name coming deadlines in past-tense sentences ("the offer had been set to expire Nov. 6").
  const int distance = std::abs(position - current + nearest * period);
  if (period == kMonthDayCycle && distance <= kNearMonths * 100) return nearest;
  if (tense == Tense::kFuture) return position < current ? 1 : 0;
  if (tense == Tense::kPast) return position > current ? -1 : 0;
  return nearest;
}

std::string WithDaypart(std::string value, const TimeSpec& spec) {
  if (value.empty() || spec.daypart.empty()) return value;
  return value + "T" + spec.daypart;
}

std::string ResolveCalendar(const TimeSpec& spec, const TimeContext& context) {
  int year = spec.year;
  if (year < 0) {
    if (!context.reference) return "";
    const Date& ref = *context.reference;
    year = ref.year + spec.year_offset;
    if (!spec.year_is_relative) {
      if (spec.month > 0) {
        const int position = spec.month * 100 + std::max(spec.day, 0);
        const int current = ref.month * 100 + (spec.day > 0 ? ref.day : 0);
        year += YearShift(position, current, kMonthDayCycle, spec.direction, context.tense, context.narrative);
      } else if (!spec.season.empty()) {
        // Winter belongs to the year it starts in: January and February are in last year's winter.
        const bool early_winter = ref.month <= 2;
        const int current = early_winter ? 4 : ref.month == 12 ? 4 : (ref.month - 3) / 3 + 1;
        const int position = SeasonIndex(spec.season) == 0 ? 4 : SeasonIndex(spec.season);
        if (early_winter) --year;
        year += YearShift(position, current, 4, spec.direction, context.tense, context.narrative);
      } else if (spec.quarter > 0 || spec.half > 0) {
        const int current = spec.quarter > 0 ? (ref.month - 1) / 3 + 1 : (ref.month - 1) / 6 + 1;
        const int position = spec.quarter > 0 ? spec.quarter : spec.half;
        // Reports name quarters in any tense ("expects to report a third-quarter loss"): the nearest.
        year += YearShift(position, current, spec.quarter > 0 ? 4 : 2, spec.direction, Tense::kUnknown, context.narrative);
      }
    }
  }
  if (spec.month > 0 && spec.day > 0) {
    if (!calendar::IsValid({year, spec.month, spec.day})) return "";
    return WithDaypart(calendar::FormatDay({year, spec.month, spec.day}), spec);
  }
  if (spec.month > 0) return calendar::FormatMonth(year, spec.month);
  const std::string year_text = calendar::FormatYear(year);
  if (year_text.empty()) return "";
  if (!spec.season.empty()) return year_text + "-" + spec.season;
  if (spec.quarter > 0) return year_text + "-Q" + std::to_string(spec.quarter);
  if (spec.half > 0) return year_text + "-H" + std::to_string(spec.half);
  return year_text;
}

std::string WeekendOf(const Date& day) { return calendar::FormatWeek(calendar::WeekOf(day)) + "-WE"; }

std::string ResolveOffset(const TimeSpec& spec, const TimeContext& context) {
  if (!context.reference) return "";
  const Date& ref = spec.anaphoric && context.last_text_day ? *context.last_text_day : *context.reference;
  const std::string& unit = spec.unit;
  if (unit == "Y" && spec.amount == -1 && spec.direction == Direction::kUnspecified && context.reporting_quarter.size() == 7) {
    const int year = std::stoi(context.reporting_quarter.substr(0, 4)) - 1;
    return calendar::FormatYear(year) + context.reporting_quarter.substr(4);
  }
  if (unit == "D" && spec.amount == 0 && context.narrative && spec.daypart.empty() && spec.direction == Direction::kUnspecified) {
    return "PRESENT_REF";
  }  // "heute" in a history
  if (unit == "D") return WithDaypart(calendar::FormatDay(calendar::AddDays(ref, spec.amount)), spec);
  // "eine Woche später" after a day the text gave: that day a week on
  if (unit == "W" && spec.anaphoric && context.last_text_day) return calendar::FormatDay(calendar::AddDays(ref, 7L * spec.amount));
  if (unit == "W") return calendar::FormatWeek(calendar::WeekOf(calendar::AddDays(ref, 7L * spec.amount)));
  if (unit == "WE") {
    // "am Wochenende": the weekend it is, else the coming one for plans and the last one for reports.
    const bool weekend = calendar::Weekday(ref) >= 6;
    int weeks = 0;
    switch (spec.direction) {
      case Direction::kPrevious: weeks = -1; break;
      case Direction::kNext: weeks = weekend ? 1 : 0; break;
      case Direction::kCurrent: weeks = 0; break;
      case Direction::kUnspecified: weeks = weekend || context.tense == Tense::kFuture ? 0 : -1; break;
    }
    return WeekendOf(calendar::AddDays(ref, 7L * weeks));
  }
  if (unit == "M") {
    const Date month = calendar::AddMonths({ref.year, ref.month, 1}, spec.amount);
    return calendar::FormatMonth(month.year, month.month);
  }
  if (unit == "Q") {
    const int index = ref.year * 4 + (ref.month - 1) / 3 + spec.amount;
    return calendar::FormatYear(index / 4) + "-Q" + std::to_string(index % 4 + 1);
  }
  if (unit == "HY") {
    const int index = ref.year * 2 + (ref.month - 1) / 6 + spec.amount;
    return calendar::FormatYear(index / 2) + "-H" + std::to_string(index % 2 + 1);
  }
  if (unit == "DE") return std::to_string(ref.year / 10 + spec.amount);
  if (unit == "CE") return std::to_string(ref.year / 100 + spec.amount);
  return calendar::FormatYear(ref.year + spec.amount);
}

std::string ResolveWeekday(const TimeSpec& spec, const TimeContext& context) {
  if (!context.reference) return "";
  const Date& ref = *context.reference;
  const int today = calendar::Weekday(ref);
  if (spec.in_week) {
    const Date day = calendar::AddDays(ref, 7L * spec.amount + spec.weekday - today);
    return WithDaypart(calendar::FormatDay(day), spec);
  }
  bool forward = context.tense == Tense::kFuture;
  if (spec.direction == Direction::kPrevious) forward = false;
  if (spec.direction == Direction::kNext) forward = true;
  long shift = 0;
  if (forward) {
    shift = (spec.weekday - today + 7) % 7;  // the same weekday is today: wire reports say "on Tuesday"
    if (shift == 0 && spec.direction == Direction::kNext) shift = 7;
  } else {
    shift = -((today - spec.weekday + 7) % 7);
    if (shift == 0 && spec.direction == Direction::kPrevious) shift = -7;
  }
  return WithDaypart(calendar::FormatDay(calendar::AddDays(ref, shift)), spec);
}

std::string ResolveClock(const TimeSpec& spec, const TimeContext& context) {
  std::optional<Date> day = context.last_day ? context.last_day : context.reference;
  if (spec.from) day = DateOfValue(ResolveTimeSpec(*spec.from, context));  // "10 p.m. Wednesday"
  const std::string clock = spec.hour < 0 ? "T" + spec.daypart : fmt::format("T{:02d}:{:02d}", spec.hour, spec.minute);
  if (!day) return "";
  return calendar::FormatDay(*day) + clock;
}

// "2023-09-05" → that day, "2023-09" → the 1st, "2023-FA" → October 1st; years after Christ.
std::optional<calendar::Date> DateOfPositiveValue(const std::string& value) {
  if (value.size() < 4 || !std::isdigit(static_cast<unsigned char>(value[0]))) return std::nullopt;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return std::nullopt;
  }
  calendar::Date date{std::stoi(value.substr(0, 4)), 1, 1};
  auto two_digits = [&](size_t at) {
    return value.size() >= at + 2 && std::isdigit(static_cast<unsigned char>(value[at])) &&
                   std::isdigit(static_cast<unsigned char>(value[at + 1]))
               ? std::stoi(value.substr(at, 2))
               : -1;
  };
  if (value.size() >= 7 && value[4] == '-' && two_digits(5) > 0) {
    date.month = two_digits(5);
    if (value.size() >= 10 && value[7] == '-' && two_digits(8) > 0) date.day = two_digits(8);
  } else if (value.size() == 7 && value[4] == '-') {
    // A season, quarter or half stands for its middle month: after "im Herbst 1861" the story
    // is in autumn, not in January (which would put the next spring in 1860).
    const std::string_view period = std::string_view(value).substr(5);
    static constexpr std::pair<std::string_view, int> kMiddleMonths[] = {
        {"SP", 4}, {"SU", 7}, {"FA", 10}, {"WI", 12}, {"Q1", 2}, {"Q2", 5}, {"Q3", 8}, {"Q4", 11}, {"H1", 4}, {"H2", 10}};
    for (const auto& [name, month] : kMiddleMonths) {
      if (period == name) date.month = month;
    }
  }
  if (!calendar::IsValid(date)) return std::nullopt;
  return date;
}

}  // namespace

std::string ResolveTimeSpec(const TimeSpec& spec, const TimeContext& context) {
  switch (spec.kind) {
    case SpecKind::kFixed:
      return spec.value;
    case SpecKind::kCalendar:
      return ResolveCalendar(spec, context);
    case SpecKind::kOffset:
      return ResolveOffset(spec, context);
    case SpecKind::kWeekday:
      return ResolveWeekday(spec, context);
    case SpecKind::kClock:
      return ResolveClock(spec, context);
    case SpecKind::kRange: {
      const std::string from = ResolveTimeSpec(*spec.from, context);
      const std::string to = ResolveTimeSpec(*spec.to, context);
      return from.empty() || to.empty() ? "" : from + "/" + to;
    }
  }
  return "";
}

std::optional<calendar::Date> DateOfValue(const std::string& text) {
  // "BC0218-12": a year before Christ is negative
  const bool before_christ = text.starts_with("BC");
  const std::string value = before_christ ? text.substr(2) : text;
  std::optional<calendar::Date> date = DateOfPositiveValue(value);
  if (date && before_christ) date->year = -date->year;
  return date;
}

}  // namespace lagebild
