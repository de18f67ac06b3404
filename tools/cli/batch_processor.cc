#include "batch_processor.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <iterator>
#include <thread>

namespace lagebild::cli {

BatchProcessor::BatchProcessor(const Pipeline& pipeline, int jobs, Sink sink, size_t batch_size)
    : pipeline_(pipeline), jobs_(std::max(1, jobs)), sink_(std::move(sink)), batch_size_(std::max<size_t>(1, batch_size)) {}

void BatchProcessor::Add(RawDocument raw) {
  pending_bytes_ += raw.content.size();
  pending_.push_back(std::move(raw));
  if (pending_.size() >= batch_size_ || pending_bytes_ >= 2 * static_cast<size_t>(jobs_) * Pipeline::kBatchBytes) StartBatch();
}

void BatchProcessor::Finish() {
  if (!pending_.empty()) StartBatch();
  DrainRunning();
}

void BatchProcessor::StartBatch() {
  std::future<std::vector<Document>> next =
      std::async(std::launch::async, [this, batch = std::move(pending_)]() mutable { return Process(std::move(batch)); });
  pending_.clear();
  pending_bytes_ = 0;
  DrainRunning();  // sinks the batch before while this one is processed
  running_ = std::move(next);
}

void BatchProcessor::DrainRunning() {
  if (!running_.valid()) return;
  for (Document& doc : running_.get()) sink_(std::move(doc));
}

namespace {

// Where the batch is cut for the pipeline calls (Pipeline::BatchStarts), into parts few enough
// that every thread gets two at least.
std::vector<size_t> PartStarts(const std::vector<RawDocument>& batch, size_t jobs) {
  std::vector<size_t> sizes;
  sizes.reserve(batch.size());
  for (const RawDocument& raw : batch) sizes.push_back(raw.content.size());
  return Pipeline::BatchStarts(sizes, std::clamp<size_t>(batch.size() / (2 * jobs), 1, Pipeline::kBatchDocuments));
}

}  // namespace

std::vector<Document> BatchProcessor::Process(std::vector<RawDocument> batch) const {
  const std::vector<size_t> starts = PartStarts(batch, static_cast<size_t>(jobs_));
  std::vector<Document> done(batch.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t p = next++; p + 1 < starts.size(); p = next++) {
      const auto first = batch.begin() + static_cast<std::ptrdiff_t>(starts[p]);
      const auto last = batch.begin() + static_cast<std::ptrdiff_t>(starts[p + 1]);
      std::vector<Document> analysed = pipeline_.Process(std::vector<RawDocument>(std::make_move_iterator(first), std::make_move_iterator(last)));
      std::move(analysed.begin(), analysed.end(), done.begin() + static_cast<std::ptrdiff_t>(starts[p]));
    }
  };
  std::vector<std::thread> threads;
  const size_t count = std::min<size_t>(static_cast<size_t>(jobs_), starts.size() - 1);
  for (size_t t = 1; t < count; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  return done;
}

}  // namespace lagebild::cli
