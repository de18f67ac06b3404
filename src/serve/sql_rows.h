// Runs one parameterised query on a read connection and maps SQLite's failures to API errors:
// an interrupted query (over its time limit, see read_pool.h) is 503, anything else 500.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "serve/event_filters.h"
#include "store/sqlite_connection.h"

namespace lagebild::serve {

void ForEachRow(SqliteConnection& db, std::string_view sql, const std::vector<SqlValue>& values,
                const std::function<void(const SqliteStatement&)>& row);

}  // namespace lagebild::serve
