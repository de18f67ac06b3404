#include "serve/sql_rows.h"

#include <string>

#include "serve/api_error.h"

namespace lagebild::serve {
namespace {

[[noreturn]] void ThrowQueryError(SqliteConnection& db, const std::string& message) {
  const int code = sqlite3_errcode(db.handle());
  if (code == SQLITE_INTERRUPT) throw ApiError(kUnavailable, "the query ran over its time limit; narrow the filters");
  throw ApiError(kInternalError, message);
}

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

}  // namespace

void ForEachRow(SqliteConnection& db, std::string_view sql, const std::vector<SqlValue>& values,
                const std::function<void(const SqliteStatement&)>& row) {
  SqliteStatement statement;
  if (Status status = db.Prepare(sql, statement); !status.ok()) ThrowQueryError(db, status.message());
  BindAll(statement, values);
  Status status;
  while (statement.Step(status)) row(statement);
  if (!status.ok()) ThrowQueryError(db, status.message());
}

}  // namespace lagebild::serve
