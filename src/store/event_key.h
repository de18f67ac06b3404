// Which reports are one event (docs/schema.md "Events"): the same source and target actor codes,
// the same CAMEO code, the same modality and the same date, or a day apart when both are days
// (a report from another time zone, "Tuesday night" against "Wednesday"). A report without a
// date of its own counts as of the day it was published ("~1987-03-30"), so undated reports of
// days far apart stay apart; without that either, it stays an event of its document alone.
#pragma once

#include <string>
#include <vector>

#include "lagebild/document.h"

namespace lagebild {

struct EventKey {
  std::string source;    // actor code, "" when unknown
  std::string target;
  std::string code;      // CAMEO
  std::string modality;  // asserted, planned, possible, negated
  std::string date;      // TIMEX3 value, "~YYYY-MM-DD" for the publication day, "#HASH" for none

  // "RUSGOV|PRKGOV|040|planned|2023-09": the stored key.
  std::string Text() const;
};

EventKey KeyOf(const Document& doc, const Event& event);

// The keys of the same event dated a day earlier and a day later, in that order; none when the
// key's date is not a day ("2023-09", "2023-W36", "#…").
std::vector<std::string> NeighbourDayKeys(const EventKey& key);

}  // namespace lagebild
