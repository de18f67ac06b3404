// Where a reader gets its bytes: a file, standard input, or memory.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "lagebild/status.h"

namespace lagebild {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Appends everything that is left to `out`; false on a read error.
  virtual bool ReadAll(std::string& out) = 0;
  // One line without its line break; false at the end.
  virtual bool ReadLine(std::string& line) = 0;
  // Up to buffer.size() bytes into `buffer`: how many, 0 at the end (or after a read error,
  // which failed() tells). For readers that stream binary input (WARC, gzip).
  virtual size_t ReadSome(std::span<char> buffer) = 0;
  virtual bool failed() const = 0;
};

// "-" is standard input. nullptr with a message in `status` when the file cannot be opened.
std::unique_ptr<ByteSource> OpenFileSource(const std::string& path, Status& status);
std::unique_ptr<ByteSource> MakeMemorySource(std::string bytes);

}  // namespace lagebild
