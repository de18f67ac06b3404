// `lagebild worker`: takes the documents that `ingest --enqueue` left in the queue of a
// PostgreSQL database, analyses them and stores what it finds (docs/schema.md "PostgreSQL").
// A batch is claimed, stored and removed from the queue in one transaction: a worker that stops
// at any moment leaves its documents to the others, and any number of workers can run at once.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "batch_processor.h"
#include "commands.h"
#include "store_batches.h"
#include "lagebild/pipeline.h"
#include "store/document_queue.h"
#include "store/store.h"

namespace lagebild::cli {
namespace {

// How long an idle worker waits for a notification before it looks at the queue again (a
// notification can be missed while the worker was busy).
constexpr std::chrono::seconds kIdlePoll{5};

struct WorkerOptions {
  std::string db;
  std::string image;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int batch = static_cast<int>(kDocumentsPerCommit);
  bool idle_exit = false;
  bool quiet = false;
};

// The pipeline's documents for the claimed ones, in the same order, analysed on `jobs` threads.
std::vector<Document> Analyse(const Pipeline& pipeline, int jobs, std::vector<QueuedDocument>& claimed) {
  std::vector<Document> analysed;
  BatchProcessor processor(pipeline, jobs, [&](Document&& doc) { analysed.push_back(std::move(doc)); }, claimed.size());
  for (QueuedDocument& queued : claimed) processor.Add(std::move(queued.raw));
  processor.Finish();
  return analysed;
}

// Stores one claimed batch and settles its queue rows in the same transaction: stored (or already
// stored) documents leave the queue, failed ones stay with their error for another try.
Status StoreClaimed(Store& store, DocumentQueue& queue, std::span<const Document> docs,
                    const std::vector<QueuedDocument>& claimed, IngestTally& tally) {
  std::vector<bool> failed(docs.size(), false);
  Status status = PutBatch(store, docs, tally, [&](size_t index, const Status& why) {
    failed[index] = true;
    if (Status kept = queue.Fail(claimed[index].id, why.message()); !kept.ok()) std::cerr << "lagebild: " << kept.message() << '\n';
  });
  if (!status.ok()) return status;
  std::vector<int64_t> done;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!failed[i]) done.push_back(claimed[i].id);
  }
  if (status = queue.Remove(done); !status.ok()) return status;
  return store.Commit();
}

int RunWorker(const WorkerOptions& options) {
  Status status;
  const std::unique_ptr<Store> store = Store::Open(options.db, status);
  if (!store) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  DocumentQueue* queue = store->Queue();
  if (queue == nullptr) {
    std::cerr << "lagebild worker: the queue needs a PostgreSQL database (--db postgresql://…)\n";
    return kExitSetupError;
  }
  const std::unique_ptr<Pipeline> pipeline =
      Pipeline::Create(options.image.empty() ? DefaultResourceImagePath() : options.image, status);
  if (!pipeline) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  IngestTally tally;
  const auto start = std::chrono::steady_clock::now();
  std::vector<QueuedDocument> claimed;
  for (;;) {
    if (status = queue->Claim(static_cast<size_t>(options.batch), claimed); !status.ok()) break;
    if (claimed.empty()) {
      if (status = store->Commit(); !status.ok() || options.idle_exit) break;
      if (status = queue->Wait(kIdlePoll); !status.ok()) break;
      continue;
    }
    const std::vector<Document> docs = Analyse(*pipeline, options.jobs, claimed);
    if (status = StoreClaimed(*store, *queue, docs, claimed, tally); !status.ok()) break;
  }
  if (!status.ok()) {
    std::cerr << "lagebild: " << status.message() << '\n';
    return kExitSetupError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) PrintSummary("worked on", tally, *store, seconds, options.db);
  return tally.failed > 0 ? kExitInputProblem : kExitOk;
}

}  // namespace

CommandRunner RegisterWorker(CLI::App& app) {
  auto options = std::make_shared<WorkerOptions>();
  CLI::App* command =
      app.add_subcommand("worker", "Analyse the documents that `ingest --enqueue` queued in a PostgreSQL database and store their events");
  command->add_option("--db", options->db, "The database: a postgresql:// URL")->required();
  command->add_option("--image", options->image, "Resource image (default: beside the program)");
  command->add_option("--jobs", options->jobs, "Threads that analyse documents (default: one per core)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command->add_option("--batch", options->batch, "Documents claimed, stored and committed together")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  command->add_flag("--idle-exit", options->idle_exit, "Stop when nothing is left to claim instead of waiting for more");
  command->add_flag("--quiet", options->quiet, "No summary");
  return [options] { return RunWorker(*options); };
}

}  // namespace lagebild::cli
