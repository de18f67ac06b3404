#include "resources/resource_image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
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

constexpr size_t kHugePage = size_t{2} << 20;

size_t RoundUpToHugePage(size_t size) { return (size + kHugePage - 1) / kHugePage * kHugePage; }

// Anonymous memory of `size` bytes starting on a 2 MiB boundary, so that the kernel can back it
// with huge pages; nullptr when it cannot be had.
char* MapAlignedAnonymous(size_t size) {
  void* raw = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto begin = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (begin + kHugePage - 1) / kHugePage * kHugePage;
  if (aligned > begin) ::munmap(raw, aligned - begin);
  const uintptr_t end = begin + size + kHugePage;
  if (end > aligned + size) ::munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  return reinterpret_cast<char*>(aligned);
}

// Reads the whole file into huge-page-backed memory, made read-only afterwards; nullptr (and
// nothing left allocated) when that fails.
char* ReadIntoHugePages(int fd, size_t size, size_t capacity) {
  char* memory = MapAlignedAnonymous(capacity);
  if (memory == nullptr) return nullptr;
  ::madvise(memory, capacity, MADV_HUGEPAGE);  // advice only: without THP the pages stay small
  size_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(fd, memory + done, size - done, static_cast<off_t>(done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      ::munmap(memory, capacity);
      return nullptr;
    }
    done += static_cast<size_t>(got);
  }
  ::mprotect(memory, capacity, PROT_READ);
  return memory;
}

}  // namespace

// The image's tables are mostly hash tables probed at random, so with 4 KiB pages nearly every
// probe misses the TLB as well as the cache. The image is therefore read into memory backed by
// 2 MiB pages (transparent huge pages, which Debian allows on request), which made the whole
// pipeline about 5 % faster (bench/results/2026-11-30-startup-pages.md); when that memory cannot
// be had, the file is mapped as it is.
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
  size_t mapping_size = RoundUpToHugePage(size);
  char* data = ReadIntoHugePages(fd, size, mapping_size);
  if (data == nullptr) {
    mapping_size = size;
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      status = Fail(path, std::string("mmap failed: ") + std::strerror(errno));
      ::close(fd);
      return nullptr;
    }
    data = static_cast<char*>(mapped);
  }
  ::close(fd);
  std::unique_ptr<ResourceImage> image(new ResourceImage());
  image->path_ = path;
  image->data_ = data;
  image->size_ = size;
  image->mapping_size_ = mapping_size;
  status = IndexSections(path, image->data_, size, image->sections_);
  if (!status.ok()) return nullptr;
  return image;
}

ResourceImage::~ResourceImage() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapping_size_);
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
