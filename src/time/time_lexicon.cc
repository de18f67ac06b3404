#include "time/time_lexicon.h"

#include <algorithm>
#include <array>
#include <string>

#include "resources/section_lines.h"

namespace lagebild {
namespace {

struct CategoryName {
  std::string_view name;
  TimeWordCategory category;
};

constexpr std::array<CategoryName, 21> kCategoryNames = {{
    {"unit", TimeWordCategory::kUnit},         {"direction", TimeWordCategory::kDirection},
    {"position", TimeWordCategory::kPosition}, {"season", TimeWordCategory::kSeason},
    {"daypart", TimeWordCategory::kDaypart},   {"ref", TimeWordCategory::kRef},
    {"set", TimeWordCategory::kSet},           {"number", TimeWordCategory::kNumber},
    {"ordinal", TimeWordCategory::kOrdinal},   {"decade", TimeWordCategory::kDecade},
    {"future", TimeWordCategory::kFuture},     {"past", TimeWordCategory::kPast},
    {"approx", TimeWordCategory::kApprox},     {"ago", TimeWordCategory::kAgo},
    {"later", TimeWordCategory::kLater},       {"clock", TimeWordCategory::kClock},
    {"offset", TimeWordCategory::kOffset},
    {"month", TimeWordCategory::kMonth},       {"weekday", TimeWordCategory::kWeekday},
    {"dayrel", TimeWordCategory::kDayRelative}, {"holiday", TimeWordCategory::kHoliday},
}};

}  // namespace

std::unique_ptr<TimeLexicon> TimeLexicon::Create(const ResourceImage& image, std::string_view lang, Status& status) {
  const std::string name = "time/" + std::string(lang) + "/words";
  const std::optional<std::string_view> section = image.Section(name);
  if (!section) {
    status = Status::Error(image.path() + ": no section " + name + " (rebuild the image)");
    return nullptr;
  }
  auto lexicon = std::unique_ptr<TimeLexicon>(new TimeLexicon());
  ForEachSectionLine(*section, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 3) return;
    for (const CategoryName& entry : kCategoryNames) {
      if (entry.name == fields[1]) lexicon->entries_[fields[0]].words.push_back({entry.category, fields[2]});
    }
    if (const size_t space = fields[0].find(' '); space != std::string_view::npos) {
      lexicon->entries_[fields[0].substr(0, space)].starts_phrase = true;
      const auto words = static_cast<size_t>(std::count(fields[0].begin(), fields[0].end(), ' ')) + 1;
      lexicon->longest_phrase_words_ = std::max(lexicon->longest_phrase_words_, words);
    }
  });
  return lexicon;
}

}  // namespace lagebild
