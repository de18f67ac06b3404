#include "clean/cleaner.h"

#include <xxhash.h>

#include <algorithm>
#include <span>

#include "clean/html_text.h"
#include "clean/text_repair.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

// Every line of wrapped prose but the last reaches this share of the longest one, and the
// longest is at least kMinWrapWidth bytes.
constexpr double kWrappedLineShare = 0.7;
constexpr size_t kMinWrapWidth = 40;
constexpr size_t kMinWrappedLines = 3;

bool EndsWithSentencePunctuation(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == '"') return true;
  // Closing quotes and the ellipsis are multi-byte: “ ” » « …
  return line.ends_with("\u201C") || line.ends_with("\u201D") || line.ends_with("\u00BB") ||
         line.ends_with("\u00AB") || line.ends_with("\u2026");
}

void SplitParagraphs(Document& doc) {
  const std::string_view text = doc.text;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    Paragraph paragraph;
    paragraph.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    paragraph.hard_wrapped = IsHardWrapped(text.substr(start, end - start));
    doc.paragraphs.push_back(paragraph);
    start = end + 2;
  }
}

void MergeHtmlMeta(HtmlText& html, DocumentMeta& meta, std::vector<Diagnostic>& warnings) {
  if (!meta.title && html.title) meta.title = std::move(html.title);
  if (!meta.url && html.url) meta.url = std::move(html.url);
  if (!meta.published && html.published) {
    meta.published = ParseIsoDate(*html.published);
    if (!meta.published) warnings.push_back({"unrecognised publication date in HTML: " + *html.published});
  }
}

}  // namespace

bool IsHardWrapped(std::string_view paragraph) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= paragraph.size()) {
    size_t end = paragraph.find('\n', start);
    if (end == std::string_view::npos) end = paragraph.size();
    lines.push_back(paragraph.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() < kMinWrappedLines) return false;
  // The last line of wrapped prose is as long as it happens to be; the others run close to the
  // wrap width, whatever they end with.
  const std::span<const std::string_view> wrapped(lines.data(), lines.size() - 1);
  size_t longest = 0;
  for (std::string_view line : wrapped) longest = std::max(longest, line.size());
  if (longest < kMinWrapWidth) return false;
  size_t open_ended = 0;
  for (std::string_view line : wrapped) {
    if (static_cast<double>(line.size()) < kWrappedLineShare * static_cast<double>(longest)) return false;
    open_ended += !EndsWithSentencePunctuation(line);
  }
  return open_ended * 2 >= wrapped.size();
}

Document Cleaner::Clean(RawDocument raw) const {
  Document doc;
  doc.meta = std::move(raw.meta);
  if (raw.type == ContentType::kHtml) {
    HtmlText html = ExtractHtmlText(raw.content, doc.warnings);
    MergeHtmlMeta(html, doc.meta, doc.warnings);
    doc.text = RepairText(html.text, doc.warnings);
  } else {
    doc.text = RepairText(raw.content, doc.warnings);
  }
  if (!doc.meta.published) doc.meta.published = doc.meta.fetched;
  if (doc.meta.title) doc.meta.title = RepairText(*doc.meta.title, doc.warnings);
  doc.content_hash = XXH3_64bits(doc.text.data(), doc.text.size());
  SplitParagraphs(doc);
  return doc;
}

}  // namespace lagebild
