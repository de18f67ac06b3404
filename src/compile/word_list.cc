#include "compile/word_list.h"

#include "compile/source_lines.h"

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

}  // namespace

Status ReadWordList(const std::string& path, const std::vector<std::string>& allowed_flags,
                    std::vector<WordListEntry>& entries) {
  std::unordered_map<std::string, int> first_seen;
  return ForEachSourceLine(path, [&](int number, const std::string& line) {
    std::vector<std::string> fields = SplitTabs(line);
    WordListEntry entry{fields[0], {fields.begin() + 1, fields.end()}, number};
    if (entry.word.empty() || entry.word.find(' ') != std::string::npos) {
      return Status::Error(AtLine(path, number) + "an entry must be one word without spaces");
    }
    for (const std::string& flag : entry.flags) {
      if (std::find(allowed_flags.begin(), allowed_flags.end(), flag) == allowed_flags.end()) {
        return Status::Error(AtLine(path, number) + "unknown flag '" + flag + "'");
      }
    }
    auto [seen, inserted] = first_seen.emplace(entry.word, number);
    if (!inserted) {
      return Status::Error(AtLine(path, number) + "'" + entry.word + "' is already listed on line " +
                           std::to_string(seen->second));
    }
    entries.push_back(std::move(entry));
    return Status::Ok();
  });
}

}  // namespace lagebild
