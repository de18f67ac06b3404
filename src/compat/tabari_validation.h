// Runs TABARI's validation suite: the records of a .project's <textfile>s, coded with the
// project's dictionaries and .options, each compared with the events its comment expects.
//
// A record passes when the coded events equal the expected `{ SRC / TGT / CODE }` set, or, for a
// record marked {+++}, {###} or {---}, when the sentence was diverted as complex, discarded or
// gave no event. A record with a `-{ … }` block ("do not check additional records", manual
// 10.1) passes when the events listed are among those coded. Records that carry `{ OPTION: … }` change the options for the records after
// them, as in TABARI, and are not scored.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "compat/tabari_coder.h"
#include "lagebild/status.h"

namespace lagebild::tabari {

struct RecordOutcome {
  std::string id;
  std::string text;
  std::vector<std::array<std::string, 3>> expected;
  std::string expected_marker;  // "+++", "###", "---" or empty
  bool partial = false;         // a "-{…}" block: more events than those listed may be coded
  CodingResult result;
  bool passed = false;
};

struct ValidationReport {
  int records = 0;   // scored records
  int passed = 0;
  int option_records = 0;
  int expected_events = 0, coded_events = 0, matched_events = 0;
  std::vector<RecordOutcome> outcomes;  // every scored record, in file order
  std::vector<std::string> problems;    // dictionary, options and record problems
};

Status RunTabariValidation(const std::string& project_path, ValidationReport& report);

}  // namespace lagebild::tabari
