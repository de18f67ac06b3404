// The human-readable sources under data/ share their line conventions: `#` comments and blank
// lines are skipped, and every error names the file and the line.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild {

inline std::string TrimSpaces(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// The regular files under `dir` (recursively) whose name ends in `extension`, sorted so that
// compiling is reproducible. A missing directory yields no files.
inline std::vector<std::string> FilesBelow(const std::string& dir, const std::string& extension) {
  std::vector<std::string> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The words of a line, split at spaces and tabs.
inline std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

inline std::string AtLine(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

// The problems of one source file. Reading goes on after an error, so that one `dict check`
// lists them all; a file with more than kMaxProblemsPerFile (not a dictionary at all, say) is
// summed up after that many.
class FileProblems {
 public:
  static constexpr size_t kMaxProblemsPerFile = 50;

  void Add(const Status& status) {
    if (status.ok()) return;
    if (shown_.size() < kMaxProblemsPerFile) shown_.push_back(status.message());
    ++count_;
  }
  // Ok, or every problem on a line of its own (see AppendProblems).
  Status ToStatus(const std::string& path) const {
    if (count_ == 0) return Status::Ok();
    std::string message;
    for (const std::string& problem : shown_) message += (message.empty() ? "" : "\n") + problem;
    if (count_ > shown_.size()) message += "\n" + path + ": " + std::to_string(count_ - shown_.size()) + " more problem(s) not listed";
    return Status::Error(message);
  }

 private:
  std::vector<std::string> shown_;
  size_t count_ = 0;
};

// Appends the problems of a status made by FileProblems (one per line) to `problems`.
inline void AppendProblems(const Status& status, std::vector<std::string>& problems) {
  if (status.ok()) return;
  std::istringstream lines(status.message());
  for (std::string line; std::getline(lines, line);) problems.push_back(line);
}

// Calls `handle(line_number, trimmed_line)` for every line that is neither blank nor a comment.
// A failing line does not stop the reading: the result lists every failing line (FileProblems).
template <typename Handler>
Status ForEachSourceLine(const std::string& path, Handler&& handle) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  FileProblems problems;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string trimmed = TrimSpaces(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    problems.Add(handle(number, trimmed));
  }
  return problems.ToStatus(path);
}

}  // namespace lagebild
