// Input readers: turn a file or standard input into raw documents for the pipeline.
//
// A reader never throws on bad content. A record it cannot read (a malformed JSON line, a binary
// file, an empty input) is skipped and described in a ReadIssue naming file and line; the caller
// decides how to report it. Readers are made by a factory from a format name.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/document.h"
#include "lagebild/status.h"

namespace lagebild {

enum class InputFormat { kAuto, kText, kHtml, kJsonl, kFeed, kWarc };
enum class ContentType { kText, kHtml };

// "auto", "text", "html", "jsonl", "feed" (RSS or Atom), "warc" (WARC or WARC.gz); nullopt for
// anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct RawDocument {
  DocumentMeta meta;
  ContentType type = ContentType::kText;
  std::string content;  // bytes as read; not yet decoded or cleaned
};

struct ReadIssue {
  // An error is a record skipped (the run ends with exit 1); a warning says how something was read.
  enum class Severity { kError, kWarning };
  std::string location;  // "file" or "file:line"
  std::string message;
  Severity severity = Severity::kError;
};

class Reader {
 public:
  virtual ~Reader() = default;
  // The next document, or nullopt when the input is exhausted. Unreadable records are skipped
  // and appended to `issues`.
  virtual std::optional<RawDocument> Next(std::vector<ReadIssue>& issues) = 0;
};

// Opens `path` ("-" is standard input). With kAuto the format comes from the file name
// (.html/.htm, .jsonl/.ndjson/.json, .rss/.atom, .warc/.warc.gz, otherwise sniffed from the
// content). A WARC file is streamed; other formats are read whole. Returns nullptr with a message
// in `status` when the file cannot be opened.
std::unique_ptr<Reader> OpenReader(const std::string& path, InputFormat format, Status& status);

// Readers over bytes already in memory (tests, fuzzers, the HTTP API). `name` is used in
// document ids and issue locations.
std::unique_ptr<Reader> MakeReader(InputFormat format, std::string name, std::string bytes);

}  // namespace lagebild
