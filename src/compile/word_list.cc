#include "compile/word_list.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

namespace lagebild {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::string Where(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

}  // namespace

Status ReadWordList(const std::string& path, const std::vector<std::string>& allowed_flags,
                    std::vector<WordListEntry>& entries) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  std::unordered_map<std::string, int> first_seen;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = SplitTabs(line);
    WordListEntry entry{fields[0], {fields.begin() + 1, fields.end()}, number};
    if (entry.word.empty() || entry.word.find(' ') != std::string::npos) {
      return Status::Error(Where(path, number) + "an entry must be one word without spaces");
    }
    for (const std::string& flag : entry.flags) {
      if (std::find(allowed_flags.begin(), allowed_flags.end(), flag) == allowed_flags.end()) {
        return Status::Error(Where(path, number) + "unknown flag '" + flag + "'");
      }
    }
    auto [seen, inserted] = first_seen.emplace(entry.word, number);
    if (!inserted) {
      return Status::Error(Where(path, number) + "'" + entry.word + "' is already listed on line " +
                           std::to_string(seen->second));
    }
    entries.push_back(std::move(entry));
  }
  return Status::Ok();
}

}  // namespace lagebild
