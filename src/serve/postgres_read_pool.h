// The PostgreSQL backend of read_pool.h. Each connection is a session whose transactions are
// read-only (default_transaction_read_only) and whose statements run one by one in autocommit, so
// each sees what was committed when it started, as SQLite's readers do. The request's deadline
// becomes the session's statement_timeout: before a statement, the timeout is set to the time the
// request has left when that differs from the one set by more than kTimeoutSlack (so that a
// request adds a round trip only every tenth of a second); the server cancels a statement over it
// (SQLSTATE 57014), which ends as ApiError(503).
#pragma once

#include <pqxx/pqxx>

#include "serve/read_pool.h"

namespace lagebild::serve {

inline constexpr std::chrono::milliseconds kTimeoutSlack{100};

class PostgresReadConnection : public ReadConnection {
 public:
  // Throws ApiError(500) when the server cannot be reached.
  PostgresReadConnection(const std::string& url, std::chrono::milliseconds time_limit);

  void ForEachRow(std::string_view sql, const std::vector<SqlValue>& values, const RowVisitor& row) override;
  const SqlDialect& dialect() const override;
  bool reusable() const override { return reusable_; }
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override { deadline_ = deadline; }

 private:
  void LimitStatementTime(pqxx::transaction_base& work);

  std::unique_ptr<pqxx::connection> connection_;
  std::string name_;  // the URL without its password
  std::chrono::milliseconds statement_timeout_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool reusable_ = true;
};

class PostgresReadPool : public ReadPool {
 public:
  PostgresReadPool(std::string url, std::chrono::milliseconds time_limit, size_t max_leased)
      : url_(std::move(url)), time_limit_(time_limit), idle_(max_leased) {}

  std::unique_ptr<ReadLease> Acquire() override;
  // The current snapshot (xmin:xmax:running ids), on a connection of its own. It changes whenever
  // a transaction that wrote ends. Not pg_snapshot_xmax alone: a writer that started before
  // another and commits after it leaves xmax as it was, but not the list of running ids.
  std::string DataStamp() override;

 private:
  std::string url_;
  std::chrono::milliseconds time_limit_;
  IdleConnections<PostgresReadConnection> idle_;
  std::mutex stamp_mutex_;
  std::unique_ptr<PostgresReadConnection> stamp_connection_;
};

// `sql` with PostgreSQL's placeholders: the n-th `?` becomes `$n` and `?N` becomes `$N`, each cast
// to the type of its value (bigint, float8, text), so that the server need not guess it (it
// cannot for upper(?), say). Quoted literals and identifiers are left as they are.
std::string PostgresPlaceholders(std::string_view sql, const std::vector<SqlValue>& values);

}  // namespace lagebild::serve
