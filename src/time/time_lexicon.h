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

  // What the lexicon knows of a lower-case form: its entries (empty when it is no time word) and
  // whether some entry of several words ("vor kurzem", "more than") starts with it.
  struct Found {
    std::span<const TimeWord> words;
    bool starts_phrase = false;
  };
  // `hash` is the form's HashWord: one probe answers both questions. Asked for every token, so
  // defined here, where the time grammar can inline it.
  Found Find(std::string_view lower_form, uint64_t hash) const {
    const auto found = entries_.find(lower_form, hash);
    if (found == entries_.end()) return {};
    return {found->second.words, found->second.starts_phrase};
  }

  std::span<const TimeWord> Lookup(std::string_view lower_form) const { return Find(lower_form, HashWord(lower_form)).words; }
  bool StartsPhrase(std::string_view lower_form) const { return Find(lower_form, HashWord(lower_form)).starts_phrase; }
  // The most words an entry has ("vor kurzer Zeit": 3).
  size_t longest_phrase_words() const { return longest_phrase_words_; }

 private:
  struct Entry {
    std::vector<TimeWord> words;
    bool starts_phrase = false;
  };
  FlatStringMap<std::string_view, Entry> entries_;
  size_t longest_phrase_words_ = 1;
};

}  // namespace lagebild
