// `lagebild export`: the stored events in GDELT 2.0 Events or Mentions layout, CSV or JSON Lines.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "store/export_formats.h"
#include "store/store.h"

namespace lagebild::cli {
namespace {

struct ExportOptions {
  std::string db = "lagebild.db";
  std::string format = "jsonl";
  std::string from, to;
  std::string modality = "all";
};

Status WriteExport(Store& store, const ExportOptions& options) {
  EventFilter filter;
  if (!options.from.empty()) filter.from = options.from;
  if (!options.to.empty()) filter.to = options.to;
  if (options.modality != "all") filter.modality = options.modality;
  if (options.format == "gdelt-mentions") {
    return store.ReadMentions(filter, [](const StoredMention& mention) { std::cout << GdeltMentionLine(mention) << '\n'; });
  }
  if (options.format == "csv") std::cout << CsvEventHeader() << '\n';
  if (options.format == "table") std::cout << TableEventHeader() << '\n';
  return store.ReadEvents(filter, [&](const StoredEvent& event) {
    if (options.format == "gdelt-events") std::cout << GdeltEventLine(event) << '\n';
    else if (options.format == "csv") std::cout << CsvEventLine(event) << '\n';
    else if (options.format == "table") std::cout << TableEventLine(event) << '\n';
    else std::cout << JsonEventLine(event) << '\n';
  });
}

int RunExport(const ExportOptions& options) {
  Status status;
  const std::unique_ptr<Store> store = Store::Open(options.db, status);
  if (!store) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  status = WriteExport(*store, options);
  std::cout.flush();
  if (!status.ok()) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitInputProblem;
  }
  return kExitOk;
}

}  // namespace

CommandRunner RegisterExport(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand("export", "Write the stored events for other tools");
  command->add_option("--db", options->db, "The database: a SQLite file or a postgresql:// URL")->capture_default_str();
  command->add_option("--format", options->format,
                      "gdelt-events, gdelt-mentions (GDELT 2.0 layouts, tab-separated), csv (with a header), jsonl or table "
                      "(for reading)")
      ->check(CLI::IsMember({"gdelt-events", "gdelt-mentions", "csv", "jsonl", "table"}))
      ->capture_default_str();
  command->add_option("--from", options->from, "Only events dated on or after this day (YYYY-MM-DD)")
      ->check(CLI::Validator(CheckIsoDay, "DATE"));
  command->add_option("--to", options->to, "Only events dated on or before this day (YYYY-MM-DD)")
      ->check(CLI::Validator(CheckIsoDay, "DATE"));
  command->add_option("--modality", options->modality,
                      "Only events of this modality; GDELT has none, so --modality asserted gives GDELT's kind of events")
      ->check(CLI::IsMember({"all", "asserted", "planned", "possible", "negated"}))
      ->capture_default_str();
  return [options] { return RunExport(*options); };
}

}  // namespace lagebild::cli
