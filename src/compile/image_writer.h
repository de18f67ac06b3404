// Builds a resource image (see resources/image_format.h) from named sections.
#pragma once

#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

class ImageWriter {
 public:
  void AddSection(std::string name, std::string bytes);
  // Writes the image atomically: to a temporary file first, renamed over `path` when complete.
  Status Write(const std::string& path) const;

 private:
  struct NamedSection {
    std::string name;
    std::string bytes;
  };
  std::vector<NamedSection> sections_;
};

}  // namespace lagebild
