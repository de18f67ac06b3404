// The time words of one language (data/time/*.txt and CLDR, compiled by compile/time_sources):
// lower-case form → its categories with values. Built once from the image; immutable.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "lagebild/status.h"
#include "resources/flat_string_map.h"
#include "resources/resource_image.h"

namespace lagebild {

enum class TimeWordCategory : uint8_t {
  kUnit, kDirection, kPosition, kSeason, kDaypart, kRef, kSet, kNumber, kOrdinal, kDecade,
  kFuture, kPast, kApprox, kAgo, kLater, kClock, kOffset, kMonth, kWeekday, kDayRelative, kHoliday,
};

struct TimeWord {
  TimeWordCategory category;
  std::string_view value;  // "Y", "-1", "SU", "9", …; points into the image
};

class TimeLexicon {
 public:
  // `lang` is "de" or "en"; reads section "time/<lang>/words".
  static std::unique_ptr<TimeLexicon> Create(const ResourceImage& image, std::string_view lang, Status& status);

  // The entries of a lower-case form; empty when it is no time word.
  std::span<const TimeWord> Lookup(std::string_view lower_form) const { return Lookup(lower_form, HashWord(lower_form)); }
  // The same with the form's HashWord, computed once for this and StartsPhrase.
  std::span<const TimeWord> Lookup(std::string_view lower_form, uint64_t hash) const;
  // Whether some entry of several words ("vor kurzem", "more than") starts with this word.
  bool StartsPhrase(std::string_view lower_form) const { return phrase_starts_.contains(lower_form); }
  bool StartsPhrase(std::string_view lower_form, uint64_t hash) const { return phrase_starts_.contains(lower_form, hash); }

 private:
  FlatStringMap<std::string_view, std::vector<TimeWord>> words_;
  FlatStringSet<std::string_view> phrase_starts_;
};

}  // namespace lagebild
