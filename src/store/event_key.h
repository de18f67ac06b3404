// Which reports are one event (docs/schema.md "Events"): the same source and target actor codes,
// the same CAMEO code, the same modality and the same date. A report without a date of its own
// counts as of the day it was published ("~1987-03-30"), so undated reports of different days
// stay apart; without that either, it stays an event of its document alone.
#pragma once

#include <string>

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

}  // namespace lagebild
