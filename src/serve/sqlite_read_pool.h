// The SQLite backend of read_pool.h: read-only connections (in WAL mode they read the last
// committed state while `ingest` writes); a query past its deadline is interrupted through
// sqlite3_progress_handler.
#pragma once

#include "serve/read_pool.h"
#include "store/sqlite_connection.h"

namespace lagebild::serve {

class SqliteReadConnection : public ReadConnection {
 public:
  // Throws ApiError(500) when the file cannot be opened.
  explicit SqliteReadConnection(const std::string& path);

  void ForEachRow(std::string_view sql, const std::vector<SqlValue>& values, const RowVisitor& row) override;
  const SqlDialect& dialect() const override;
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override { deadline_ = deadline; }

 private:
  static int PastDeadline(void* connection);
  [[noreturn]] void ThrowQueryError(const std::string& message);

  SqliteConnection db_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

class SqliteReadPool : public ReadPool {
 public:
  SqliteReadPool(std::string path, std::chrono::milliseconds time_limit, size_t max_leased)
      : path_(std::move(path)), time_limit_(time_limit), idle_(max_leased) {}

  std::unique_ptr<ReadLease> Acquire() override;
  // PRAGMA data_version on a connection of its own: it changes when another connection commits.
  std::string DataStamp() override;

 private:
  std::string path_;
  std::chrono::milliseconds time_limit_;
  IdleConnections<SqliteReadConnection> idle_;
  std::mutex stamp_mutex_;
  std::unique_ptr<SqliteReadConnection> stamp_connection_;
};

}  // namespace lagebild::serve
