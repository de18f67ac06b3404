// Parser for the simple word-list sources under data/: one entry per line, optional
// tab-separated flags, `#` comments and blank lines ignored. Errors name file and line.
#pragma once

#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

struct WordListEntry {
  std::string word;
  std::vector<std::string> flags;
  int line = 0;
};

// Reads `path`. Every flag must be one of `allowed_flags`; a word may appear only once.
Status ReadWordList(const std::string& path, const std::vector<std::string>& allowed_flags,
                    std::vector<WordListEntry>& entries);

}  // namespace lagebild
