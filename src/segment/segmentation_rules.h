// Language-specific knowledge the tokenizer and sentence splitter use: abbreviations (and which
// may end a sentence), typical sentence openers, and month names (from ICU's CLDR data).
// Built once from the resource image; immutable and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "lagebild/status.h"
#include "resources/flat_string_map.h"
#include "resources/resource_image.h"

namespace lagebild {

struct AbbreviationInfo {
  bool may_end_sentence = false;
};

class SegmentationRules {
 public:
  // Rules for `lang` ("de" or "en") from the image's segment/<lang>/ sections.
  static std::unique_ptr<SegmentationRules> Load(const ResourceImage& image, const std::string& lang,
                                                 Status& status);

  const std::string& lang() const { return lang_; }
  // German writes ordinals with a period ("am 9. September").
  bool ordinals_with_period() const { return lang_ == "de"; }
  // German abbreviates with single lower-case letters ("z. B.", "d. h.", "u. a.").
  bool single_letter_abbreviations() const { return lang_ == "de"; }

  // Looks up `word` (without its period); a capitalised word is also tried in lower case.
  const AbbreviationInfo* FindAbbreviation(std::string_view word) const;
  bool IsSentenceStarter(std::string_view word) const;
  bool IsMonthName(std::string_view word) const;

 private:
  std::string lang_;
  FlatStringMap<std::string_view, AbbreviationInfo> abbreviations_;
  FlatStringSet<std::string_view> sentence_starters_;
  FlatStringSet<std::string> month_names_;
};

}  // namespace lagebild
