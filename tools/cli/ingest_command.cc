// `lagebild ingest`: analyse files, folders or standard input and store documents, events and
// mentions in the event database (docs/schema.md).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>
#include <memory>
#include <string>
#include <vector>

#include "batch_processor.h"
#include "commands.h"
#include "document_inputs.h"
#include "progress.h"
#include "lagebild/pipeline.h"
#include "lagebild/reader.h"
#include "store/store.h"

namespace lagebild::cli {
namespace {

struct IngestOptions {
  std::string db = "lagebild.db";
  std::string input = "auto";
  std::string lang = "auto";
  std::string published;
  std::string image;
  bool quiet = false;
  bool keep_boilerplate = false;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> sources;
};

// The size of all input files in bytes; 0 when standard input is among them (unknown).
uint64_t TotalBytes(const std::vector<std::string>& files) {
  uint64_t total = 0;
  for (const std::string& file : files) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (file == "-") return 0;
    if (!error) total += size;
  }
  return total;
}

struct IngestTally {
  size_t documents = 0;
  size_t stored = 0;
  size_t duplicates = 0;
  size_t mentions = 0;
  size_t failed = 0;
};

// Documents per transaction: fewer commits write the index pages of many documents at once.
constexpr size_t kDocumentsPerCommit = 64;

void CommitOrReport(Store& store, IngestTally& tally) {
  if (Status status = store.Commit(); !status.ok()) {
    std::cerr << "lagebild: " << status.message() << '\n';
    ++tally.failed;
  }
}

void PrintSummary(const IngestTally& tally, const StoreCounts& counts, double seconds, const std::string& db) {
  std::cerr << fmt::format(
      "lagebild: ingested {} document(s) in {:.1f} s ({:.0f} documents/s): {} stored, {} already stored, {} failed; "
      "{} mention(s)\n",
      tally.documents, seconds, seconds > 0 ? tally.documents / seconds : 0.0, tally.stored, tally.duplicates, tally.failed,
      tally.mentions);
  std::cerr << fmt::format("lagebild: {} now holds {} document(s) in {} stor(ies) from {} source(s), {} event(s), {} mention(s)\n",
                           db, counts.documents, counts.stories, counts.sources, counts.events, counts.mentions);
}

int RunIngest(const IngestOptions& options) {
  Status status;
  const std::unique_ptr<Pipeline> pipeline =
      Pipeline::Create(options.image.empty() ? DefaultResourceImagePath() : options.image, status);
  if (!pipeline) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  pipeline->KeepBoilerplate(options.keep_boilerplate);
  const std::unique_ptr<Store> store = Store::Open(options.db, status);
  if (!store) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  std::vector<std::string> sources = options.sources;
  if (sources.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "lagebild ingest: no sources (give FILE, FOLDER or - for standard input; see --help)\n";
      return kExitInputProblem;
    }
    sources.push_back("-");
  }
  IngestTally tally;
  const std::vector<std::string> files = ExpandFolders(sources);
  Progress progress(options.quiet, TotalBytes(files));
  uint64_t bytes_read = 0;
  const auto start = std::chrono::steady_clock::now();
  BatchProcessor processor(*pipeline, options.jobs, [&](Document&& doc) {
    ++tally.documents;
    StoredDocument stored;
    if (Status put = store->Put(doc, stored); !put.ok()) {
      std::cerr << fmt::format("lagebild: {}: not stored: {}\n", doc.meta.id, put.message());
      ++tally.failed;
      return;
    }
    stored.duplicate ? ++tally.duplicates : ++tally.stored;
    tally.mentions += stored.mentions;
    if (tally.documents % kDocumentsPerCommit == 0) CommitOrReport(*store, tally);
    progress.Update(tally.documents, tally.mentions, bytes_read);
  });
  const bool failed = ForEachDocument(files, *ParseInputFormat(options.input), true, [&](RawDocument&& raw) {
    ApplyMetaOverrides(options.lang, options.published, raw.meta);
    bytes_read += raw.content.size();
    processor.Add(std::move(raw));
  });
  processor.Finish();
  CommitOrReport(*store, tally);
  progress.Finish();
  StoreCounts counts;
  if (Status count = store->Count(counts); !count.ok()) std::cerr << "lagebild: " << count.message() << '\n';
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) PrintSummary(tally, counts, seconds, options.db);
  return failed || tally.failed > 0 ? kExitInputProblem : kExitOk;
}

}  // namespace

CommandRunner RegisterIngest(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand("ingest", "Analyse articles and store their events in the database");
  command->add_option("--db", options->db, "The database: a SQLite file, created when new")->capture_default_str();
  command->add_option("--input", options->input, "Input format; auto decides by file name and content")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "feed", "warc"}))
      ->capture_default_str();
  command->add_option("--lang", options->lang, "Document language; auto detects it per paragraph")
      ->check(CLI::IsMember({"auto", "de", "en"}))
      ->capture_default_str();
  command->add_option("--published", options->published, "Publication date (YYYY-MM-DD) for documents whose source gives none")
      ->check(CLI::Validator(CheckIsoDay, "DATE"));
  command->add_option("--image", options->image, "Resource image (default: beside the program)");
  command->add_option("--jobs", options->jobs, "Threads that analyse documents (default: one per core)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command->add_flag("--quiet", options->quiet, "No progress and no summary");
  command->add_flag("--keep-boilerplate", options->keep_boilerplate,
                    "HTML: store the events of the whole visible text, not only the main text");
  command->add_option("sources", options->sources, "Files, folders (every file under them), http(s) URLs or - for standard input");
  return [options] { return RunIngest(*options); };
}

}  // namespace lagebild::cli
