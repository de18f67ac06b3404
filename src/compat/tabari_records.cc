#include "compat/tabari_records.h"

#include <cctype>

#include "util/trim.h"

namespace lagebild::tabari {
namespace {

// "950101  DEMO-01" → date and id.
bool ParseHeader(std::string_view line, std::string& date, std::string& id) {
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  // YYMMDD, or YYYYMMDD under SET: YYYY = TRUE; longer runs are malformed dates TABARI reports.
  if (digits < 6 || digits >= line.size() || (line[digits] != ' ' && line[digits] != '\t')) return false;
  const std::string_view rest = TrimWhitespace(line.substr(digits));
  if (rest.empty()) return false;
  date = std::string(line.substr(0, digits));
  id = std::string(rest.substr(0, rest.find_first_of(" \t")));
  return true;
}

// The {…} blocks of a record's comment: events "{ SRC / TGT / CODE }" and markers.
void ReadBlocks(std::string_view comment, ValidationRecord& record) {
  size_t at = 0;
  while ((at = comment.find('{', at)) != std::string_view::npos) {
    size_t end = comment.find('}', at);
    if (end == std::string_view::npos) end = comment.size();  // "{ OPTION: … */": TABARI reads to the end
    const bool negated = at > 0 && comment[at - 1] == '-';
    const std::string_view inside = TrimWhitespace(comment.substr(at + 1, end - at - 1));
    const size_t first = inside.find('/');
    const size_t second = first == std::string_view::npos ? first : inside.find('/', first + 1);
    if (second != std::string_view::npos && !negated) {
      record.events.push_back({std::string(TrimWhitespace(inside.substr(0, first))), std::string(TrimWhitespace(inside.substr(first + 1, second - first - 1))),
                               std::string(TrimWhitespace(inside.substr(second + 1)))});
    } else {
      record.markers.push_back((negated ? "-" : "") + std::string(inside));
    }
    at = end + 1;
    if (at > comment.size()) return;
  }
}

}  // namespace

void ParseValidationRecords(std::string_view content, std::string_view file, std::vector<ValidationRecord>& records,
                            std::vector<std::string>& problems) {
  enum class State { kOutside, kText, kComment } state = State::kOutside;
  ValidationRecord record;
  std::string comment;
  int number = 0;
  auto finish = [&] {
    ReadBlocks(comment, record);
    record.comment = comment;
    records.push_back(std::move(record));
    record = ValidationRecord();
    comment.clear();
  };
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++number;
    if (TrimWhitespace(line).empty() && state != State::kOutside) {
      // TABARI ends a record at a blank line, also when its comment was not closed.
      if (state == State::kComment) finish();
      else problems.push_back(std::string(file) + ":" + std::to_string(record.line) + ": record " + record.id + " has no /* … */ comment");
      state = State::kOutside;
      continue;
    }
    if (state == State::kComment) {
      const size_t close = line.find("*/");
      comment += std::string(line.substr(0, close)) + "\n";
      if (close != std::string_view::npos) {
        finish();
        state = State::kOutside;
      }
      continue;
    }
    std::string date, id;
    if (ParseHeader(line, date, id)) {
      if (state == State::kText) problems.push_back(std::string(file) + ":" + std::to_string(record.line) + ": record " + record.id + " has no /* … */ comment");
      if (id.rfind("FINAL", 0) == 0) return;
      record = ValidationRecord();
      record.date = date;
      record.id = id;
      record.line = number;
      state = State::kText;
      continue;
    }
    if (state != State::kText) continue;
    const size_t open = line.find("/*");
    const std::string_view text = TrimWhitespace(line.substr(0, open));
    if (!text.empty()) record.text += (record.text.empty() ? "" : " ") + std::string(text);
    if (open == std::string_view::npos) continue;
    const std::string_view after = line.substr(open + 2);
    const size_t close = after.find("*/");
    comment = std::string(after.substr(0, close)) + "\n";
    if (close != std::string_view::npos) {
      finish();
      state = State::kOutside;
    } else {
      state = State::kComment;
    }
  }
  if (state != State::kOutside) problems.push_back(std::string(file) + ":" + std::to_string(record.line) + ": record " + record.id + " is not closed");
}

}  // namespace lagebild::tabari
