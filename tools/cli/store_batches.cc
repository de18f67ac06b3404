#include "store_batches.h"

#include <fmt/format.h>

#include <iostream>

#include "store/store_location.h"

namespace lagebild::cli {

Status PutBatch(Store& store, std::span<const Document> docs, IngestTally& tally, const FailedDocument& failed) {
  if (Status status = store.Prepare(docs); !status.ok()) return status;
  for (size_t i = 0; i < docs.size(); ++i) {
    ++tally.documents;
    StoredDocument stored;
    if (Status put = store.Put(docs[i], stored); !put.ok()) {
      std::cerr << fmt::format("lagebild: {}: not stored: {}\n", docs[i].meta.id, put.message());
      ++tally.failed;
      if (failed) failed(i, put);
      continue;
    }
    stored.duplicate ? ++tally.duplicates : ++tally.stored;
    tally.mentions += stored.mentions;
  }
  return Status::Ok();
}

void CommitOrReport(Store& store, IngestTally& tally) {
  if (Status status = store.Commit(); !status.ok()) {
    std::cerr << "lagebild: " << status.message() << '\n';
    ++tally.failed;
  }
}

void PrintSummary(std::string_view verb, const IngestTally& tally, Store& store, double seconds, const std::string& db) {
  std::cerr << fmt::format(
      "lagebild: {} {} document(s) in {:.1f} s ({:.0f} documents/s): {} stored, {} already stored, {} failed; "
      "{} mention(s)\n",
      verb, tally.documents, seconds, seconds > 0 ? tally.documents / seconds : 0.0, tally.stored, tally.duplicates, tally.failed,
      tally.mentions);
  StoreCounts counts;
  if (Status count = store.Count(counts); !count.ok()) {
    std::cerr << "lagebild: " << count.message() << '\n';
    return;
  }
  std::cerr << fmt::format("lagebild: {} now holds {} document(s) in {} stor(ies) from {} source(s), {} event(s), {} mention(s)\n",
                           DisplayedLocation(db), counts.documents, counts.stories, counts.sources,
                           counts.events, counts.mentions);
}

}  // namespace lagebild::cli
