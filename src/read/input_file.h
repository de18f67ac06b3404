// Buffered reading of a file or standard input, whole or line by line, of any line length.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "lagebild/status.h"

namespace lagebild {

class InputFile {
 public:
  // "-" opens standard input.
  static std::unique_ptr<InputFile> Open(const std::string& path, Status& status);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Reads everything that is left. Returns false on a read error.
  bool ReadAll(std::string& out);
  // Reads one line without its '\n'. Returns false at the end of the input.
  bool ReadLine(std::string& line);
  // Reads up to `size` bytes; fewer only at the end of the input or on a read error.
  size_t Read(char* buffer, size_t size);
  bool failed() const;

 private:
  explicit InputFile(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  std::FILE* file_;
  bool owned_;
  char* line_buffer_ = nullptr;
  size_t line_capacity_ = 0;
};

}  // namespace lagebild
