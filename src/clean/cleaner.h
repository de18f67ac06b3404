// The clean stage: makes a Document from a RawDocument. HTML becomes visible text; every input is
// repaired and normalised (text_repair.h) and split into paragraphs. The resulting text is final.
#pragma once

#include "lagebild/document.h"
#include "lagebild/reader.h"

namespace lagebild {

struct CleanOptions {
  // Keep the whole visible text of HTML pages instead of the main text alone (navigation,
  // teasers, comment forms and footers stay in).
  bool keep_boilerplate = false;
};

class Cleaner {
 public:
  explicit Cleaner(CleanOptions options = {}) : options_(options) {}
  // Stateless; thread-safe.
  Document Clean(RawDocument raw) const;

 private:
  CleanOptions options_;
};

// Marks a paragraph as hard-wrapped prose: three or more lines, all but the last close to the
// longest one's length (at least 40 bytes), at least half of them ending without sentence
// punctuation. Its single line breaks are then soft wraps, not sentence boundaries.
bool IsHardWrapped(std::string_view paragraph);

}  // namespace lagebild
