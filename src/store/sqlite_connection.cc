#include "store/sqlite_connection.h"

#include <fmt/format.h>

namespace lagebild {

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  if (text.empty()) return BindNull(index);
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindExactText(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindOptional(int index, const std::optional<std::string>& text) {
  return text ? Bind(index, std::string_view(*text)) : BindNull(index);
}

SqliteStatement& SqliteStatement::BindBlob(int index, const void* data, size_t size) {
  sqlite3_bind_blob(statement_, index, data, static_cast<int>(size), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

bool SqliteStatement::Step(Status& status) {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code != SQLITE_DONE) status = Status::Error(sqlite3_errmsg(sqlite3_db_handle(statement_)));
  return false;
}

Status SqliteStatement::Run() {
  Status status;
  while (Step(status)) {
  }
  Reset();
  return status;
}

void SqliteStatement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::optional<SqliteConnection> SqliteConnection::OpenWithFlags(const std::string& path, int flags, Status& status) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    status = Status::Error(fmt::format("{}: cannot open the database: {}", path, db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return std::nullopt;
  }
  sqlite3_busy_timeout(db, 10000);
  return SqliteConnection(db, path);
}

std::optional<SqliteConnection> SqliteConnection::Open(const std::string& path, Status& status) {
  return OpenWithFlags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, status);
}

std::optional<SqliteConnection> SqliteConnection::OpenReadOnly(const std::string& path, Status& status) {
  return OpenWithFlags(path, SQLITE_OPEN_READONLY, status);
}

SqliteConnection::~SqliteConnection() { sqlite3_close(db_); }

std::string SqliteConnection::Error() const { return fmt::format("{}: {}", path_, sqlite3_errmsg(db_)); }

Status SqliteConnection::Execute(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  Status status = Status::Error(fmt::format("{}: {}", path_, message ? message : "unknown error"));
  sqlite3_free(message);
  return status;
}

Status SqliteConnection::Prepare(std::string_view sql, SqliteStatement& statement) {
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &prepared, nullptr) != SQLITE_OK) {
    return Status::Error(Error());
  }
  statement = SqliteStatement(prepared);
  return Status::Ok();
}

}  // namespace lagebild
