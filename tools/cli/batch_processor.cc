#include "batch_processor.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace lagebild::cli {

BatchProcessor::BatchProcessor(const Pipeline& pipeline, int jobs, Sink sink, size_t batch_size)
    : pipeline_(pipeline), jobs_(std::max(1, jobs)), sink_(std::move(sink)), batch_size_(std::max<size_t>(1, batch_size)) {}

void BatchProcessor::Add(RawDocument raw) {
  pending_.push_back(std::move(raw));
  if (pending_.size() >= batch_size_) ProcessBatch();
}

void BatchProcessor::Finish() {
  if (!pending_.empty()) ProcessBatch();
}

void BatchProcessor::ProcessBatch() {
  std::vector<Document> done(pending_.size());
  if (jobs_ == 1) {
    for (size_t i = 0; i < pending_.size(); ++i) done[i] = pipeline_.Process(std::move(pending_[i]));
  } else {
    std::atomic<size_t> next{0};
    const auto work = [&] {
      for (size_t i = next++; i < pending_.size(); i = next++) done[i] = pipeline_.Process(std::move(pending_[i]));
    };
    std::vector<std::thread> threads;
    const size_t count = std::min<size_t>(static_cast<size_t>(jobs_), pending_.size());
    for (size_t t = 1; t < count; ++t) threads.emplace_back(work);
    work();
    for (std::thread& thread : threads) thread.join();
  }
  pending_.clear();
  for (Document& doc : done) sink_(std::move(doc));
}

}  // namespace lagebild::cli
