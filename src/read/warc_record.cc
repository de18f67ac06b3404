#include "read/warc_record.h"
#include "util/ascii.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

namespace lagebild {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 16;
constexpr std::string_view kVersionPrefix = "WARC/1.";
constexpr std::string_view kRecordStartLine = "\nWARC/1.";
// Blank lines tolerated between a block and the next record (the standard has exactly CRLF CRLF).
constexpr size_t kMaxSeparatorBytes = 64;

// Where the header block ends (after its blank line) within `view`; npos when not there.
size_t HeaderSize(std::string_view view) {
  const size_t crlf = view.find("\r\n\r\n");
  const size_t lf = view.substr(0, crlf).find("\n\n");  // only before a CRLF end: not through the block
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) return crlf + 4;
  return lf + 2;
}

std::optional<uint64_t> ParseLength(std::string_view text) {
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Fills the fields we use from the header lines after the first; returns the Content-Length.
std::optional<uint64_t> ParseHeader(std::string_view header, WarcRecord& record) {
  std::optional<uint64_t> length;
  size_t start = header.find('\n') + 1;
  while (start < header.size()) {
    size_t end = header.find('\n', start);
    if (end == std::string_view::npos) end = header.size();
    const std::string_view line = header.substr(start, end - start);
    start = end + 1;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || line.starts_with(' ') || line.starts_with('\t')) continue;
    const std::string name = AsciiLower(TrimAsciiSpace(line.substr(0, colon)));
    std::string_view value = TrimAsciiSpace(line.substr(colon + 1));
    if (name == "warc-type") record.type = AsciiLower(value);
    else if (name == "warc-date") record.date = value;
    else if (name == "warc-identified-payload-type") record.identified_payload_type = AsciiLower(value);
    else if (name == "content-length") length = ParseLength(value);
    else if (name == "warc-target-uri") {
      // WARC/1.0 writers differ on angle brackets around the URI
      if (value.starts_with('<') && value.ends_with('>')) value = value.substr(1, value.size() - 2);
      record.target_uri = value;
    }
  }
  return length;
}

}  // namespace

bool WarcRecordReader::Window::ReadChunk() {
  if (begin_ > 0 && begin_ >= data_.size() / 2) {
    data_.erase(0, begin_);
    begin_ = 0;
  }
  const size_t old_size = data_.size();
  data_.resize(old_size + kChunkBytes);
  const size_t got = stream_.Read(std::span<char>(data_.data() + old_size, kChunkBytes));
  data_.resize(old_size + got);
  for (StreamBreak& found : stream_.TakeBreaks()) breaks_.push_back(std::move(found));
  return got > 0;
}

bool WarcRecordReader::Window::Fill(size_t count) {
  while (view().size() < count) {
    if (!ReadChunk()) return false;
  }
  return true;
}

void WarcRecordReader::Window::Consume(size_t count) {
  begin_ += count;
  offset_ += count;
  if (begin_ == data_.size()) {
    data_.clear();
    begin_ = 0;
  }
}

uint64_t WarcRecordReader::Window::Skip(uint64_t count) {
  uint64_t skipped = 0;
  while (skipped < count) {
    if (view().empty() && !ReadChunk()) break;
    const size_t step = static_cast<size_t>(std::min<uint64_t>(view().size(), count - skipped));
    Consume(step);
    skipped += step;
  }
  return skipped;
}

WarcRecordReader::WarcRecordReader(std::string name, std::unique_ptr<ByteSource> source, std::string head,
                                   KeepRecord keep)
    : name_(std::move(name)), window_(std::move(source), std::move(head)), keep_(std::move(keep)) {}

std::optional<WarcRecord> WarcRecordReader::Next(std::vector<ReadIssue>& issues) {
  while (true) {
    while (window_.Fill(1) && (window_.view().front() == '\r' || window_.view().front() == '\n')) window_.Consume(1);
    ReportBreaksBefore(window_.offset(), issues);
    if (!window_.Fill(1)) {
      ReportBreaksBefore(std::numeric_limits<uint64_t>::max(), issues);
      return std::nullopt;
    }
    if (std::optional<WarcRecord> record = ReadRecord(issues)) return record;
  }
}

