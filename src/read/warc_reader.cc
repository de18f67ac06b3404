#include "read/warc_reader.h"

#include <fmt/format.h>

#include "read/charset.h"
#include "read/http_payload.h"
#include "read/warc_record.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

constexpr int kHttpOk = 200;

bool IsHtmlMediaType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

bool IsResponse(const WarcRecord& record) { return record.type == "response"; }

class WarcReader : public Reader {
 public:
  WarcReader(std::string name, std::unique_ptr<ByteSource> source, std::string head)
      : name_(name), records_(std::move(name), std::move(source), std::move(head), IsResponse) {}

  std::optional<RawDocument> Next(std::vector<ReadIssue>& issues) override {
    while (std::optional<WarcRecord> record = records_.Next(issues)) {
      if (std::optional<RawDocument> doc = DocumentOf(*record, issues)) return doc;
    }
    if (records_.records() == 0 && !reported_empty_) {
      reported_empty_ = true;
      issues.push_back({name_, "no WARC records; skipped"});
    }
    return std::nullopt;
  }

 private:
  std::optional<RawDocument> DocumentOf(const WarcRecord& record, std::vector<ReadIssue>& issues) const {
    const std::optional<HttpResponse> response = ParseHttpResponse(record.block);
    if (!response || response->status != kHttpOk) return std::nullopt;
    const std::string media_type =
        response->content_type.empty() ? record.identified_payload_type : MediaType(response->content_type);
    if (!IsHtmlMediaType(media_type)) return std::nullopt;
    std::string problem;
    std::optional<std::string> body = DecodeHttpBody(*response, kMaxWarcBlockBytes, problem);
    if (!body) {
      issues.push_back({WarcLocation(name_, record), problem});
      return std::nullopt;
    }
    RawDocument doc;
    doc.type = ContentType::kHtml;
    doc.content = std::move(*body);
    ToUtf8(*response, doc.content);
    doc.meta.id = fmt::format("{}:{}", name_, record.number);
    doc.meta.source = name_;
    if (!record.target_uri.empty()) doc.meta.url = record.target_uri;
    doc.meta.fetched = ParseIsoDate(record.date);
    return doc;
  }

  // The charset the server sent wins over the page's own declaration, as in browsers. An
  // unknown charset leaves the bytes to the clean stage's repair.
  static void ToUtf8(const HttpResponse& response, std::string& content) {
    std::string charset = CharsetOfContentType(response.content_type);
    if (charset.empty()) charset = DeclaredHtmlCharset(content);
    RecodeToUtf8(charset, content);
  }

  std::string name_;
  WarcRecordReader records_;
  bool reported_empty_ = false;
};

}  // namespace

std::unique_ptr<Reader> MakeWarcReader(std::string name, std::unique_ptr<ByteSource> source, std::string head) {
  return std::make_unique<WarcReader>(std::move(name), std::move(source), std::move(head));
}

}  // namespace lagebild
