// Read-only access to a compiled resource image (see image_format.h). The file is read into
// memory backed by huge pages (or, failing that, memory-mapped); section views stay valid for the
// lifetime of the ResourceImage. Thread-safe after Open.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "lagebild/status.h"

namespace lagebild {

class ResourceImage {
 public:
  // Loads `path` and checks magic, version and section bounds. On failure returns nullptr and
  // sets `status` to a message naming the file.
  static std::unique_ptr<ResourceImage> Open(const std::string& path, Status& status);
  ~ResourceImage();
  ResourceImage(const ResourceImage&) = delete;
  ResourceImage& operator=(const ResourceImage&) = delete;

  // The bytes of a section, or nullopt when the image has no section of that name.
  std::optional<std::string_view> Section(std::string_view name) const;
  const std::string& path() const { return path_; }

 private:
  ResourceImage() = default;
  std::string path_;
  const char* data_ = nullptr;
  size_t size_ = 0;          // of the image file
  size_t mapping_size_ = 0;  // of the memory holding it, to unmap
  std::unordered_map<std::string, std::string_view> sections_;
};

// Where the CLI and tests look for the image when none is given: $LAGEBILD_IMAGE, then
// `lagebild.img` beside the running executable, then ../share/lagebild/lagebild.img from it.
std::string DefaultImagePath();

}  // namespace lagebild
