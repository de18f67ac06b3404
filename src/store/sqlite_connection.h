// Thin RAII wrappers over the SQLite C API: a connection and prepared statements with typed
// binding. Errors come back as Status with SQLite's message; nothing throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "lagebild/status.h"

namespace lagebild {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  SqliteStatement(SqliteStatement&& other) noexcept : statement_(other.statement_) { other.statement_ = nullptr; }
  SqliteStatement& operator=(SqliteStatement&& other) noexcept {
    std::swap(statement_, other.statement_);
    return *this;
  }
  ~SqliteStatement();

  // Binds 1-based parameters; an empty optional or an empty text binds NULL.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& BindOptional(int index, const std::optional<std::string>& text);
  // Binds text as it is, the empty string included (Bind makes "" NULL).
  SqliteStatement& BindExactText(int index, std::string_view text);
  SqliteStatement& BindNull(int index);
  SqliteStatement& BindBlob(int index, const void* data, size_t size);

  // One step: true with a row to read, false when done; `status` holds an error.
  bool Step(Status& status);
  // Runs to the end and resets for the next use.
  Status Run();
  void Reset();

  int64_t Int(int column) const { return sqlite3_column_int64(statement_, column); }
  double Real(int column) const { return sqlite3_column_double(statement_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::string_view Blob(int column) const {
    const void* data = sqlite3_column_blob(statement_, column);
    return data ? std::string_view(static_cast<const char*>(data), sqlite3_column_bytes(statement_, column)) : std::string_view();
  }
  std::string Text(int column) const {  // "" for NULL
    const unsigned char* text = sqlite3_column_text(statement_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(statement_, column)) : std::string();
  }

 private:
  friend class SqliteConnection;
  explicit SqliteStatement(sqlite3_stmt* statement) : statement_(statement) {}
  sqlite3_stmt* statement_ = nullptr;
};

class SqliteConnection {
 public:
  static std::optional<SqliteConnection> Open(const std::string& path, Status& status);
  // Read-only, for readers beside a writer (the HTTP API): never creates the file. In WAL mode it
  // reads the last committed state while another process writes.
  static std::optional<SqliteConnection> OpenReadOnly(const std::string& path, Status& status);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  SqliteConnection(SqliteConnection&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
  ~SqliteConnection();

  Status Execute(std::string_view sql);  // one or more statements without parameters
  Status Prepare(std::string_view sql, SqliteStatement& statement);
  std::string Error() const;
  // The raw handle, for what the wrappers do not cover (progress handlers, interrupts).
  sqlite3* handle() const { return db_; }

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static std::optional<SqliteConnection> OpenWithFlags(const std::string& path, int flags, Status& status);
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace lagebild