std::optional<WarcRecord> WarcRecordReader::ReadRecord(std::vector<ReadIssue>& issues) {
  WarcRecord record;
  record.offset = window_.offset();
  window_.Fill(kVersionPrefix.size());
  if (!window_.view().starts_with(kVersionPrefix)) {
    Reject(record, record.offset + kVersionPrefix.size(), "not a WARC record (no 'WARC/1.' line); skipped to the next record", issues);
    return std::nullopt;
  }
  record.number = ++record_number_;
  window_.Fill(kMaxWarcHeaderBytes);
  const std::string_view view = window_.view().substr(0, kMaxWarcHeaderBytes);
  const size_t header_size = HeaderSize(view);
  if (header_size == std::string_view::npos) {
    const bool ended = view.size() < kMaxWarcHeaderBytes;
    Reject(record, record.offset + view.size(),
           ended ? "truncated in its header" : "header longer than 64 KiB; skipped", issues);
    return std::nullopt;
  }
  const std::optional<uint64_t> length = ParseHeader(view.substr(0, header_size), record);
  if (!length) {
    Reject(record, record.offset + header_size, "no valid Content-Length; skipped", issues);
    return std::nullopt;
  }
  const bool keep = keep_(record);
  if (keep && *length > kMaxWarcBlockBytes) {
    issues.push_back({WarcLocation(name_, record), fmt::format("block of {} bytes is larger than 32 MiB; skipped", *length)});
  }
  if (keep && *length <= kMaxWarcBlockBytes) {
    if (ReadBlock(record, header_size, static_cast<size_t>(*length), issues)) return record;
    return std::nullopt;
  }
  SkipBlock(record, header_size, *length, issues);
  return std::nullopt;
}

bool WarcRecordReader::ReadBlock(WarcRecord& record, size_t header_size, size_t length,
                                 std::vector<ReadIssue>& issues) {
  const size_t size = header_size + length;
  if (!window_.Fill(size)) {
    Reject(record, record.offset + window_.view().size(),
           fmt::format("truncated: Content-Length {} but {} bytes follow", length, window_.view().size() - header_size),
           issues);
    return false;
  }
  const std::optional<size_t> next = NextRecordStart(size);
  if (!next) {
    Reject(record, record.offset + size + kMaxSeparatorBytes,
           fmt::format("Content-Length {} does not end at a record boundary; skipped", length), issues);
    return false;
  }
  if (BreakWithin(record.offset, record.offset + *next)) {
    Reject(record, record.offset + *next, "", issues);
    return false;
  }
  record.block.assign(window_.view().substr(header_size, length));
  window_.Consume(size);
  return true;
}

void WarcRecordReader::SkipBlock(WarcRecord& record, size_t header_size, uint64_t length,
                                 std::vector<ReadIssue>& issues) {
  window_.Consume(header_size);
  const uint64_t skipped = window_.Skip(length);
  if (skipped < length) {
    Reject(record, window_.offset(), fmt::format("truncated: Content-Length {} but {} bytes follow", length, skipped),
           issues);
    return;
  }
  const std::optional<size_t> next = NextRecordStart(0);
  if (!next) {
    Reject(record, window_.offset() + kMaxSeparatorBytes,
           fmt::format("Content-Length {} does not end at a record boundary; skipped", length), issues);
    return;
  }
  if (BreakWithin(record.offset, window_.offset() + *next)) Reject(record, window_.offset() + *next, "", issues);
}

// Where the next record starts after `from` in the view (blank lines skipped): the view's end
// at the end of the input; nullopt when something other than a record follows.
std::optional<size_t> WarcRecordReader::NextRecordStart(size_t from) {
  size_t position = from;
  while (window_.Fill(position + 1)) {
    const char c = window_.view()[position];
    if (c != '\r' && c != '\n') break;
    if (++position - from > kMaxSeparatorBytes) return std::nullopt;
  }
  if (!window_.Fill(position + 1)) return position;  // the end of the input
  window_.Fill(position + kVersionPrefix.size());
  if (!window_.view().substr(position).starts_with(kVersionPrefix)) return std::nullopt;
  return position;
}

