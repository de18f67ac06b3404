#include "util/iso_date.h"

#include <cctype>

namespace lagebild {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<std::string> ParseIsoDate(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return std::nullopt;
  const std::string_view year = value.substr(0, 4), month = value.substr(5, 2), day = value.substr(8, 2);
  if (!AllDigits(year) || !AllDigits(month) || !AllDigits(day)) return std::nullopt;
  const int y = ToInt(year), m = ToInt(month), d = ToInt(day);
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return std::string(value.substr(0, 10));
}

}  // namespace lagebild
