// The queue table of the PostgreSQL store (document_queue.h), on the store's session. Workers
// claim rows with FOR UPDATE SKIP LOCKED, so that each row is worked on by one worker at a time
// and a worker never waits for another's rows; enqueueing notifies the channel the waiting
// workers listen on.
#pragma once

#include <memory>

#include "store/document_queue.h"
#include "store/postgres_session.h"

namespace lagebild {

class PostgresQueue final : public DocumentQueue {
 public:
  explicit PostgresQueue(PostgresSession& session);
  ~PostgresQueue() override;

  void PrepareStatements();  // on the session's connection; throws as libpqxx does

  Status Enqueue(const RawDocument& raw) override;
  Status Claim(size_t limit, std::vector<QueuedDocument>& claimed) override;
  Status Remove(std::span<const int64_t> ids) override;
  Status Fail(int64_t id, const std::string& message) override;
  Status Wait(std::chrono::milliseconds timeout) override;

 private:
  class Listener;

  PostgresSession& session_;
  std::unique_ptr<Listener> listener_;  // made by the first Wait
};

}  // namespace lagebild
