// Reader of PETRARCH's unit-test file (PETR.UnitTest.records.xml): an <Environment> naming the
// dictionaries, then <Sentence date id category> records with their <Text>, <Parse> tree and
// expected <EventCoding sourcecode targetcode eventcode> elements, or <EventCoding
// noevents="True"> / <EventCoding error="…"> when nothing should be coded. <Config option value>
// elements between the records change coding options from that point on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/status.h"

namespace lagebild::petrarch {

struct ExpectedEvent {
  std::string source, target, code;

  friend bool operator==(const ExpectedEvent&, const ExpectedEvent&) = default;
  friend auto operator<=>(const ExpectedEvent&, const ExpectedEvent&) = default;
};

struct ConfigOption {
  std::string option, value;
};

struct Record {
  std::string id, date, category;  // date as YYYYMMDD
  std::string text, parse;
  std::vector<ExpectedEvent> events;
  bool no_events = false;            // noevents="True" or an error="…" expectation
  std::string expected_error;        // "dateline", "bad_input_parse", "storydiscard", …
  std::vector<ConfigOption> config;  // options set just before this record, in order
  int line = 0;
};

struct RecordEnvironment {
  std::string verbs, actors, agents, discards;  // file names as written
  std::vector<std::string> include;             // <Include> categories (without "valid")
};

struct RecordFile {
  RecordEnvironment environment;
  std::vector<Record> records;
  std::vector<std::string> problems;  // "file:line: message"
};

// Parses the XML; fails when it is not well-formed XML. Records without a date are reported
// and skipped.
Status ParseRecordFile(std::string_view content, std::string_view file, RecordFile& result);
Status ReadRecordFile(const std::string& path, RecordFile& result);

}  // namespace lagebild::petrarch