const StreamBreak* WarcRecordReader::BreakWithin(uint64_t begin, uint64_t end) {
  for (const StreamBreak& found : window_.breaks()) {
    if (found.output_offset > begin && found.output_offset < end) return &found;
  }
  return nullptr;
}

// Skips a record that cannot be read, resuming at the next record. When the stream is damaged
// inside the part of it that was examined (up to `examined_end`), reading resumes after the
// damage; damage anywhere in what was skipped is then the reason given.
void WarcRecordReader::Reject(const WarcRecord& record, uint64_t examined_end, std::string message,
                              std::vector<ReadIssue>& issues) {
  uint64_t resume = std::max(record.offset + 1, window_.offset());
  if (const StreamBreak* cut = BreakWithin(record.offset, examined_end)) resume = std::max(cut->output_offset, resume);
  ResyncFrom(resume);
  if (const StreamBreak* cut = BreakWithin(record.offset, window_.offset() + 1)) {
    message = cut->message;
    ReportBreaksBefore(window_.offset(), issues, /*silently=*/true);
  }
  issues.push_back({WarcLocation(name_, record), std::move(message)});
}

// The offset of the first break after `offset`; the largest offset when there is none.
uint64_t WarcRecordReader::NextBreakAfter(uint64_t offset) {
  uint64_t next = std::numeric_limits<uint64_t>::max();
  for (const StreamBreak& found : window_.breaks()) {
    if (found.output_offset > offset) next = std::min(next, found.output_offset);
  }
  return next;
}

// Moves to `offset`, then on to the next line that starts with "WARC/1.", or to damage in the
// stream after which "WARC/1." follows (the first record of the next gzip member), or to the end.
void WarcRecordReader::ResyncFrom(uint64_t offset) {
  if (offset > window_.offset()) window_.Skip(offset - window_.offset());
  window_.Fill(kVersionPrefix.size());
  if (window_.view().starts_with(kVersionPrefix)) return;
  while (true) {
    const std::string_view view = window_.view();
    const uint64_t to_break = NextBreakAfter(window_.offset()) - window_.offset();
    const size_t found = view.find(kRecordStartLine);
    if (found != std::string_view::npos && found < to_break) {
      window_.Consume(found + 1);
      return;
    }
    if (to_break <= view.size()) {
      window_.Consume(static_cast<size_t>(to_break));
      window_.Fill(kVersionPrefix.size());
      if (window_.view().starts_with(kVersionPrefix)) return;
      continue;
    }
    const size_t keep = std::min(view.size(), kRecordStartLine.size() - 1);
    window_.Consume(view.size() - keep);
    if (!window_.Fill(keep + 1)) {
      window_.Consume(window_.view().size());
      return;
    }
  }
}

// Damage in the stream that no record was cut by (between records, after the last one) is an
// issue of its own; `silently` drops it instead (a record's issue has told it).
void WarcRecordReader::ReportBreaksBefore(uint64_t offset, std::vector<ReadIssue>& issues, bool silently) {
  std::vector<StreamBreak>& breaks = window_.breaks();
  auto reached = std::find_if(breaks.begin(), breaks.end(), [&](const StreamBreak& b) { return b.output_offset > offset; });
  if (!silently) {
    for (auto it = breaks.begin(); it != reached; ++it) issues.push_back({name_, it->message});
  }
  breaks.erase(breaks.begin(), reached);
}

std::string WarcLocation(std::string_view name, const WarcRecord& record) {
  if (record.number == 0) return fmt::format("{}:offset {}", name, record.offset);
  return fmt::format("{}:record {} (offset {})", name, record.number, record.offset);
}

}  // namespace lagebild
