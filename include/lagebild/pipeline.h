// The analysis pipeline: raw input in, annotated Document out.
//
//   clean (HTML → text, repair, NFC, paragraphs) → identify language → segment (tokens,
//   sentences) → actors (entities) → time expressions → places → events → grounding (each
//   event's date and place).
//
// A Pipeline is built once from the compiled resource image and is then immutable: Process may
// be called from many threads at once. Process never throws on bad text; problems with a document
// are recorded in Document::warnings.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/document.h"
#include "lagebild/reader.h"
#include "lagebild/status.h"

namespace lagebild {

// Wall time spent in each stage, summed over the documents processed with it; for profiling
// (`pipeline_benchmark --stages`). One object per thread.
struct StageTimes {
  static constexpr std::array<std::string_view, 9> kNames = {"clean", "language", "segment", "actors", "time",
                                                             "places",   "events", "ground", "(total)"};
  std::array<double, kNames.size()> seconds{};
  StageTimes& operator+=(const StageTimes& other);
};

class Pipeline {
 public:
  // Loads the resource image at `image_path` (see DefaultImagePath in the CLI docs). Returns
  // nullptr with a message in `status` when it is missing, stale or broken.
  static std::unique_ptr<Pipeline> Create(const std::string& image_path, Status& status);
  ~Pipeline();

  // Codes events with the field's dictionaries instead of lagebild's own (`--dict`): TABARI
  // projects and dictionary files, PETRARCH's dictionary files ("tabari:Validate.project",
  // "petrarch-verbs:CAMEO.2.0.txt", …; see src/compat/dictionary_stage.h). Call before the first
  // Process. Problems inside the files are appended to `problems`; `summary` says what loaded.
  Status UseDictionaries(const std::vector<std::string>& specifications, std::vector<std::string>& problems, std::string& summary);

  // Keeps the whole visible text of HTML pages instead of their main text (no boilerplate
  // removal: navigation, teasers and footers stay). Call before the first Process.
  void KeepBoilerplate(bool keep);

  // Runs every stage on one document. `raw.meta.lang`, when set, forces the language.
  Document Process(RawDocument raw) const;
  // The same, adding each stage's wall time to `times`.
  Document Process(RawDocument raw, StageTimes& times) const;
  // Several documents, stage by stage: each stage runs over all of them before the next starts,
  // so that its code and tables are still in the caches for the next document (run one at a
  // time, a document finds the caches filled with the other stages' code). The same documents,
  // in the same order, as Process on each one. Callers batch up to kBatchDocuments documents and
  // kBatchBytes of input (bench/results/2026-12-01-batches.md: larger batches were faster still).
  std::vector<Document> Process(std::vector<RawDocument> raws) const;
  std::vector<Document> Process(std::vector<RawDocument> raws, StageTimes& times) const;
  static constexpr size_t kBatchDocuments = 512;
  static constexpr size_t kBatchBytes = 1024 * 1024;
  // Whether a batch of `documents` documents and `bytes` of input is closed before the next
  // document, of `next_bytes`: at `most_documents`, or when it would pass kBatchBytes (a longer
  // document makes a batch of its own). The one rule of every caller that batches.
  static bool EndsBatch(size_t documents, size_t bytes, size_t next_bytes, size_t most_documents = kBatchDocuments) {
    return documents > 0 && (documents >= most_documents || bytes + next_bytes > kBatchBytes);
  }
  // Consecutive documents of these sizes cut by EndsBatch: each batch's first index, then
  // sizes.size().
  static std::vector<size_t> BatchStarts(const std::vector<size_t>& sizes, size_t most_documents = kBatchDocuments);

  // How the event stage read each sentence of a processed document (clauses, verbs, actors with
  // their roles, candidate events), as readable text for pattern writers.
  std::string ExplainEvents(const Document& doc) const;

 private:
  Pipeline();
  // Every stage in order, each over all the documents before the next; times each stage when
  // `times` is given.
  std::vector<Document> RunStages(std::vector<RawDocument> raws, StageTimes* times) const;
  struct Stages;
  std::unique_ptr<Stages> stages_;
};

// Where the resource image is looked for when none is given: $LAGEBILD_IMAGE, then
// `lagebild.img` beside the running program, then ../share/lagebild/lagebild.img from it.
std::string DefaultResourceImagePath();

}  // namespace lagebild
