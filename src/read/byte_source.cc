#include "read/byte_source.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "read/input_file.h"

namespace lagebild {
namespace {

class FileSource : public ByteSource {
 public:
  explicit FileSource(std::unique_ptr<InputFile> file) : file_(std::move(file)) {}
  bool ReadAll(std::string& out) override { return file_->ReadAll(out); }
  bool ReadLine(std::string& line) override { return file_->ReadLine(line); }
  size_t ReadSome(std::span<char> buffer) override { return file_->Read(buffer.data(), buffer.size()); }
  bool failed() const override { return file_->failed(); }

 private:
  std::unique_ptr<InputFile> file_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  bool ReadAll(std::string& out) override {
    out.append(bytes_, position_, std::string::npos);
    position_ = bytes_.size();
    return true;
  }
  bool ReadLine(std::string& line) override {
    if (position_ >= bytes_.size()) return false;
    size_t end = bytes_.find('\n', position_);
    if (end == std::string::npos) end = bytes_.size();
    line.assign(bytes_, position_, end - position_);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    position_ = end + 1;
    return true;
  }
  size_t ReadSome(std::span<char> buffer) override {
    const size_t count = std::min(buffer.size(), bytes_.size() - std::min(position_, bytes_.size()));
    if (count == 0) return 0;
    std::memcpy(buffer.data(), bytes_.data() + position_, count);
    position_ += count;
    return count;
  }
  bool failed() const override { return false; }

 private:
  std::string bytes_;
  size_t position_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> OpenFileSource(const std::string& path, Status& status) {
  std::unique_ptr<InputFile> file = InputFile::Open(path, status);
  if (!file) return nullptr;
  return std::make_unique<FileSource>(std::move(file));
}

std::unique_ptr<ByteSource> MakeMemorySource(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

}  // namespace lagebild
