// Runs the pipeline on several threads and hands the documents on in the order they came, so
// that what is written (IDs in the database, lines of output) does not depend on the thread
// count. Documents are gathered into batches; each batch is processed by `jobs` threads while
// the caller's thread passes the batch before to the sink, one document after the other. A
// thread takes consecutive documents of the batch a few at a time and has the pipeline run them
// stage by stage (Pipeline::Process of a vector), which keeps each stage's code in the caches.
#pragma once

#include <functional>
#include <future>
#include <vector>

#include "lagebild/document.h"
#include "lagebild/pipeline.h"
#include "lagebild/reader.h"

namespace lagebild::cli {

class BatchProcessor {
 public:
  using Sink = std::function<void(Document&&)>;

  BatchProcessor(const Pipeline& pipeline, int jobs, Sink sink, size_t batch_size = 1024);

  void Add(RawDocument raw);  // processes a batch when it is full
  void Finish();              // processes what is left

 private:
  void StartBatch();                   // hands the pending documents to the threads
  void DrainRunning();                 // waits for the running batch and sinks it
  std::vector<Document> Process(std::vector<RawDocument> batch) const;

  const Pipeline& pipeline_;
  int jobs_;
  Sink sink_;
  size_t batch_size_;
  std::vector<RawDocument> pending_;
  size_t pending_bytes_ = 0;  // a batch also ends at two parts' worth of input per thread
  std::future<std::vector<Document>> running_;
};

}  // namespace lagebild::cli
