// Proleptic Gregorian calendar arithmetic for resolving relative time expressions, and the
// TIMEX3 spelling of dates, weeks and months.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lagebild::calendar {

struct Date {
  int year = 0;
  int month = 1;  // 1…12
  int day = 1;    // 1…31
  friend bool operator==(const Date&, const Date&) = default;
};

// Days since 1970-01-01 and back (Howard Hinnant's civil-from-days algorithm).
long DaysFromCivil(const Date& date);
Date CivilFromDays(long days);

bool IsValid(const Date& date);
int DaysInMonth(int year, int month);
// ISO 8601 weekday: 1 Monday … 7 Sunday.
int Weekday(const Date& date);
Date AddDays(const Date& date, long days);
// Month arithmetic keeps the day where the month has it, else the month's last day.
Date AddMonths(const Date& date, int months);

struct IsoWeek {
  int year = 0;
  int week = 1;
};
IsoWeek WeekOf(const Date& date);

// "2023-09-05", "2023-09", "2023-W36", "2023"; years outside 0…9999 give "".
std::string FormatDay(const Date& date);
std::string FormatMonth(int year, int month);
std::string FormatWeek(const IsoWeek& week);
std::string FormatYear(int year);

// "YYYY-MM-DD" (the publication date), or nullopt.
std::optional<Date> ParseDay(std::string_view text);

}  // namespace lagebild::calendar
