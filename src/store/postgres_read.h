// Reading events and mentions back from the PostgreSQL store for export: the queries of
// sqlite_read.cc, giving the same rows for the same stored data (docs/schema.md).
#pragma once

#include <functional>

#include "store/postgres_session.h"
#include "store/store.h"

namespace lagebild {

Status ReadPostgresEvents(PostgresSession& session, const EventFilter& filter,
                          const std::function<void(const StoredEvent&)>& visit);
Status ReadPostgresMentions(PostgresSession& session, const EventFilter& filter,
                            const std::function<void(const StoredMention&)>& visit);

}  // namespace lagebild
