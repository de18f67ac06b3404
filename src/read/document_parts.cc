#include "read/document_parts.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lagebild {
namespace {

// The end of the last `separator` in text[from, to), or npos.
size_t EndOfLast(std::string_view text, std::string_view separator, size_t from, size_t to) {
  const size_t found = text.substr(0, to).rfind(separator);
  return found == std::string_view::npos || found < from ? std::string_view::npos : found + separator.size();
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

class PartingReader : public Reader {
 public:
  PartingReader(std::unique_ptr<Reader> inner, size_t max_part_bytes) : inner_(std::move(inner)), max_part_bytes_(max_part_bytes) {}

  std::optional<RawDocument> Next(std::vector<ReadIssue>& issues) override {
    if (!whole_) {
      std::optional<RawDocument> next = inner_->Next(issues);
      if (!next || next->type != ContentType::kText || next->content.size() <= max_part_bytes_) return next;
      issues.push_back({next->meta.id,
                        fmt::format("{:.1f} MB of text in one document is more than can be analysed at once; analysed in "
                                    "parts of at most {} MiB (#part-1, #part-2, …)",
                                    next->content.size() / 1e6, max_part_bytes_ >> 20),
                        ReadIssue::Severity::kWarning});
      whole_ = std::move(next);
      offset_ = 0;
      part_ = 0;
    }
    return NextPart();
  }

 private:
  RawDocument NextPart() {
    const std::string_view rest = std::string_view(whole_->content).substr(offset_);
    const size_t length = PartEnd(rest, max_part_bytes_);
    RawDocument part;
    part.meta = whole_->meta;
    part.type = whole_->type;
    part.content = std::string(rest.substr(0, length));
    const std::string suffix = fmt::format("#part-{}", ++part_);
    part.meta.id += suffix;
    if (part.meta.url) *part.meta.url += suffix;
    offset_ += length;
    if (offset_ >= whole_->content.size()) whole_.reset();
    return part;
  }

  std::unique_ptr<Reader> inner_;
  size_t max_part_bytes_;
  std::optional<RawDocument> whole_;  // the document being handed out in parts
  size_t offset_ = 0;
  int part_ = 0;
};

}  // namespace

size_t PartEnd(std::string_view text, size_t max_part_bytes) {
  if (text.size() <= max_part_bytes) return text.size();
  const size_t half = max_part_bytes / 2;
  for (std::string_view separator : {"\n\n", "\n", ". ", "! ", "? ", " "}) {
    if (const size_t end = EndOfLast(text, separator, half, max_part_bytes); end != std::string_view::npos) return end;
  }
  size_t end = max_part_bytes;
  while (end > 0 && IsContinuationByte(text[end])) --end;
  return end > 0 ? end : max_part_bytes;
}

std::unique_ptr<Reader> SplitLongDocuments(std::unique_ptr<Reader> reader, size_t max_part_bytes) {
  return std::make_unique<PartingReader>(std::move(reader), max_part_bytes);
}

}  // namespace lagebild
