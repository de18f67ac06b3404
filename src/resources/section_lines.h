// Compiled text sections of the resource image are lines of tab-separated fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lagebild {

// The tab-separated fields of one line.
inline std::vector<std::string_view> SplitFields(std::string_view line, char separator = '\t') {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t end = line.find(separator, start);
    fields.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return fields;
}

// The same as owned strings.
inline std::vector<std::string> SplitToStrings(std::string_view line, char separator) {
  std::vector<std::string> parts;
  for (std::string_view field : SplitFields(line, separator)) parts.emplace_back(field);
  return parts;
}

// Calls `handle(fields)` for every non-empty line of `section`. The views point into the
// section, so they live as long as the image.
template <typename Handler>
void ForEachSectionLine(std::string_view section, Handler&& handle) {
  size_t start = 0;
  while (start < section.size()) {
    size_t end = section.find('\n', start);
    if (end == std::string_view::npos) end = section.size();
    if (end > start) handle(SplitFields(section.substr(start, end - start)));
    start = end + 1;
  }
}

}  // namespace lagebild
