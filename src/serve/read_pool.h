// Read-only SQLite connections for the server's worker threads. A request leases one for its whole
// run and gives it back at the end; connections are opened as needed and kept for the next
// request (at most one per worker thread is ever in use). Each lease carries a deadline: a query
// still running past it is interrupted (sqlite3_progress_handler), which the query layer reports
// as 503. In WAL mode the readers see the last committed state while `ingest` writes.
// DataStamp tells whether anything was committed since it was last asked (response_cache.h).
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite_connection.h"

namespace lagebild::serve {

class ReadPool {
 public:
  struct Slot {
    explicit Slot(SqliteConnection opened) : connection(std::move(opened)) {}
    SqliteConnection connection;
    std::chrono::steady_clock::time_point deadline;
  };

  // Returns its slot to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(ReadPool& pool, std::unique_ptr<Slot> slot) : pool_(pool), slot_(std::move(slot)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.Return(std::move(slot_)); }
    SqliteConnection& connection() { return slot_->connection; }

   private:
    ReadPool& pool_;
    std::unique_ptr<Slot> slot_;
  };

  ReadPool(std::string path, std::chrono::milliseconds time_limit) : path_(std::move(path)), time_limit_(time_limit) {}

  // A connection whose queries must end within the time limit from now. Throws ApiError(500)
  // when the database cannot be opened.
  std::unique_ptr<Lease> Acquire();

  // Changes whenever another connection (an ingest, POST /api/documents) has committed: SQLite's
  // data_version of one connection kept for this alone. Throws ApiError(500) when the database
  // cannot be read.
  std::string DataStamp();

 private:
  void Return(std::unique_ptr<Slot> slot);
  std::unique_ptr<Slot> OpenSlot();

  std::string path_;
  std::chrono::milliseconds time_limit_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Slot>> idle_;
  std::mutex stamp_mutex_;
  std::unique_ptr<Slot> stamp_slot_;
};

}  // namespace lagebild::serve
