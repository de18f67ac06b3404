// The time stage: finds time expressions in German and English sentences and normalises them to
// TIMEX3 values against the publication date (docs/time.md). Built once from the image; then
// immutable and thread-safe.
#pragma once

#include <memory>

#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/resource_image.h"

namespace lagebild {

class TimeLexicon;
class TimeGrammar;
struct TimeContext;

class TimeTagger {
 public:
  static std::unique_ptr<TimeTagger> Create(const ResourceImage& image, Status& status);
  ~TimeTagger();

  // Appends the document's time expressions to doc.times, in text order. Relative expressions
  // resolve against meta.published (or, with TimeReference::kNarrative, the text's last date);
  // without a publication date they keep an empty value.
  void Tag(Document& doc) const;

 private:
  TimeTagger();
  void TagSentence(const TimeGrammar& grammar, Document& doc, uint32_t sentence, TimeContext& context,
                   uint32_t& quarter_sentence) const;
  std::unique_ptr<TimeLexicon> lexicons_[2];  // de, en
  std::unique_ptr<TimeGrammar> grammars_[2];
};

}  // namespace lagebild
