#include "resources/resource_image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "resources/image_format.h"

namespace lagebild {
namespace {

Status Fail(const std::string& path, const std::string& what) {
  return Status::Error("resource image " + path + ": " + what);
}

// Checks the header and section table of a mapped image and fills `sections`.
Status IndexSections(const std::string& path, const char* data, size_t size,
                     std::unordered_map<std::string, std::string_view>& sections) {
  image::ImageHeader header;
  if (size < sizeof header) return Fail(path, "too small to be an image");
  std::memcpy(&header, data, sizeof header);
  if (std::memcmp(header.magic, image::kMagic, sizeof header.magic) != 0) {
    return Fail(path, "not a lagebild resource image (bad magic)");
  }
  if (header.format_version != image::kFormatVersion) {
    return Fail(path, "format version " + std::to_string(header.format_version) +
                          ", this build reads version " + std::to_string(image::kFormatVersion) +
                          "; rebuild the image");
  }
  if (header.file_size != size) return Fail(path, "truncated (size does not match header)");
  const size_t table_end = sizeof header + size_t{header.section_count} * sizeof(image::SectionEntry);
  if (table_end > size) return Fail(path, "section table runs past the end of the file");
  for (uint32_t i = 0; i < header.section_count; ++i) {
    image::SectionEntry entry;
    std::memcpy(&entry, data + sizeof header + i * sizeof entry, sizeof entry);
    if (entry.offset > size || entry.size > size - entry.offset) {
      return Fail(path, "section " + std::to_string(i) + " lies outside the file");
    }
    std::string name(entry.name, strnlen(entry.name, sizeof entry.name));
    sections.emplace(std::move(name), std::string_view(data + entry.offset, entry.size));
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<ResourceImage> ResourceImage::Open(const std::string& path, Status& status) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    status = Fail(path, std::strerror(errno));
    return nullptr;
  }
  struct stat info;
  if (::fstat(fd, &info) != 0 || info.st_size <= 0) {
    status = Fail(path, "cannot read file size or file is empty");
    ::close(fd);
    return nullptr;
  }
  const size_t size = static_cast<size_t>(info.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) {
    status = Fail(path, std::string("mmap failed: ") + std::strerror(errno));
    return nullptr;
  }
  std::unique_ptr<ResourceImage> image(new ResourceImage());
  image->path_ = path;
  image->data_ = static_cast<const char*>(mapped);
  image->size_ = size;
  status = IndexSections(path, image->data_, size, image->sections_);
  if (!status.ok()) return nullptr;
  return image;
}

ResourceImage::~ResourceImage() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

std::optional<std::string_view> ResourceImage::Section(std::string_view name) const {
  auto found = sections_.find(std::string(name));
  if (found == sections_.end()) return std::nullopt;
  return found->second;
}

std::string DefaultImagePath() {
  if (const char* from_env = std::getenv("LAGEBILD_IMAGE"); from_env != nullptr && *from_env) {
    return from_env;
  }
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto beside = exe.parent_path() / "lagebild.img";
    if (std::filesystem::exists(beside)) return beside.string();
    const auto shared = exe.parent_path().parent_path() / "share" / "lagebild" / "lagebild.img";
    if (std::filesystem::exists(shared)) return shared.string();
    return beside.string();
  }
  return "lagebild.img";
}

}  // namespace lagebild
