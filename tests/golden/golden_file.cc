#include "golden_file.h"

#include <fstream>
#include <sstream>

namespace lagebild::golden {
namespace {

constexpr const char* kSeparator = "----";
constexpr const char* kParagraphMark = "\u00B6";
constexpr const char* kPendingMark = "# pending: ";

std::vector<std::string> SplitWords(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

Status Error(const std::string& path, int line, const std::string& message) {
  return Status::Error(path + ":" + std::to_string(line) + ": " + message);
}

}  // namespace

Status ReadGoldenFile(const std::string& path, std::vector<GoldenCase>& cases) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  enum class State { kBetween, kInput, kExpected } state = State::kBetween;
  GoldenCase current;
  std::string pending;
  std::string line;
  int number = 0;
  auto finish = [&] {
    cases.push_back(std::move(current));
    current = GoldenCase();
    state = State::kBetween;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    switch (state) {
      case State::kBetween: {
        if (line.rfind(kPendingMark, 0) == 0) {
          pending = line.substr(std::string_view(kPendingMark).size());
          continue;
        }
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> words = SplitWords(line);
        if (words.size() < 2 || words.size() > 3) {
          return Error(path, number, "expected a case header `KIND LANG [PUBLISHED]`, got: " + line);
        }
        current.file = path;
        current.line = number;
        current.kind = words[0];
        current.lang = words[1];
        if (words.size() == 3) current.published = words[2];
        current.pending = std::move(pending);
        pending.clear();
        state = State::kInput;
        break;
      }
      case State::kInput:
        if (line == kSeparator) {
          if (current.input.empty()) return Error(path, number, "case has no input");
          state = State::kExpected;
          break;
        }
        if (line.empty()) return Error(path, number, "blank line inside an input (use a line with ¶)");
        if (!current.input.empty()) current.input += '\n';
        if (line == kParagraphMark) current.input += '\n';
        else current.input += line;
        break;
      case State::kExpected:
        if (line.empty()) {
          finish();
          break;
        }
        current.expected.push_back(line);
        break;
    }
  }
  if (state == State::kInput) return Error(path, current.line, "case has no `----` line");
  if (state == State::kExpected) finish();
  return Status::Ok();
}

}  // namespace lagebild::golden
