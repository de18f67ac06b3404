// The records of a WARC file (ISO 28500, WARC/1.0 and WARC/1.1), plain or gzip-compressed, read
// one at a time from a stream: a first line "WARC/1.x", named header fields, a blank line,
// Content-Length bytes of content block, and CRLF CRLF.
//
// Memory stays bounded whatever the input says: a header is at most kMaxWarcHeaderBytes, only the
// blocks of records the caller keeps are held (up to kMaxWarcBlockBytes), and other blocks are
// skipped as they stream by. A malformed record (no WARC/1. line, a header without end, a bad
// Content-Length, truncation, damaged gzip) is one ReadIssue naming its number and offset; reading
// goes on at the next line that starts with "WARC/1.".
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/reader.h"
#include "read/byte_source.h"
#include "read/gzip_stream.h"

namespace lagebild {

inline constexpr size_t kMaxWarcHeaderBytes = size_t{64} << 10;
inline constexpr size_t kMaxWarcBlockBytes = size_t{32} << 20;

struct WarcRecord {
  uint64_t number = 0;  // 1-based among the records of the file
  uint64_t offset = 0;  // of its first byte in the decompressed stream
  std::string type;     // WARC-Type, lower-case: "response", "request", "warcinfo", "metadata", …
  std::string target_uri;            // WARC-Target-URI
  std::string date;                  // WARC-Date as written: "2023-09-05T10:00:00Z"
  std::string identified_payload_type;  // WARC-Identified-Payload-Type (a crawler's own sniffing)
  std::string block;    // the content block, for records the caller keeps
};

// "file:record 3 (offset 1234)", or "file:offset 1234" for bytes that are no record: where an
// issue about a record is.
std::string WarcLocation(std::string_view name, const WarcRecord& record);

class WarcRecordReader {
 public:
  // Which records to return with their block (the others are skipped unread).
  using KeepRecord = std::function<bool(const WarcRecord&)>;

  // `head`: bytes already read from the start of `source` (by the format sniffer).
  WarcRecordReader(std::string name, std::unique_ptr<ByteSource> source, std::string head, KeepRecord keep);

  // The next record that `keep` accepts, or nullopt at the end of the input. Malformed records
  // and damage in the stream are appended to `issues`.
  std::optional<WarcRecord> Next(std::vector<ReadIssue>& issues);

  // Records seen so far, kept or not.
  uint64_t records() const { return record_number_; }

 private:
  // The decompressed bytes from offset() on, read ahead as far as a caller needs.
  class Window {
   public:
    Window(std::unique_ptr<ByteSource> source, std::string head) : stream_(std::move(source), std::move(head)) {}
    // At least `count` bytes in view() unless the stream ends first.
    bool Fill(size_t count);
    std::string_view view() const { return std::string_view(data_).substr(begin_); }
    uint64_t offset() const { return offset_; }
    void Consume(size_t count);
    // Consumes `count` bytes without holding them; how many there were.
    uint64_t Skip(uint64_t count);
    std::vector<StreamBreak>& breaks() { return breaks_; }

   private:
    bool ReadChunk();
    GzipStream stream_;
    std::string data_;
    size_t begin_ = 0;
    uint64_t offset_ = 0;  // stream offset of data_[begin_]
    std::vector<StreamBreak> breaks_;
  };

  std::optional<WarcRecord> ReadRecord(std::vector<ReadIssue>& issues);
  bool ReadBlock(WarcRecord& record, size_t header_size, size_t length, std::vector<ReadIssue>& issues);
  void SkipBlock(WarcRecord& record, size_t header_size, uint64_t length, std::vector<ReadIssue>& issues);
  std::optional<size_t> NextRecordStart(size_t from);
  const StreamBreak* BreakWithin(uint64_t begin, uint64_t end);
  void Reject(const WarcRecord& record, uint64_t examined_end, std::string message, std::vector<ReadIssue>& issues);
  uint64_t NextBreakAfter(uint64_t offset);
  void ResyncFrom(uint64_t offset);
  void ReportBreaksBefore(uint64_t offset, std::vector<ReadIssue>& issues, bool silently = false);

  std::string name_;
  Window window_;
  KeepRecord keep_;
  uint64_t record_number_ = 0;
};

}  // namespace lagebild
