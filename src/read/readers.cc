// The reader factory and the two kinds of reader: one document per input (text, HTML) and one
// document per line (JSON Lines). Feeds and WARC files have their own files.
#include <simdjson.h>

#include "clean/text_repair.h"
#include "lagebild/reader.h"
#include "read/byte_source.h"
#include "read/feed_reader.h"
#include "read/format_sniffer.h"
#include "read/warc_reader.h"
#include "util/iso_date.h"

namespace lagebild {
namespace {

// Larger inputs are refused rather than half-processed.
constexpr size_t kMaxDocumentBytes = size_t{512} << 20;
// What the format sniffer looks at.
constexpr size_t kSniffBytes = 4096;

// Reads the whole input as one document; decides text or HTML when asked to sniff.
class WholeInputReader : public Reader {
 public:
  WholeInputReader(InputFormat format, std::string name, std::unique_ptr<ByteSource> source)
      : format_(format), name_(std::move(name)), source_(std::move(source)) {}

  std::optional<RawDocument> Next(std::vector<ReadIssue>& issues) override {
    if (done_) return std::nullopt;
    done_ = true;
    RawDocument doc;
    if (!source_->ReadAll(doc.content)) {
      issues.push_back({name_, "read error"});
      return std::nullopt;
    }
    if (const char* problem = Problem(doc.content)) {
      issues.push_back({name_, problem});
      return std::nullopt;
    }
    const InputFormat format = format_ == InputFormat::kAuto ? FormatFromContent(doc.content) : format_;
    doc.type = format == InputFormat::kHtml ? ContentType::kHtml : ContentType::kText;
    doc.meta.id = name_;
    doc.meta.source = name_;
    return doc;
  }

 private:
  static const char* Problem(const std::string& content) {
    if (content.empty()) return "empty input; skipped";
    if (content.size() > kMaxDocumentBytes) return "larger than 512 MiB; skipped";
    if (LooksBinary(content)) return "binary data (NUL or control bytes), not text; skipped";
    return nullptr;
  }

  InputFormat format_;
  std::string name_;
  std::unique_ptr<ByteSource> source_;
  bool done_ = false;
};

std::optional<std::string> StringField(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  if (object[key].get(value) == simdjson::SUCCESS) return std::string(value);
  return std::nullopt;
}

// One JSON object per line with fields id, url, title, text or html, published, lang.
class JsonlReader : public Reader {
 public:
  JsonlReader(std::string name, std::unique_ptr<ByteSource> source)
      : name_(std::move(name)), source_(std::move(source)) {}

  std::optional<RawDocument> Next(std::vector<ReadIssue>& issues) override {
    std::string line;
    while (source_->ReadLine(line)) {
      ++line_number_;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (std::optional<RawDocument> doc = ParseLine(line, issues)) return doc;
    }
    if (line_number_ == 0) issues.push_back({name_, "empty input; skipped"});
    return std::nullopt;
  }

 private:
  std::string Location() const { return name_ + ":" + std::to_string(line_number_); }

  std::optional<RawDocument> ParseLine(const std::string& line, std::vector<ReadIssue>& issues) {
    simdjson::dom::element root;
    if (auto error = parser_.parse(line).get(root)) {
      issues.push_back({Location(), std::string("malformed JSON: ") + simdjson::error_message(error) +
                                        "; line skipped"});
      return std::nullopt;
    }
    simdjson::dom::object object;
    if (root.get(object) != simdjson::SUCCESS) {
      issues.push_back({Location(), "not a JSON object; line skipped"});
      return std::nullopt;
    }
    RawDocument doc;
    if (auto html = StringField(object, "html")) {
      doc.type = ContentType::kHtml;
      doc.content = std::move(*html);
    } else if (auto text = StringField(object, "text")) {
      doc.content = std::move(*text);
    } else {
      issues.push_back({Location(), "neither a string \"text\" nor \"html\" field; line skipped"});
      return std::nullopt;
    }
    FillMeta(object, doc.meta, issues);
    return doc;
  }

  void FillMeta(simdjson::dom::object object, DocumentMeta& meta, std::vector<ReadIssue>& issues) {
    meta.source = name_;
    int64_t numeric_id;
    if (auto id = StringField(object, "id")) meta.id = std::move(*id);
    else if (object["id"].get(numeric_id) == simdjson::SUCCESS) meta.id = std::to_string(numeric_id);
    else meta.id = Location();
    meta.url = StringField(object, "url");
    meta.title = StringField(object, "title");
    meta.lang = StringField(object, "lang");
    if (auto published = StringField(object, "published")) {
      meta.published = ParseIsoDate(*published);
      if (!meta.published) {
        issues.push_back({Location(), "\"published\" is not an ISO date: " + *published + "; ignored"});
      }
    }
  }

  std::string name_;
  std::unique_ptr<ByteSource> source_;
  simdjson::dom::parser parser_;
  size_t line_number_ = 0;
};

// The first bytes of a source, for the sniffer.
std::string ReadHead(ByteSource& source) {
  std::string head(kSniffBytes, '\0');
  size_t got = 0;
  while (got < head.size()) {
    const size_t step = source.ReadSome(std::span<char>(head.data() + got, head.size() - got));
    if (step == 0) break;
    got += step;
  }
  head.resize(got);
  return head;
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "feed") return InputFormat::kFeed;
  if (name == "warc") return InputFormat::kWarc;
  return std::nullopt;
}

std::unique_ptr<Reader> MakeReader(InputFormat format, std::string name, std::string bytes) {
  if (format == InputFormat::kAuto) format = FormatFromContent(std::string_view(bytes).substr(0, kSniffBytes));
  if (format == InputFormat::kJsonl) {
    return std::make_unique<JsonlReader>(std::move(name), MakeMemorySource(std::move(bytes)));
  }
  if (format == InputFormat::kFeed) return MakeFeedReader(std::move(name), std::move(bytes));
  if (format == InputFormat::kWarc) return MakeWarcReader(std::move(name), MakeMemorySource(std::move(bytes)));
  return std::make_unique<WholeInputReader>(format, std::move(name), MakeMemorySource(std::move(bytes)));
}

std::unique_ptr<Reader> OpenReader(const std::string& path, InputFormat format, Status& status) {
  std::unique_ptr<ByteSource> source = OpenFileSource(path, status);
  if (!source) return nullptr;
  if (format == InputFormat::kAuto) format = FormatFromFileName(path);
  if (format == InputFormat::kWarc) return MakeWarcReader(path, std::move(source));
  if (format == InputFormat::kAuto || format == InputFormat::kFeed) {
    // Unknown name: the content decides. A WARC file streams on from the bytes sniffed; anything
    // else is read whole now (a feed is parsed whole anyway).
    std::string bytes = format == InputFormat::kAuto ? ReadHead(*source) : std::string();
    if (format == InputFormat::kAuto && FormatFromContent(bytes) == InputFormat::kWarc) {
      return MakeWarcReader(path, std::move(source), std::move(bytes));
    }
    if (!source->ReadAll(bytes)) {
      status = Status::Error(path + ": read error");
      return nullptr;
    }
    return MakeReader(format, path, std::move(bytes));
  }
  if (format == InputFormat::kJsonl) return std::make_unique<JsonlReader>(path, std::move(source));
  return std::make_unique<WholeInputReader>(format, path, std::move(source));
}

}  // namespace lagebild
