// Storing analysed documents a batch at a time, shared by `ingest` and `worker`: one transaction
// per batch, with the batch's locks taken first (Store::Prepare) so that writers running at once
// never wait for each other in a cycle.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "lagebild/document.h"
#include "store/store.h"

namespace lagebild::cli {

// Documents per transaction: fewer commits write the index pages of many documents at once.
inline constexpr size_t kDocumentsPerCommit = 64;

struct IngestTally {
  size_t documents = 0;
  size_t stored = 0;
  size_t duplicates = 0;
  size_t mentions = 0;
  size_t failed = 0;
};

// Prepares and puts the documents of one batch, counting them in `tally`, without committing.
// A document that cannot be stored is reported on stderr and passed to `failed` (its index in
// `docs` and why); the others are stored all the same. An error of Prepare is returned.
using FailedDocument = std::function<void(size_t index, const Status& why)>;
Status PutBatch(Store& store, std::span<const Document> docs, IngestTally& tally, const FailedDocument& failed = {});

// Commits; a failure is reported on stderr and counted.
void CommitOrReport(Store& store, IngestTally& tally);

// The closing lines: what this run did (`verb`: "ingested", "worked on") and what the database holds.
void PrintSummary(std::string_view verb, const IngestTally& tally, Store& store, double seconds, const std::string& db);

}  // namespace lagebild::cli
