#include "compile/image_writer.h"

#include <cstdio>
#include <cstring>
#include <fstream>

#include "resources/image_format.h"

namespace lagebild {
namespace {

constexpr size_t kAlignment = 8;

size_t AlignUp(size_t offset) { return (offset + kAlignment - 1) / kAlignment * kAlignment; }

}  // namespace

void ImageWriter::AddSection(std::string name, std::string bytes) {
  sections_.push_back({std::move(name), std::move(bytes)});
}

Status ImageWriter::Write(const std::string& path) const {
  image::ImageHeader header{};
  std::memcpy(header.magic, image::kMagic, sizeof header.magic);
  header.format_version = image::kFormatVersion;
  header.section_count = static_cast<uint32_t>(sections_.size());

  std::vector<image::SectionEntry> entries(sections_.size());
  size_t offset = AlignUp(sizeof header + entries.size() * sizeof(image::SectionEntry));
  for (size_t i = 0; i < sections_.size(); ++i) {
    if (sections_[i].name.size() >= image::kMaxSectionName) {
      return Status::Error("section name too long: " + sections_[i].name);
    }
    std::memset(entries[i].name, 0, sizeof entries[i].name);
    std::memcpy(entries[i].name, sections_[i].name.data(), sections_[i].name.size());
    entries[i].offset = offset;
    entries[i].size = sections_[i].bytes.size();
    offset = AlignUp(offset + sections_[i].bytes.size());
  }
  header.file_size = offset;

  std::string image(offset, '\0');
  std::memcpy(image.data(), &header, sizeof header);
  std::memcpy(image.data() + sizeof header, entries.data(), entries.size() * sizeof(image::SectionEntry));
  for (size_t i = 0; i < sections_.size(); ++i) {
    std::memcpy(image.data() + entries[i].offset, sections_[i].bytes.data(), sections_[i].bytes.size());
  }

  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!out) return Status::Error("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return Status::Error("cannot rename " + temporary + " to " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace lagebild
