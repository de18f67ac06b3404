// Reader for TABARI validation records (Validate.text): a header line `YYMMDD  ID`, the text, and
// a /* … */ comment that says what the record tests and which events it must give, in
// `{ SOURCE / TARGET / CODE }` blocks, or markers such as {+++}, {---}, {###} and
// { OPTION: … }. Records end at the first one whose id starts with FINAL.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace lagebild::tabari {

struct ValidationRecord {
  std::string date;  // YYMMDD as written (YYYYMMDD under SET: YYYY = TRUE)
  std::string id;    // "DEMO-01"
  std::string text;  // the story text, lines joined with a space
  std::vector<std::array<std::string, 3>> events;  // source, target, code
  std::vector<std::string> markers;               // "+++", "---", "###", "OPTION: SET: …", …
  std::string comment;                            // what the record tests
  int line = 0;
};

// Appends the records of `content`; problems ("file:line: message") for unreadable parts.
void ParseValidationRecords(std::string_view content, std::string_view file, std::vector<ValidationRecord>& records,
                            std::vector<std::string>& problems);

}  // namespace lagebild::tabari
