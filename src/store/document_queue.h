// Documents waiting for analysis (docs/schema.md "PostgreSQL"): `lagebild ingest --enqueue`
// stores what it reads here instead of analysing it, and any number of `lagebild worker`s take
// it from here. A queue belongs to a store and works in the store's transaction: a worker claims
// documents, puts what the pipeline made of them and removes them, and commits all of it at once,
// so a worker that dies mid-batch leaves its documents to the others.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "lagebild/reader.h"
#include "lagebild/status.h"

namespace lagebild {

// A document is tried this often; after that it stays in the queue with its last error.
inline constexpr int64_t kMaxQueueAttempts = 3;

struct QueuedDocument {
  int64_t id = 0;  // queue.id
  RawDocument raw;
};

class DocumentQueue {
 public:
  virtual ~DocumentQueue() = default;

  // Adds a document as read (bytes and metadata); workers see it after the store's Commit.
  virtual Status Enqueue(const RawDocument& raw) = 0;
  // Claims up to `limit` documents in the order they were enqueued: those no other worker holds
  // and that failed fewer than kMaxQueueAttempts times. Opens the store's transaction; the claim
  // lasts until Commit (or until this process dies).
  virtual Status Claim(size_t limit, std::vector<QueuedDocument>& claimed) = 0;
  // Removes claimed documents: they are stored (or already were).
  virtual Status Remove(std::span<const int64_t> ids) = 0;
  // Keeps a claimed document for another try, counting the attempt and recording why it failed.
  virtual Status Fail(int64_t id, const std::string& message) = 0;
  // Waits until documents are enqueued or `timeout` passes; call it with no transaction open.
  virtual Status Wait(std::chrono::milliseconds timeout) = 0;
};

}  // namespace lagebild
