// Runs PETRARCH's unit-test file (PETR.UnitTest.records.xml) through the PETRARCH-1-style
// coder and scores it: a record passes when the set of coded events equals the expected set;
// events are (source, target, code) triples, counted per record as a multiset intersection for
// precision and recall. Only records whose category is in the file's <Include> list and that
// state an expectation (<EventCoding>) are scored.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compat/petrarch_dictionary.h"
#include "compat/petrarch_records.h"
#include "lagebild/status.h"

namespace lagebild::petrarch {

struct RecordOutcome {
  std::string id;
  std::vector<ExpectedEvent> expected, coded;  // sorted
  std::string note;                            // why nothing was coded (discard, bad parse, …)
};

struct ValidationResult {
  int records = 0, passed = 0, skipped = 0;
  int expected_events = 0, coded_events = 0, matched_events = 0;
  std::vector<RecordOutcome> failures;
  Dictionaries dictionaries;
  std::vector<std::pair<DictionaryKind, std::string>> dictionary_paths;  // the files read
  std::vector<std::string> problems;                                     // dictionary and record-file problems

  double Precision() const { return coded_events ? static_cast<double>(matched_events) / coded_events : 0.0; }
  double Recall() const { return expected_events ? static_cast<double>(matched_events) / expected_events : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

using DictionaryFiles = std::vector<std::pair<DictionaryKind, std::string>>;

// Reads the record file and the dictionaries its <Environment> names (relative to the file);
// a kind given in `overrides` (one or more files) replaces the file named there. Codes every
// record and scores it. Fails when a file cannot be read or the XML is malformed.
Status RunValidation(const std::string& records_path, const DictionaryFiles& overrides, ValidationResult& result);

}  // namespace lagebild::petrarch
