#include "batch_processor.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace lagebild::cli {

BatchProcessor::BatchProcessor(const Pipeline& pipeline, int jobs, Sink sink, size_t batch_size)
    : pipeline_(pipeline), jobs_(std::max(1, jobs)), sink_(std::move(sink)), batch_size_(std::max<size_t>(1, batch_size)) {}

void BatchProcessor::Add(RawDocument raw) {
  pending_.push_back(std::move(raw));
  if (pending_.size() >= batch_size_) StartBatch();
}

void BatchProcessor::Finish() {
  if (!pending_.empty()) StartBatch();
  DrainRunning();
}

void BatchProcessor::StartBatch() {
  std::future<std::vector<Document>> next =
      std::async(std::launch::async, [this, batch = std::move(pending_)]() mutable { return Process(std::move(batch)); });
  pending_.clear();
  DrainRunning();  // sinks the batch before while this one is processed
  running_ = std::move(next);
}

void BatchProcessor::DrainRunning() {
  if (!running_.valid()) return;
  for (Document& doc : running_.get()) sink_(std::move(doc));
}

std::vector<Document> BatchProcessor::Process(std::vector<RawDocument> batch) const {
  std::vector<Document> done(batch.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < batch.size(); i = next++) done[i] = pipeline_.Process(std::move(batch[i]));
  };
  std::vector<std::thread> threads;
  const size_t count = std::min<size_t>(static_cast<size_t>(jobs_), batch.size());
  for (size_t t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  return done;
}

}  // namespace lagebild::cli
