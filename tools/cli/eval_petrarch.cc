// `lagebild eval petrarch RECORDS.xml`: runs PETRARCH's unit-test records with PETRARCH's
// dictionaries through the PETRARCH-1-style coder (src/compat/petrarch_coder.h).
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "compat/petrarch_validation.h"

namespace lagebild::cli {
namespace {

namespace petrarch = lagebild::petrarch;

struct PetrarchOptions {
  std::string path;
  std::vector<std::string> dictionaries;  // "petrarch-verbs:FILE", …
  bool show_errors = false;
};

bool ParseOverrides(const std::vector<std::string>& specs, petrarch::DictionaryFiles& out) {
  static const std::map<std::string, petrarch::DictionaryKind> kKinds = {
      {"petrarch-verbs", petrarch::DictionaryKind::kVerbs},
      {"petrarch-actors", petrarch::DictionaryKind::kActors},
      {"petrarch-agents", petrarch::DictionaryKind::kAgents},
      {"petrarch-discards", petrarch::DictionaryKind::kDiscards}};
  for (const std::string& spec : specs) {
    const size_t colon = spec.find(':');
    const auto kind = colon == std::string::npos ? kKinds.end() : kKinds.find(spec.substr(0, colon));
    if (kind == kKinds.end() || colon + 1 >= spec.size()) {
      std::cerr << "lagebild eval petrarch: --dict wants petrarch-{verbs,actors,agents,discards}:FILE, not '" << spec
                << "'\n";
      return false;
    }
    out.emplace_back(kind->second, spec.substr(colon + 1));
  }
  return true;
}

std::string Events(const std::vector<petrarch::ExpectedEvent>& events) {
  if (events.empty()) return "(none)";
  std::string out;
  for (const auto& event : events) {
    out += fmt::format("{}{} {} {}", out.empty() ? "" : "; ", event.source, event.target, event.code);
  }
  return out;
}

void PrintResult(const PetrarchOptions& options, const petrarch::ValidationResult& result) {
  const petrarch::Dictionaries& d = result.dictionaries;
  std::cout << fmt::format(
      "dictionaries: {} verbs in {} blocks, {} patterns, {} synsets, {} transformations, "
      "{} actors, {} agents, {} discards, {} problems\n",
      d.VerbCount(), d.verb_blocks.size(), d.PatternCount(), d.synsets.size(), d.transformations, d.actors.size(),
      d.agents.size(), d.discards.size(), result.problems.size());
  std::cout << std::flush;
  for (const std::string& problem : result.problems) std::cerr << problem << '\n';
  if (options.show_errors) {
    for (const petrarch::RecordOutcome& failure : result.failures) {
      std::cout << fmt::format("FAIL {}\n  expected: {}\n  got:      {}{}\n", failure.id, Events(failure.expected),
                               Events(failure.coded), failure.note.empty() ? "" : "  (" + failure.note + ")");
    }
  }
  std::cout << fmt::format("records passed: {} of {} ({:.1f}%), {} not scored\n", result.passed, result.records,
                           result.records ? 100.0 * result.passed / result.records : 0.0, result.skipped);
  std::cout << fmt::format("events: expected {}, coded {}, matched {}; precision {:.3f}, recall {:.3f}, F1 {:.3f}\n",
                           result.expected_events, result.coded_events, result.matched_events, result.Precision(),
                           result.Recall(), result.F1());
}

}  // namespace

EvalSubcommand AddEvalPetrarch(CLI::App& eval) {
  auto options = std::make_shared<PetrarchOptions>();
  CLI::App* app = eval.add_subcommand("petrarch", "PETRARCH's validation suite (PETR.UnitTest.records.xml)");
  app->add_option("records", options->path, "PETR.UnitTest.records.xml; its <Environment> names the dictionaries")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_option("--dict", options->dictionaries,
                  "Use another dictionary: petrarch-verbs:FILE, petrarch-actors:FILE, petrarch-agents:FILE, "
                  "petrarch-discards:FILE; repeat a kind to load several files")
      ->allow_extra_args(false);  // one value per --dict, so the records file may follow
  app->add_flag("--show-errors", options->show_errors, "List each failing record with expected and coded events");
  return {app, [options] {
            petrarch::DictionaryFiles overrides;
            if (!ParseOverrides(options->dictionaries, overrides)) return kExitSetupError;
            petrarch::ValidationResult result;
            if (const Status status = petrarch::RunValidation(options->path, overrides, result); !status.ok()) {
              std::cerr << "lagebild eval petrarch: " << status.message() << '\n';
              return kExitSetupError;
            }
            PrintResult(*options, result);
            return kExitOk;
          }};
}

}  // namespace lagebild::cli
