// `lagebild ingest`: analyse files, folders or standard input and store documents, events and
// mentions in the event database (docs/schema.md); or, with --enqueue, store the documents as
// read in the queue of a PostgreSQL database for `lagebild worker`.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "batch_processor.h"
#include "commands.h"
#include "document_inputs.h"
#include "progress.h"
#include "store_batches.h"
#include "lagebild/pipeline.h"
#include "lagebild/reader.h"
#include "store/document_queue.h"
#include "store/store.h"
#include "store/store_location.h"

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
  bool enqueue = false;
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

// Analyses the documents and stores them a batch (one transaction) at a time.
bool AnalyseAndStore(const IngestOptions& options, const std::vector<std::string>& files, const Pipeline& pipeline, Store& store,
                     IngestTally& tally) {
  Progress progress(options.quiet, TotalBytes(files));
  uint64_t bytes_read = 0;
  std::vector<Document> batch;
  const auto store_batch = [&] {
    if (batch.empty()) return;
    if (Status status = PutBatch(store, batch, tally); !status.ok()) {
      std::cerr << "lagebild: " << status.message() << '\n';
      tally.documents += batch.size();
      tally.failed += batch.size();
    }
    CommitOrReport(store, tally);
    batch.clear();
    progress.Update(tally.documents, tally.mentions, bytes_read);
  };
  BatchProcessor processor(pipeline, options.jobs, [&](Document&& doc) {
    batch.push_back(std::move(doc));
    if (batch.size() == kDocumentsPerCommit) store_batch();
  });
  const bool failed = ForEachDocument(files, *ParseInputFormat(options.input), true, [&](RawDocument&& raw) {
    ApplyMetaOverrides(options.lang, options.published, raw.meta);
    bytes_read += raw.content.size();
    processor.Add(std::move(raw));
  });
  processor.Finish();
  store_batch();
  progress.Finish();
  return failed;
}

// Stores the documents as read in the queue, for workers to analyse.
bool Enqueue(const IngestOptions& options, const std::vector<std::string>& files, Store& store, IngestTally& tally) {
  DocumentQueue* queue = store.Queue();
  size_t enqueued = 0;
  const bool failed = ForEachDocument(files, *ParseInputFormat(options.input), true, [&](RawDocument&& raw) {
    ApplyMetaOverrides(options.lang, options.published, raw.meta);
    if (Status status = queue->Enqueue(raw); !status.ok()) {
      std::cerr << fmt::format("lagebild: {}: not enqueued: {}\n", raw.meta.id, status.message());
      ++tally.failed;
    } else if (++enqueued % kDocumentsPerCommit == 0) {
      CommitOrReport(store, tally);
    }
  });
  CommitOrReport(store, tally);
  if (!options.quiet) std::cerr << fmt::format("lagebild: enqueued {} document(s) in {}\n", enqueued, DisplayedLocation(options.db));
  return failed;
}

int RunIngest(const IngestOptions& options) {
  Status status;
  std::unique_ptr<Pipeline> pipeline;
  if (!options.enqueue) {
    pipeline = Pipeline::Create(options.image.empty() ? DefaultResourceImagePath() : options.image, status);
    if (!pipeline) {
      std::cerr << "lagebild: " << status.message() << '\n';
      return kExitSetupError;
    }
    pipeline->KeepBoilerplate(options.keep_boilerplate);
  }
  const std::unique_ptr<Store> store = Store::Open(options.db, status);
  if (!store) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  if (options.enqueue && store->Queue() == nullptr) {
    std::cerr << "lagebild ingest: --enqueue needs a PostgreSQL database (--db postgresql://…)\n";
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
  const auto start = std::chrono::steady_clock::now();
  if (options.enqueue) {
    const bool failed = Enqueue(options, files, *store, tally);
    return failed || tally.failed > 0 ? kExitInputProblem : kExitOk;
  }
  const bool failed = AnalyseAndStore(options, files, *pipeline, *store, tally);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) PrintSummary("ingested", tally, *store, seconds, options.db);
  return failed || tally.failed > 0 ? kExitInputProblem : kExitOk;
}

}  // namespace

CommandRunner RegisterIngest(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand("ingest", "Analyse articles and store their events in the database");
  command->add_option("--db", options->db, "The database: a SQLite file, created when new, or a postgresql:// URL")
      ->capture_default_str();
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
  command->add_flag("--enqueue", options->enqueue,
                    "Store the documents as read in the queue of a PostgreSQL database, for `lagebild worker` to analyse");
  command->add_option("sources", options->sources, "Files, folders (every file under them), http(s) URLs or - for standard input");
  return [options] { return RunIngest(*options); };
}

}  // namespace lagebild::cli
