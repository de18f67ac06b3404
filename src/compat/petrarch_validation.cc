#include "compat/petrarch_validation.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "compat/petrarch_coder.h"

namespace lagebild::petrarch {
namespace {

std::vector<ExpectedEvent> ToExpected(const std::vector<CodedEvent>& events) {
  std::vector<ExpectedEvent> out;
  for (const CodedEvent& event : events) out.push_back({event.source, event.target, event.code});
  std::sort(out.begin(), out.end());
  return out;
}

int MultisetIntersection(const std::vector<ExpectedEvent>& a, const std::vector<ExpectedEvent>& b) {
  std::vector<ExpectedEvent> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return static_cast<int>(common.size());
}

Status LoadDictionaries(const std::string& records_path, const RecordEnvironment& environment,
                        const DictionaryFiles& overrides, ValidationResult& result) {
  const std::filesystem::path folder = std::filesystem::path(records_path).parent_path();
  const std::pair<DictionaryKind, const std::string*> named[] = {{DictionaryKind::kVerbs, &environment.verbs},
                                                                 {DictionaryKind::kActors, &environment.actors},
                                                                 {DictionaryKind::kAgents, &environment.agents},
                                                                 {DictionaryKind::kDiscards, &environment.discards}};
  for (const auto& [kind, name] : named) {
    const bool overridden = std::any_of(overrides.begin(), overrides.end(),
                                        [kind = kind](const auto& entry) { return entry.first == kind; });
    if (!overridden && !name->empty()) result.dictionary_paths.emplace_back(kind, (folder / *name).string());
  }
  result.dictionary_paths.insert(result.dictionary_paths.end(), overrides.begin(), overrides.end());
  for (const auto& [kind, path] : result.dictionary_paths) {
    if (Status status = ReadDictionaryFile(path, kind, result.dictionaries); !status.ok()) return status;
  }
  return Status::Ok();
}

std::string OutcomeNote(const SentenceResult& coded) {
  switch (coded.outcome) {
    case SentenceOutcome::kCoded:
      return "";
    case SentenceOutcome::kBadParse:
      return "bad parse: " + coded.message;
    case SentenceOutcome::kDateline:
      return "dateline";
    case SentenceOutcome::kSentenceDiscard:
      return "sentence discard: " + coded.message;
    case SentenceOutcome::kStoryDiscard:
      return "story discard: " + coded.message;
  }
  return "";
}

}  // namespace

Status RunValidation(const std::string& records_path, const DictionaryFiles& overrides, ValidationResult& result) {
  RecordFile file;
  if (Status status = ReadRecordFile(records_path, file); !status.ok()) return status;
  result.problems = file.problems;
  if (Status status = LoadDictionaries(records_path, file.environment, overrides, result); !status.ok()) return status;
  result.problems.insert(result.problems.end(), result.dictionaries.problems.begin(),
                         result.dictionaries.problems.end());
  const Coder coder(result.dictionaries);
  const std::set<std::string> include(file.environment.include.begin(), file.environment.include.end());
  CoderOptions options;
  for (const Record& record : file.records) {
    for (const ConfigOption& config : record.config) {
      if (!ApplyConfigOption(config.option, config.value, options)) {
        result.problems.push_back(records_path + ":" + std::to_string(record.line) + ": unknown <Config> option " +
                                  config.option);
      }
    }
    if ((!include.empty() && !include.count(record.category)) || (record.events.empty() && !record.no_events)) {
      ++result.skipped;
      continue;
    }
    const SentenceResult coded = coder.Code(record.text, record.parse, std::stoi(record.date), options);
    RecordOutcome outcome{record.id, record.events, ToExpected(coded.events), OutcomeNote(coded)};
    std::sort(outcome.expected.begin(), outcome.expected.end());
    outcome.expected.erase(std::unique(outcome.expected.begin(), outcome.expected.end()), outcome.expected.end());
    ++result.records;
    result.expected_events += static_cast<int>(outcome.expected.size());
    result.coded_events += static_cast<int>(outcome.coded.size());
    result.matched_events += MultisetIntersection(outcome.expected, outcome.coded);
    if (outcome.expected == outcome.coded) {
      ++result.passed;
    } else {
      result.failures.push_back(std::move(outcome));
    }
  }
  return Status::Ok();
}

}  // namespace lagebild::petrarch
