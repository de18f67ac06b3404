#include "compat/tabari_validation.h"

#include <algorithm>

#include "compat/tabari_dictionary.h"
#include "compat/tabari_lexicon.h"
#include "compat/tabari_options.h"
#include "compat/tabari_records.h"
#include "util/file_content.h"

namespace lagebild::tabari {
namespace {

// The record's date: YYMMDD, or under SET: YYYY the first eight digits; 0 when unreadable.
int32_t RecordDate(const std::string& date, bool four_digit_years) {
  return ParseTabariDate(std::string_view(date).substr(0, four_digit_years ? 8 : 6)).value_or(0);
}

// "-{ … }": the events listed before it are checked, further coded events are allowed.
bool IsPartial(const ValidationRecord& record) {
  return std::any_of(record.markers.begin(), record.markers.end(),
                     [](const std::string& marker) { return marker.size() > 1 && marker.front() == '-' && marker != "---"; });
}

std::string Marker(const ValidationRecord& record) {
  for (const std::string& marker : record.markers) {
    if (marker == "+++" || marker == "###" || marker == "---") return marker;
  }
  return {};
}

// Applies the record's { OPTION: … } blocks; true when it had any.
bool ApplyRecordOptions(const ValidationRecord& record, Options& options, std::vector<std::string>& problems) {
  bool any = false;
  for (const std::string& marker : record.markers) {
    if (marker.rfind("OPTION:", 0) != 0) continue;
    any = true;
    std::string problem;
    if (!ApplyOptionLine(marker.substr(7), options, problem)) problems.push_back("record " + record.id + ": " + problem);
  }
  return any;
}

using Triple = std::array<std::string, 3>;

// Where a record sits in its story, for FORWARD.
struct StoryPosition {
  std::string story;
  int sentence = -1;
  std::string first_actor;
};

std::vector<Triple> SortedUnique(std::vector<Triple> events) {
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

void Score(RecordOutcome& outcome, ValidationReport& report) {
  std::vector<Triple> coded;
  for (const CodedEvent& event : outcome.result.events) coded.push_back({event.source, event.target, event.code});
  const std::vector<Triple> got = SortedUnique(coded);
  const std::vector<Triple> expected = SortedUnique(outcome.expected);
  std::vector<Triple> common;
  std::set_intersection(got.begin(), got.end(), expected.begin(), expected.end(), std::back_inserter(common));
  report.expected_events += static_cast<int>(expected.size());
  report.coded_events += static_cast<int>(got.size());
  report.matched_events += static_cast<int>(common.size());
  const CodingResult& result = outcome.result;
  if (outcome.partial) outcome.passed = common.size() == expected.size();
  else if (outcome.expected_marker == "+++") outcome.passed = result.complex;
  else if (outcome.expected_marker == "###") outcome.passed = result.discarded;
  else if (outcome.expected_marker == "---") outcome.passed = got.empty();
  else outcome.passed = got == expected && !(expected.empty() && (result.complex || result.discarded));
}

}  // namespace

Status RunTabariValidation(const std::string& project_path, ValidationReport& report) {
  Dictionary dictionary;
  Status status = ReadProject(project_path, dictionary);
  if (!status.ok()) return status;
  report.problems = dictionary.problems;
  std::vector<std::string> option_files, text_files;
  if (!(status = ProjectFiles(project_path, "optionsfile", option_files)).ok()) return status;
  if (!(status = ProjectFiles(project_path, "textfile", text_files)).ok()) return status;
  if (text_files.empty()) return Status::Error(project_path + ": names no <textfile>");
  Options options;
  for (const std::string& path : option_files) {
    std::string content;
    if (!ReadFileContent(path, content)) return Status::Error(path + ": cannot open");
    ParseOptions(content, path, options, report.problems);
  }
  const Lexicon lexicon(dictionary, report.problems);
  for (const std::string& path : text_files) {
    std::string content;
    if (!ReadFileContent(path, content)) return Status::Error(path + ": cannot open");
    std::vector<ValidationRecord> records;
    ParseValidationRecords(content, path, records, report.problems);
    StoryPosition previous;
    for (const ValidationRecord& record : records) {
      if (ApplyRecordOptions(record, options, report.problems)) {
        ++report.option_records;
        continue;
      }
      StoryPosition position;
      const bool sequenced = options.forwarding.enabled && ReadSequence(options.forwarding.format, record.id, position.story, position.sentence);
      const bool follows = sequenced && position.story == previous.story && position.sentence == previous.sentence + 1;
      RecordOutcome outcome;
      outcome.id = record.id;
      outcome.text = record.text;
      outcome.expected = record.events;
      outcome.expected_marker = Marker(record);
      outcome.partial = IsPartial(record);
      const std::string* forwarded = follows && !previous.first_actor.empty() ? &previous.first_actor : nullptr;
      outcome.result = Coder(lexicon, options, /*describe_parse=*/true).Code(record.text, RecordDate(record.date, options.four_digit_years), forwarded);
      previous = position;
      previous.first_actor = outcome.result.first_actor;
      Score(outcome, report);
      ++report.records;
      report.passed += outcome.passed;
      report.outcomes.push_back(std::move(outcome));
    }
  }
  return Status::Ok();
}

}  // namespace lagebild::tabari
