// Calendar arithmetic and the resolution of time specs against a reference date (src/time). The
// grammar itself is specified by the golden files under tests/golden/times.
#include <gtest/gtest.h>

#include "test_support.h"
#include "time/calendar.h"
#include "time/time_spec.h"

namespace lagebild {
namespace {

using calendar::Date;

TEST(CalendarTest, WeekdaysAndIsoWeeksAtYearBoundaries) {
  struct Case {
    Date date;
    int weekday;
    const char* week;
  };
  const Case cases[] = {
      {{2023, 9, 5}, 2, "2023-W36"},   {{2021, 1, 4}, 1, "2021-W01"}, {{2021, 1, 3}, 7, "2020-W53"},
      {{2024, 12, 30}, 1, "2025-W01"}, {{2024, 2, 29}, 4, "2024-W09"}, {{1970, 1, 1}, 4, "1970-W01"},
      {{1939, 9, 1}, 5, "1939-W35"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(calendar::Weekday(c.date), c.weekday) << calendar::FormatDay(c.date);
    EXPECT_EQ(calendar::FormatWeek(calendar::WeekOf(c.date)), c.week) << calendar::FormatDay(c.date);
  }
}

TEST(CalendarTest, DayAndMonthArithmetic) {
  EXPECT_EQ(calendar::AddDays({2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(calendar::AddDays({2023, 12, 31}, 1), (Date{2024, 1, 1}));
  EXPECT_EQ(calendar::AddDays({2023, 3, 1}, -1), (Date{2023, 2, 28}));
  EXPECT_EQ(calendar::AddMonths({2024, 1, 31}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(calendar::AddMonths({2024, 1, 15}, -1), (Date{2023, 12, 15}));
  for (long days : {-800000L, -1L, 0L, 19605L, 2932896L}) {
    EXPECT_EQ(calendar::DaysFromCivil(calendar::CivilFromDays(days)), days);
  }
  EXPECT_FALSE(calendar::IsValid({2023, 2, 29}));
  EXPECT_TRUE(calendar::IsValid({2000, 2, 29}));
  EXPECT_FALSE(calendar::ParseDay("2023-13-01"));
  EXPECT_EQ(*calendar::ParseDay("2023-09-05"), (Date{2023, 9, 5}));
}

TimeSpec Month(int month, Direction direction = Direction::kUnspecified) {
  TimeSpec spec;
  spec.kind = SpecKind::kCalendar;
  spec.month = month;
  spec.direction = direction;
  return spec;
}

TimeSpec Weekday(int weekday, Direction direction = Direction::kUnspecified) {
  TimeSpec spec;
  spec.kind = SpecKind::kWeekday;
  spec.weekday = weekday;
  spec.direction = direction;
  return spec;
}

TimeSpec Offset(const char* unit, int amount) {
  TimeSpec spec;
  spec.kind = SpecKind::kOffset;
  spec.unit = unit;
  spec.amount = amount;
  return spec;
}

TimeContext On(Date reference, Tense tense = Tense::kUnknown) {
  TimeContext context;
  context.reference = reference;
  context.tense = tense;
  return context;
}

TEST(TimeResolutionTest, MonthsTakeTheYearTheTenseAndDirectionPoint) {
  const Date tuesday{2023, 9, 5};
  EXPECT_EQ(ResolveTimeSpec(Month(12), On(tuesday, Tense::kPast)), "2022-12");
  EXPECT_EQ(ResolveTimeSpec(Month(12), On(tuesday)), "2023-12");
  EXPECT_EQ(ResolveTimeSpec(Month(1), On(tuesday)), "2024-01");  // nearest January
  EXPECT_EQ(ResolveTimeSpec(Month(3), On(tuesday, Tense::kFuture)), "2024-03");
  EXPECT_EQ(ResolveTimeSpec(Month(10, Direction::kPrevious), On(tuesday)), "2022-10");
  EXPECT_EQ(ResolveTimeSpec(Month(9, Direction::kPrevious), On(tuesday)), "2022-09");
  EXPECT_EQ(ResolveTimeSpec(Month(9), TimeContext{}), "");  // no publication date: no value
  TimeContext narrative = On({1940, 6, 1}, Tense::kPast);
  narrative.narrative = true;
  EXPECT_EQ(ResolveTimeSpec(Month(8), narrative), "1940-08");  // a history follows its own year
}

TEST(TimeResolutionTest, WeekdaysLookBackUnlessTheSentenceLooksAhead) {
  const Date tuesday{2023, 9, 5};
  EXPECT_EQ(ResolveTimeSpec(Weekday(3), On(tuesday)), "2023-08-30");
  EXPECT_EQ(ResolveTimeSpec(Weekday(2), On(tuesday, Tense::kPast)), "2023-09-05");
  EXPECT_EQ(ResolveTimeSpec(Weekday(5), On(tuesday, Tense::kFuture)), "2023-09-08");
  EXPECT_EQ(ResolveTimeSpec(Weekday(2, Direction::kNext), On(tuesday)), "2023-09-12");
  EXPECT_EQ(ResolveTimeSpec(Weekday(2, Direction::kPrevious), On(tuesday)), "2023-08-29");
}

TEST(TimeResolutionTest, OffsetsKeepTheGranularityOfTheirUnit) {
  const Date tuesday{2023, 9, 5};
  EXPECT_EQ(ResolveTimeSpec(Offset("D", -1), On(tuesday)), "2023-09-04");
  EXPECT_EQ(ResolveTimeSpec(Offset("W", -1), On(tuesday)), "2023-W35");
  EXPECT_EQ(ResolveTimeSpec(Offset("M", -9), On(tuesday)), "2022-12");
  EXPECT_EQ(ResolveTimeSpec(Offset("Q", -3), On(tuesday)), "2022-Q4");
  EXPECT_EQ(ResolveTimeSpec(Offset("HY", 1), On(tuesday)), "2024-H1");
  EXPECT_EQ(ResolveTimeSpec(Offset("Y", -1), On(tuesday)), "2022");
  EXPECT_EQ(ResolveTimeSpec(Offset("DE", 0), On(tuesday)), "202");
  EXPECT_EQ(ResolveTimeSpec(Offset("WE", 0), On(tuesday, Tense::kPast)), "2023-W35-WE");
  EXPECT_EQ(ResolveTimeSpec(Offset("WE", 0), On(tuesday, Tense::kFuture)), "2023-W36-WE");
}

TEST(TimeResolutionTest, ClockTimesTakeTheDayBeforeThemAndRangesBothEnds) {
  TimeSpec clock;
  clock.kind = SpecKind::kClock;
  clock.type = TimeType::kTime;
  clock.hour = 14;
  clock.minute = 30;
  TimeContext context = On({2023, 9, 5});
  EXPECT_EQ(ResolveTimeSpec(clock, context), "2023-09-05T14:30");
  context.last_day = Date{2023, 8, 30};
  EXPECT_EQ(ResolveTimeSpec(clock, context), "2023-08-30T14:30");
  TimeSpec range;
  range.kind = SpecKind::kRange;
  TimeSpec from = Month(9), to = Month(9);
  from.day = 10;
  to.day = 13;
  range.from = std::make_shared<TimeSpec>(from);
  range.to = std::make_shared<TimeSpec>(to);
  EXPECT_EQ(ResolveTimeSpec(range, On({2023, 9, 5})), "2023-09-10/2023-09-13");
}

TEST(TimeResolutionTest, DateOfValueReadsOnlyValuesWithAYear) {
  EXPECT_EQ(*DateOfValue("2023-09-05"), (Date{2023, 9, 5}));
  EXPECT_EQ(*DateOfValue("2023-09"), (Date{2023, 9, 1}));
  EXPECT_EQ(*DateOfValue("2023-W36"), (Date{2023, 1, 1}));
  EXPECT_FALSE(DateOfValue("PRESENT_REF"));
  EXPECT_FALSE(DateOfValue("P3Y"));
  EXPECT_EQ(*DateOfValue("1861-FA"), (Date{1861, 10, 1}));  // a season stands for its middle month
  EXPECT_EQ(*DateOfValue("BC0218-12"), (Date{-218, 12, 1}));
  EXPECT_EQ(calendar::FormatDay({-216, 8, 2}), "BC0216-08-02");
}

// A history (TimeReference::kNarrative) follows its own dates: the values of its expressions in
// text order.
std::vector<std::string> NarrativeValues(const std::string& text) {
  RawDocument raw;
  raw.content = text;
  raw.meta.lang = "de";
  raw.meta.published = "2009-01-01";
  raw.meta.time_reference = TimeReference::kNarrative;
  std::vector<std::string> values;
  for (const TimeExpression& time : testing_support::TestPipeline().Process(raw).times) values.push_back(time.value);
  return values;
}

TEST(NarrativeTimeTest, TheStoryMovesWithItsDatesButNotWithAsidesOrBounds) {
  using Values = std::vector<std::string>;
  // after the autumn, "bis zum Frühjahr" reaches into the next year; a season is no January
  EXPECT_EQ(NarrativeValues("Im Herbst 1861 verließen Soldaten ihre Einheiten. Die Front blieb bis zum Frühjahr ruhig."),
            (Values{"1861-FA", "1862-SP"}));
  // "bis 1915" bounds a span and a far-off bare year is an aside: the story stays in 1914
  EXPECT_EQ(NarrativeValues("Am 5. August 1914 erklärte Großbritannien den Krieg. Bis 1915 entstanden 40 Divisionen. "
                            "Wie schon 1871 war die Stimmung gereizt. Am 10. August griffen bayerische Truppen an."),
            (Values{"1914-08-05", "1915", "1871", "1914-08-10"}));
  // years before Christ carry the story too
  EXPECT_EQ(NarrativeValues("Im Jahr 218 v. Chr. überschritt Hannibal den Ebro. Im Dezember traf er an der Trebia auf die Römer."),
            (Values{"BC0218", "BC0218-12"}));
}

}  // namespace
}  // namespace lagebild
