#include "langid/language_identifier.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not meant to be included directly.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace lagebild {
namespace {

// Paragraphs shorter than this (in bytes) inherit the document language: CLD2 needs some text.
constexpr size_t kMinParagraphBytes = 80;
// Only the first megabyte decides a document's language; that is plenty and bounds the cost.
constexpr size_t kMaxDetectBytes = size_t{1} << 20;

struct Detection {
  std::string code = "und";
  bool reliable = false;
};

Detection RunCld2(std::string_view text) {
  text = text.substr(0, kMaxDetectBytes);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, top3, percent3, &text_bytes,
      &reliable);
  Detection detection;
  if (language == CLD2::UNKNOWN_LANGUAGE) return detection;
  detection.code = CLD2::LanguageCode(language);
  detection.reliable = reliable;
  return detection;
}

std::string NormalizeCode(std::string code) {
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const size_t dash = code.find_first_of("-_");
  if (dash != std::string::npos) code.resize(dash);
  return code.empty() ? "und" : code;
}

}  // namespace

std::string LanguageIdentifier::Detect(std::string_view text) {
  const Detection detection = RunCld2(text);
  return detection.reliable ? NormalizeCode(detection.code) : "und";
}

void LanguageIdentifier::Identify(Document& doc) const {
  if (doc.meta.lang) {
    doc.lang = NormalizeCode(*doc.meta.lang);
  } else {
    // An unreliable guess is still better than nothing for a whole document.
    doc.lang = NormalizeCode(RunCld2(doc.text).code);
  }
  for (Paragraph& paragraph : doc.paragraphs) {
    paragraph.lang = doc.lang;
    if (doc.meta.lang || paragraph.span.size() < kMinParagraphBytes) continue;
    const Detection detection = RunCld2(doc.Surface(paragraph.span));
    if (detection.reliable) paragraph.lang = NormalizeCode(detection.code);
  }
}

}  // namespace lagebild
