// Parser for golden test files (format in docs/golden-tests.md).
#pragma once

#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild::golden {

struct GoldenCase {
  std::string file;
  int line = 0;           // line of the header
  std::string kind;       // "sentences", "tokens", …
  std::string lang;       // forced document language
  std::string published;  // optional YYYY-MM-DD
  std::string input;      // lines joined with '\n'; a "¶" line becomes a blank line
  std::vector<std::string> expected;
  std::string pending;  // why the case does not pass yet ("# pending: …" above its header)
};

// Appends the cases of `path` to `cases`; a malformed file gives an error naming file and line.
Status ReadGoldenFile(const std::string& path, std::vector<GoldenCase>& cases);

}  // namespace lagebild::golden
