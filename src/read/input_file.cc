#include "read/input_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace lagebild {

std::unique_ptr<InputFile> InputFile::Open(const std::string& path, Status& status) {
  if (path == "-") return std::unique_ptr<InputFile>(new InputFile(stdin, false));
  struct stat info;
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
    status = Status::Error(path + ": is a directory");
    return nullptr;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    status = Status::Error(path + ": " + std::strerror(errno));
    return nullptr;
  }
  return std::unique_ptr<InputFile>(new InputFile(file, true));
}

InputFile::~InputFile() {
  std::free(line_buffer_);
  if (owned_) std::fclose(file_);
}

bool InputFile::ReadAll(std::string& out) {
  char buffer[1 << 16];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file_)) > 0) out.append(buffer, got);
  return !std::ferror(file_);
}

bool InputFile::ReadLine(std::string& line) {
  const ssize_t length = ::getline(&line_buffer_, &line_capacity_, file_);
  if (length < 0) return false;
  line.assign(line_buffer_, static_cast<size_t>(length));
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

size_t InputFile::Read(char* buffer, size_t size) { return std::fread(buffer, 1, size, file_); }

bool InputFile::failed() const { return std::ferror(file_) != 0; }

}  // namespace lagebild
