// Language identification, per document and per paragraph (so a page that mixes German and
// English is segmented with the right rules in each part). Text that is clearly English or German
// by its function words is decided without CLD2 (function_words.h); for the rest CLD2 reads the
// first kilobyte of each paragraph, not all of it.
#pragma once

#include <string>
#include <string_view>

#include "lagebild/document.h"

namespace lagebild {

class LanguageIdentifier {
 public:
  // Fills doc.lang and every paragraph's lang. A language given by the source (doc.meta.lang) or
  // forced by the caller wins for the document; paragraphs too short to judge reliably inherit it.
  void Identify(Document& doc) const;

  // ISO 639-1 code of the most likely language of `text`, or "und" when CLD2 is not reliable.
  static std::string Detect(std::string_view text);
};

}  // namespace lagebild
