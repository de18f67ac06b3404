// What the grammar (time_grammar.cc) reads from a time expression before it is resolved against a
// reference date (time_resolution.cc): the meaning, not yet the value.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "lagebild/document.h"
#include "time/calendar.h"

namespace lagebild {

enum class SpecKind : uint8_t {
  kFixed,     // the value needs no reference: "2023-09-05", "195", "P3Y", "PRESENT_REF", "P1D"
  kCalendar,  // calendar fields, the year possibly missing: "im September", "5. Mai", "im Sommer"
  kOffset,    // a unit counted from the reference: "gestern", "letzte Woche", "vor drei Jahren"
  kWeekday,   // "am Mittwoch", "last Tuesday"
  kClock,     // "10 Uhr", "5 p.m.": on the day of the date before it, else the reference day
  kRange,     // "10. bis 13. September": `from` and `to`
};

// Which occurrence of a month, weekday or season is meant when the year or week is not given.
enum class Direction : int8_t {
  kPrevious = -1,  // vergangenen Oktober, last Tuesday: strictly before the reference
  kCurrent = 0,    // diesen Sommer, this Tuesday: tense decides like kUnspecified
  kNext = 1,       // kommenden Freitag, next Tuesday: strictly after the reference
  kUnspecified = 2,
};

struct TimeSpec {
  SpecKind kind = SpecKind::kFixed;
  TimeType type = TimeType::kDate;
  std::string value;  // kFixed
  std::string mod;    // START, MID, END, …

  // kCalendar
  int year = -1;
  int month = -1;
  int day = -1;
  std::string season;  // SP, SU, FA, WI
  int quarter = -1;
  int half = -1;
  int year_offset = 0;           // the year counted from the reference year ("Sommer vergangenen Jahres")
  bool year_is_relative = false;
  Direction direction = Direction::kUnspecified;

  // kOffset: `amount` units from the reference, shown at that unit's granularity
  std::string unit;  // Y, Q, HY, M, W, WE, D, DE, CE
  int amount = 0;
  bool anaphoric = false;  // counted from the text's last date: "zwei Tage später", "am selben Tag"

  int weekday = 0;       // kWeekday: 1 Monday … 7 Sunday
  bool in_week = false;  // kWeekday in the week `amount` weeks from the reference's ("Dienstag vergangener Woche")
  std::string daypart;   // MO, MI, AF, EV, NI: "Mittwochabend" → …TEV
  int hour = -1;         // kClock
  int minute = 0;

  std::shared_ptr<TimeSpec> from, to;  // kRange; `from` of a kClock is its day
  bool split = false;                  // kRange written in one token with a slash: two expressions ("1939/1940")
};

// A recognised expression: tokens [first, last) of the document and what they mean.
struct TimeMatch {
  uint32_t first = 0;
  uint32_t last = 0;
  TimeSpec spec;
};

// The tense of a sentence as far as the time words tell (data/time: `past`, `future` cues).
enum class Tense : uint8_t { kUnknown, kPast, kFuture };

// What relative expressions are resolved against, per sentence.
struct TimeContext {
  std::optional<calendar::Date> reference;  // the publication date or the text's last date
  Tense tense = Tense::kUnknown;
  bool narrative = false;  // a history text: months and days take the reference's year, "heute" is now
  bool reference_from_text = false;  // a narrative's reference is a date of the text, no longer the publication's
  std::optional<calendar::Date> last_day;   // the day of the previous expression in the sentence
  // The reporting period of a company report: a quarter ("2023-Q3") named in the last sentences.
  // "a year ago" and "a year earlier" then mean that quarter a year before.
  std::string reporting_quarter;
  // The last day the text named (any expression with a day), for anaphoric offsets.
  std::optional<calendar::Date> last_text_day;
};

// The TIMEX3 value of `spec`, or "" when it needs a reference and there is none.
std::string ResolveTimeSpec(const TimeSpec& spec, const TimeContext& context);

// The date an absolute or resolved value stands for, for narrative reference tracking and clock
// times: "2023-09-05" → that day, "2023-09" → the 1st; nullopt for anything without a year.
std::optional<calendar::Date> DateOfValue(const std::string& value);

}  // namespace lagebild
