#include "langid/language_identifier.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not meant to be included directly.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace lagebild {
namespace {

// Paragraphs shorter than this (in bytes) inherit the document language: CLD2 needs some text.
constexpr size_t kMinParagraphBytes = 80;
// A paragraph takes another language than the document's when CLD2 assigns that language to at
// least this share of its bytes.
constexpr double kParagraphMajority = 0.6;
// Only the first megabyte is examined; later paragraphs inherit the document language.
constexpr size_t kMaxDetectBytes = size_t{1} << 20;

std::string NormalizeCode(std::string code) {
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const size_t dash = code.find_first_of("-_");
  if (dash != std::string::npos) code.resize(dash);
  return code.empty() || code == "un" ? "und" : code;
}

struct Detection {
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;
  bool reliable = false;
  CLD2::ResultChunkVector chunks;  // spans of the input with their language
};

// One CLD2 pass over (a prefix of) `text`.
Detection RunCld2(std::string_view text) {
  text = text.substr(0, kMaxDetectBytes);
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  Detection detection;
  detection.language = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0, top3,
      percent3, scores3, &detection.chunks, &text_bytes, &detection.reliable);
  return detection;
}

// The language CLD2 gave to most of `span`, if it covers a clear majority of it.
std::optional<std::string> MajorityLanguage(const CLD2::ResultChunkVector& chunks, Span span) {
  std::vector<std::pair<uint16_t, uint32_t>> bytes_per_language;
  for (const CLD2::ResultChunk& chunk : chunks) {
    const auto begin = static_cast<uint32_t>(chunk.offset);
    const uint32_t end = begin + chunk.bytes;
    const uint32_t overlap_begin = std::max(begin, span.begin), overlap_end = std::min(end, span.end);
    if (overlap_end <= overlap_begin) continue;
    auto entry = std::find_if(bytes_per_language.begin(), bytes_per_language.end(),
                              [&](const auto& item) { return item.first == chunk.lang1; });
    if (entry == bytes_per_language.end()) bytes_per_language.push_back({chunk.lang1, overlap_end - overlap_begin});
    else entry->second += overlap_end - overlap_begin;
  }
  for (const auto& [language, bytes] : bytes_per_language) {
    const auto cld_language = static_cast<CLD2::Language>(language);
    if (cld_language != CLD2::UNKNOWN_LANGUAGE && cld_language != CLD2::TG_UNKNOWN_LANGUAGE &&
        bytes >= kParagraphMajority * span.size()) {
      return NormalizeCode(CLD2::LanguageCode(cld_language));
    }
  }
  return std::nullopt;
}

}  // namespace

std::string LanguageIdentifier::Detect(std::string_view text) {
  const Detection detection = RunCld2(text);
  if (!detection.reliable || detection.language == CLD2::UNKNOWN_LANGUAGE) return "und";
  return NormalizeCode(CLD2::LanguageCode(detection.language));
}

void LanguageIdentifier::Identify(Document& doc) const {
  if (doc.meta.lang) {
    doc.lang = NormalizeCode(*doc.meta.lang);
    for (Paragraph& paragraph : doc.paragraphs) paragraph.lang = doc.lang;
    return;
  }
  const Detection detection = RunCld2(doc.text);
  // An unreliable guess is still better than nothing for a whole document.
  doc.lang = detection.language == CLD2::UNKNOWN_LANGUAGE ? "und"
                                                          : NormalizeCode(CLD2::LanguageCode(detection.language));
  for (Paragraph& paragraph : doc.paragraphs) {
    paragraph.lang = doc.lang;
    if (paragraph.span.size() < kMinParagraphBytes) continue;
    if (auto language = MajorityLanguage(detection.chunks, paragraph.span)) paragraph.lang = std::move(*language);
  }
}

}  // namespace lagebild
