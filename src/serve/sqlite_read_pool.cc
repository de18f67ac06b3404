#include "serve/sqlite_read_pool.h"

#include "serve/api_error.h"
#include "serve/sql_dialect.h"

namespace lagebild::serve {
namespace {

// SQLite calls the progress handler every kProgressSteps virtual machine steps; a non-zero answer
// interrupts the statement with SQLITE_INTERRUPT.
constexpr int kProgressSteps = 10000;

class SqliteRow : public SqlRow {
 public:
  explicit SqliteRow(const SqliteStatement& statement) : statement_(statement) {}
  int64_t Int(int column) const override { return statement_.Int(column); }
  double Real(int column) const override { return statement_.Real(column); }
  std::string Text(int column) const override { return statement_.Text(column); }
  bool IsNull(int column) const override { return statement_.IsNull(column); }

 private:
  const SqliteStatement& statement_;
};

void BindAll(SqliteStatement& statement, const std::vector<SqlValue>& values) {
  int index = 1;
  for (const SqlValue& value : values) {
    std::visit([&](const auto& v) {
      using T = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<T, std::string>) {
        statement.BindExactText(index, v);  // "" is a value here (an undated event's sort key)
      } else {
        statement.Bind(index, v);
      }
    }, value);
    ++index;
  }
}

// Reads map the file instead of copying each page through a read() call: the workers share the
// operating system's page cache, and a query over many events spends its time in SQLite rather
// than in the kernel (0.115 s against 0.053 s for a filtered page, cold, on 118,599 events).
constexpr char kMapTheFile[] = "PRAGMA mmap_size = 1073741824";

SqliteConnection OpenOrThrow(const std::string& path) {
  Status status;
  std::optional<SqliteConnection> connection = SqliteConnection::OpenReadOnly(path, status);
  if (!connection) throw ApiError(kInternalError, status.message());
  if (Status mapped = connection->Execute(kMapTheFile); !mapped.ok()) throw ApiError(kInternalError, mapped.message());
  return std::move(*connection);
}

}  // namespace

SqliteReadConnection::SqliteReadConnection(const std::string& path) : db_(OpenOrThrow(path)) {
  sqlite3_progress_handler(db_.handle(), kProgressSteps, &PastDeadline, this);
}

int SqliteReadConnection::PastDeadline(void* connection) {
  return std::chrono::steady_clock::now() > static_cast<SqliteReadConnection*>(connection)->deadline_ ? 1 : 0;
}

const SqlDialect& SqliteReadConnection::dialect() const { return SqliteDialect(); }

void SqliteReadConnection::ThrowQueryError(const std::string& message) {
  if (sqlite3_errcode(db_.handle()) == SQLITE_INTERRUPT) throw ApiError(kUnavailable, kOverTimeLimit);
  throw ApiError(kInternalError, message);
}

void SqliteReadConnection::ForEachRow(std::string_view sql, const std::vector<SqlValue>& values, const RowVisitor& row) {
  SqliteStatement statement;
  if (Status status = db_.Prepare(sql, statement); !status.ok()) ThrowQueryError(status.message());
  BindAll(statement, values);
  Status status;
  while (statement.Step(status)) row(SqliteRow(statement));
  if (!status.ok()) ThrowQueryError(status.message());
}

std::unique_ptr<ReadLease> SqliteReadPool::Acquire() {
  std::unique_ptr<SqliteReadConnection> connection = idle_.Lease([this] { return std::make_unique<SqliteReadConnection>(path_); });
  connection->SetDeadline(std::chrono::steady_clock::now() + time_limit_);
  return std::make_unique<PooledLease<SqliteReadConnection>>(idle_, std::move(connection));
}

std::string SqliteReadPool::DataStamp() {
  std::lock_guard<std::mutex> lock(stamp_mutex_);
  if (!stamp_connection_) stamp_connection_ = std::make_unique<SqliteReadConnection>(path_);
  stamp_connection_->SetDeadline(std::chrono::steady_clock::now() + time_limit_);
  std::string stamp;
  stamp_connection_->ForEachRow("PRAGMA data_version", {}, [&](const SqlRow& row) { stamp = row.Text(0); });
  return stamp;
}

}  // namespace lagebild::serve
