// `lagebild eval tabari PROJECT`: runs TABARI's validation records with TABARI's dictionaries.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "compat/tabari_validation.h"

namespace lagebild::cli {
namespace {

struct TabariEvalOptions {
  std::string project;
  bool show_errors = false;
  bool show_problems = false;
};

std::string Describe(const tabari::RecordOutcome& outcome) {
  std::string got;
  for (const tabari::CodedEvent& event : outcome.result.events) {
    got += fmt::format(" {}/{}/{}", event.source, event.target, event.code);
  }
  if (outcome.result.complex) got += " complex(" + outcome.result.explanation + ")";
  if (outcome.result.discarded) got += " discarded";
  if (outcome.result.too_short) got += " too-short";
  std::string expected = outcome.expected_marker.empty() ? "" : " " + outcome.expected_marker;
  for (const auto& [source, target, code] : outcome.expected) expected += fmt::format(" {}/{}/{}", source, target, code);
  return fmt::format("FAIL {}\n  text:    {}\n  parse:   {}\n  expected:{}\n  got:     {}\n", outcome.id, outcome.text,
                     outcome.result.parse, expected.empty() ? " (nothing)" : expected, got.empty() ? " (nothing)" : got);
}

int RunTabari(const TabariEvalOptions& options) {
  tabari::ValidationReport report;
  const Status status = tabari::RunTabariValidation(options.project, report);
  if (!status.ok()) {
    std::cerr << "lagebild eval tabari: " << status.message() << '\n';
    return kExitInputProblem;
  }
  if (options.show_problems) {
    for (const std::string& problem : report.problems) std::cout << "problem: " << problem << '\n';
  }
  if (options.show_errors) {
    for (const tabari::RecordOutcome& outcome : report.outcomes) {
      if (!outcome.passed) std::cout << Describe(outcome);
    }
  }
  const auto ratio = [](int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; };
  const double precision = ratio(report.matched_events, report.coded_events);
  const double recall = ratio(report.matched_events, report.expected_events);
  const double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  std::cout << fmt::format("TABARI validation: {}\n", options.project);
  std::cout << fmt::format("records passed   {} of {} ({:.1f}%); TABARI 0.8 passes all\n", report.passed, report.records,
                           100 * ratio(report.passed, report.records));
  std::cout << fmt::format("option records   {} (change the options, not scored)\n", report.option_records);
  std::cout << fmt::format("events           expected {}, coded {}, matched {}: P {:.3f} R {:.3f} F1 {:.3f}\n",
                           report.expected_events, report.coded_events, report.matched_events, precision, recall, f1);
  std::cout << fmt::format("problems         {} in dictionaries, options and records{}\n", report.problems.size(),
                           options.show_problems || report.problems.empty() ? "" : " (--show-problems lists them)");
  return kExitOk;
}

}  // namespace

EvalSubcommand AddEvalTabari(CLI::App& eval) {
  auto options = std::make_shared<TabariEvalOptions>();
  CLI::App* app = eval.add_subcommand("tabari", "TABARI's validation suite with TABARI's dictionaries (Validate.project)");
  app->add_option("project", options->project, "TABARI .project file, e.g. ../shared/data/events/tabari/Validate.project")
      ->required()
      ->check(CLI::ExistingFile);
  app->add_flag("--show-errors", options->show_errors, "List every failing record with the expected and coded events");
  app->add_flag("--show-problems", options->show_problems, "List the problems found in the dictionaries and records");
  return {app, [options] { return RunTabari(*options); }};
}

}  // namespace lagebild::cli
