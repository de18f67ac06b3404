#include "serve/static_files.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace lagebild::serve {
namespace {

std::string ContentTypeOf(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", "application/json"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
      {".map", "application/json"},          {".txt", "text/plain; charset=utf-8"},
  };
  const auto found = types.find(file.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

bool HasParentSegment(const std::string& path) {
  std::istringstream segments(path);
  std::string segment;
  while (std::getline(segments, segment, '/')) {
    if (segment == ".." || segment.find('\\') != std::string::npos) return true;
  }
  return false;
}

bool IsInside(const std::filesystem::path& file, const std::filesystem::path& root) {
  const auto [root_end, file_rest] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return root_end == root.end();
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& folder) {
  std::error_code error;
  if (folder.empty() || !std::filesystem::is_directory(folder, error)) return;
  root_ = std::filesystem::canonical(folder, error);
  if (error) root_.clear();
}

std::optional<StaticFile> StaticFiles::Find(const std::string& request_path) const {
  if (!enabled() || request_path.empty() || request_path[0] != '/' || HasParentSegment(request_path) ||
      request_path.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  std::filesystem::path relative = request_path.substr(1);
  if (relative.empty() || request_path.back() == '/') relative /= "index.html";
  std::error_code error;
  const std::filesystem::path file = std::filesystem::canonical(root_ / relative, error);
  if (error || !IsInside(file, root_) || !std::filesystem::is_regular_file(file, error)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return StaticFile{content.str(), ContentTypeOf(file)};
}

std::filesystem::path DefaultWebFolder(const std::filesystem::path& program_folder, const std::filesystem::path& source_tree) {
  std::error_code error;
  for (const std::filesystem::path& candidate : {program_folder / ".." / "share" / "lagebild" / "web", source_tree / "web" / "dist"}) {
    if (std::filesystem::is_directory(candidate, error)) return candidate;
  }
  return {};
}

}  // namespace lagebild::serve
