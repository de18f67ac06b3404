#include "clean/cleaner.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
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

// "de-DE", "de_AT", "DE" → "de"; nullopt for what is not a two-letter language code.
std::optional<std::string> PrimaryLanguage(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  if (primary.size() != 2 || !std::isalpha(static_cast<unsigned char>(primary[0])) ||
      !std::isalpha(static_cast<unsigned char>(primary[1]))) {
    return std::nullopt;
  }
  return std::string{static_cast<char>(std::tolower(static_cast<unsigned char>(primary[0]))),
                     static_cast<char>(std::tolower(static_cast<unsigned char>(primary[1])))};
}

// What the source says wins over the page. On the page, the article's own JSON-LD wins for the
// title (<title> often carries the site's name) and the date (the generic "date" meta tags may
// date the page, not the article); the canonical link wins for the URL. docs/cli.md lists it.
void MergeHtmlMeta(HtmlText& html, DocumentMeta& meta, std::vector<Diagnostic>& warnings) {
  JsonLdArticle& article = html.json_ld;
  if (!meta.title) meta.title = article.headline ? std::move(article.headline) : std::move(html.title);
  if (!meta.url) meta.url = html.url ? std::move(html.url) : std::move(article.url);
  if (!meta.lang && article.language) meta.lang = PrimaryLanguage(*article.language);
  if (!meta.published && article.published) {
    meta.published = ParseIsoDate(*article.published);
    if (!meta.published) warnings.push_back({"unrecognised datePublished in JSON-LD: " + *article.published});
  }
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
    HtmlText html = ExtractHtmlText(raw.content, {.main_text_only = !options_.keep_boilerplate}, doc.warnings);
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
