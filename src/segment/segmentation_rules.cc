#include "segment/segmentation_rules.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <cctype>

#include "resources/section_lines.h"

namespace lagebild {
namespace {

void AddMonthNames(const icu::UnicodeString* names, int32_t count, FlatStringSet<std::string>& out) {
  for (int32_t i = 0; i < count; ++i) {
    std::string name;
    names[i].toUTF8String(name);
    if (!name.empty() && name.back() == '.') name.pop_back();
    if (!name.empty()) out.insert(name);
  }
}

FlatStringSet<std::string> MonthNamesFromCldr(const std::string& lang) {
  FlatStringSet<std::string> names;
  UErrorCode error = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(lang.c_str()), error);
  if (U_FAILURE(error)) return names;
  for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      AddMonthNames(months, count, names);
    }
  }
  return names;
}

}  // namespace

std::unique_ptr<SegmentationRules> SegmentationRules::Load(const ResourceImage& image,
                                                           const std::string& lang, Status& status) {
  const std::string prefix = "segment/" + lang + "/";
  const auto abbreviations = image.Section(prefix + "abbreviations");
  const auto starters = image.Section(prefix + "sentence_starters");
  if (!abbreviations || !starters) {
    status = Status::Error("resource image " + image.path() + " has no segmentation rules for '" + lang + "'");
    return nullptr;
  }
  auto rules = std::unique_ptr<SegmentationRules>(new SegmentationRules());
  rules->lang_ = lang;
  ForEachSectionLine(*abbreviations, [&](const std::vector<std::string_view>& fields) {
    rules->abbreviations_[fields[0]] = AbbreviationInfo{fields.size() > 1 && fields[1] == "final"};
  });
  ForEachSectionLine(*starters, [&](const std::vector<std::string_view>& fields) {
    rules->sentence_starters_.insert(fields[0]);
  });
  rules->month_names_ = MonthNamesFromCldr(lang);
  return rules;
}

const AbbreviationInfo* SegmentationRules::FindAbbreviation(std::string_view word) const {
  if (auto found = abbreviations_.find(word); found != abbreviations_.end()) return &found->second;
  if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) return nullptr;
  std::string lowered(word);
  lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
  if (auto found = abbreviations_.find(lowered); found != abbreviations_.end()) return &found->second;
  return nullptr;
}

bool SegmentationRules::IsSentenceStarter(std::string_view word) const {
  return sentence_starters_.contains(word);
}

bool SegmentationRules::IsMonthName(std::string_view word) const {
  return month_names_.contains(word);
}

}  // namespace lagebild
