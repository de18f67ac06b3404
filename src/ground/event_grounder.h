// The grounding stage (docs/grounding.md): gives each event the date and the place of its own
// clause. The date is the value of the time expression nearest the trigger in the clause; a
// plainly reported event without one takes the publication date, marked as such; plans,
// possibilities and negations without one, and clauses with only a vague reference ("kürzlich"),
// get none. The place is the place mention nearest the trigger in the clause ("trifft in
// Wladiwostok", "reiste nach Moskau"). Nothing is taken from another clause, nothing is guessed.
// A visit (CAMEO 042) to a country or capital without a place in its clause takes the visited
// country or capital as its place ("Selenskyj besuchte am Freitag Kanada"). Immutable; thread-safe.
#pragma once

#include "lagebild/document.h"

namespace lagebild {

class Gazetteer;

class EventGrounder {
 public:
  // `gazetteer` places visited countries and capitals; may be null (then they get no place).
  explicit EventGrounder(const Gazetteer* gazetteer = nullptr) : gazetteer_(gazetteer) {}
  void Ground(Document& doc) const;

 private:
  int32_t PlaceOfVisit(Document& doc, const Event& event) const;
  const Gazetteer* gazetteer_;
};

}  // namespace lagebild
