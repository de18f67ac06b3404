// How the API reads the event database, whichever backend holds it (SQLite or PostgreSQL): a pool
// of read-only connections. A request leases one for its whole run and gives it back at the end;
// connections are opened as needed and kept for the next request, and at most `max_leased` are
// in use at once: a request beyond that waits for one (the server has a thread per connection,
// which must not become as many database connections). Each lease carries a deadline: a query still running past it is stopped, and
// the query ends as ApiError(503). Queries are written once with `?` (or numbered `?N`)
// placeholders; where the backends' SQL differs, the connection's dialect (sql_dialect.h) gives
// the fragment. The backends: sqlite_read_pool.h, postgres_read_pool.h.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "serve/event_filters.h"

namespace lagebild::serve {

class SqlDialect;

// One result row. Columns count from 0; a NULL reads as 0, 0.0 or "".
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
};

using RowVisitor = std::function<void(const SqlRow&)>;

class ReadConnection {
 public:
  virtual ~ReadConnection() = default;
  // Runs one query with `values` for its placeholders and calls `row` for each row. A query over
  // the lease's time limit throws ApiError(503), any other failure ApiError(500).
  virtual void ForEachRow(std::string_view sql, const std::vector<SqlValue>& values, const RowVisitor& row) = 0;
  virtual const SqlDialect& dialect() const = 0;
  // False once the connection is broken: the lease then drops it instead of pooling it.
  virtual bool reusable() const { return true; }
  // Queries from now on must end by `deadline`.
  virtual void SetDeadline(std::chrono::steady_clock::time_point deadline) = 0;
};

class ReadLease {
 public:
  virtual ~ReadLease() = default;
  virtual ReadConnection& connection() = 0;
};

class ReadPool {
 public:
  virtual ~ReadPool() = default;
  // A connection whose queries must end within the time limit from now. Throws ApiError(500)
  // when the database cannot be opened.
  virtual std::unique_ptr<ReadLease> Acquire() = 0;
  // A text that changes whenever a write is committed to the database (by anyone), for caching
  // answers: equal stamps, equal data.
  virtual std::string DataStamp() = 0;
};

// The pool for `db`: a PostgreSQL URL (store_location.h) or else a SQLite file.
std::unique_ptr<ReadPool> MakeReadPool(const std::string& db, std::chrono::milliseconds time_limit, size_t max_leased);

// The idle connections of a pool, and the lease that takes one and puts it back; shared by the
// backends, whose pools differ only in how they open a connection.
template <typename Connection>
class IdleConnections {
 public:
  explicit IdleConnections(size_t max_leased) : max_leased_(max_leased == 0 ? 1 : max_leased) {}

  // Waits until fewer than `max_leased` connections are leased, then leases an idle one or, when
  // none is idle, one that `open()` makes (if it throws, nothing stays leased).
  template <typename Open>
  std::unique_ptr<Connection> Lease(Open open) {
    std::unique_lock<std::mutex> lock(mutex_);
    returned_.wait(lock, [this] { return leased_ < max_leased_; });
    ++leased_;
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    lock.unlock();
    try {
      return open();
    } catch (...) {
      Return(nullptr);
      throw;
    }
  }
  // Ends a lease; the connection is kept for the next one unless it is null or broken.
  void Return(std::unique_ptr<Connection> connection) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (connection && connection->reusable()) idle_.push_back(std::move(connection));
    --leased_;
    returned_.notify_one();
  }

 private:
  const size_t max_leased_;
  std::mutex mutex_;
  std::condition_variable returned_;
  size_t leased_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
};

template <typename Connection>
class PooledLease : public ReadLease {
 public:
  PooledLease(IdleConnections<Connection>& idle, std::unique_ptr<Connection> connection)
      : idle_(idle), connection_(std::move(connection)) {}
  PooledLease(const PooledLease&) = delete;
  PooledLease& operator=(const PooledLease&) = delete;
  ~PooledLease() override { idle_.Return(std::move(connection_)); }
  ReadConnection& connection() override { return *connection_; }

 private:
  IdleConnections<Connection>& idle_;
  std::unique_ptr<Connection> connection_;
};

// The message of the 503 that ends a request over its time limit.
inline constexpr char kOverTimeLimit[] = "the query ran over its time limit; narrow the filters";

}  // namespace lagebild::serve
