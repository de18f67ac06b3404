#include "util/file_content.h"

#include <fstream>
#include <sstream>

namespace lagebild {

bool ReadFileContent(const std::string& path, std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream out;
  out << in.rdbuf();
  content = out.str();
  return true;
}

}  // namespace lagebild
