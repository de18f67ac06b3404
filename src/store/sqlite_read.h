// Reading events and mentions back from the SQLite store for export (docs/schema.md).
#pragma once

#include <functional>

#include "store/sqlite_connection.h"
#include "store/store.h"

namespace lagebild {

Status ReadSqliteEvents(SqliteConnection& db, const EventFilter& filter, const std::function<void(const StoredEvent&)>& visit);
Status ReadSqliteMentions(SqliteConnection& db, const EventFilter& filter,
                          const std::function<void(const StoredMention&)>& visit);

}  // namespace lagebild
