#include "time/calendar.h"

#include <fmt/format.h>

#include "util/iso_date.h"

namespace lagebild::calendar {

long DaysFromCivil(const Date& date) {
  const long year = date.month <= 2 ? date.year - 1 : date.year;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date CivilFromDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long month_index = (5 * day_of_year + 2) / 153;
  Date date;
  date.day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  date.month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValid(const Date& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= DaysInMonth(date.year, date.month);
}

int Weekday(const Date& date) {
  const long days = DaysFromCivil(date);  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

Date AddDays(const Date& date, long days) { return CivilFromDays(DaysFromCivil(date) + days); }

Date AddMonths(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  Date shifted{index / 12, index % 12 + 1, date.day};
  if (shifted.day > DaysInMonth(shifted.year, shifted.month)) shifted.day = DaysInMonth(shifted.year, shifted.month);
  return shifted;
}

IsoWeek WeekOf(const Date& date) {
  // The ISO week belongs to the year of its Thursday.
  const Date thursday = AddDays(date, 4 - Weekday(date));
  const long first_day = DaysFromCivil({thursday.year, 1, 1});
  return {thursday.year, static_cast<int>((DaysFromCivil(thursday) - first_day) / 7 + 1)};
}

// A negative year is one before Christ, written TIMEX-style: -218 → "BC0218".
std::string FormatYear(int year) {
  if (year < -9999 || year > 9999) return "";
  return year < 0 ? fmt::format("BC{:04d}", -year) : fmt::format("{:04d}", year);
}

std::string FormatMonth(int year, int month) {
  const std::string text = FormatYear(year);
  return text.empty() ? "" : fmt::format("{}-{:02d}", text, month);
}

std::string FormatDay(const Date& date) {
  const std::string text = FormatYear(date.year);
  return text.empty() ? "" : fmt::format("{}-{:02d}-{:02d}", text, date.month, date.day);
}

std::string FormatWeek(const IsoWeek& week) {
  return week.year < 0 || week.year > 9999 ? "" : fmt::format("{:04d}-W{:02d}", week.year, week.week);
}

std::optional<Date> ParseDay(std::string_view text) {
  const std::optional<std::string> iso = ParseIsoDate(text);
  if (!iso) return std::nullopt;
  return Date{std::stoi(iso->substr(0, 4)), std::stoi(iso->substr(5, 2)), std::stoi(iso->substr(8, 2))};
}

}  // namespace lagebild::calendar
