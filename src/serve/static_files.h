// The web UI's static files. Only files inside the UI folder are served: the request path is
// decoded by the HTTP layer, any `..` segment is refused, and the resolved file (symbolic links
// followed) must still lie inside the folder's resolved path.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace lagebild::serve {

struct StaticFile {
  std::string content;
  std::string content_type;
};

class StaticFiles {
 public:
  // `folder` may be empty or missing: then nothing is served.
  explicit StaticFiles(const std::filesystem::path& folder);

  bool enabled() const { return !root_.empty(); }
  const std::filesystem::path& root() const { return root_; }

  // The file for a decoded request path ("/" is index.html); nullopt when there is none or the
  // path leads out of the folder.
  std::optional<StaticFile> Find(const std::string& request_path) const;

 private:
  std::filesystem::path root_;  // canonical; empty when disabled
};

// The UI folder when --web is not given: ../share/lagebild/web beside the program (an
// installation), else web/dist in the source tree it was built from; empty when neither exists.
std::filesystem::path DefaultWebFolder(const std::filesystem::path& program_folder, const std::filesystem::path& source_tree);

}  // namespace lagebild::serve
