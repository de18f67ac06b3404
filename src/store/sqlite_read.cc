#include "store/sqlite_read.h"

#include "store/stored_rows.h"

namespace lagebild {
namespace {

// The filter as SQL over the alias e (events): substr(date, 1, 10) between the bounds, the modality.
std::string DateCondition(const EventFilter& filter) {
  std::string condition = "1";
  // at the precision of the event's date: "2023-09" lies between 2023-09-01 and 2023-09-30
  if (filter.from) condition += " AND substr(e.date, 1, 10) >= substr(?1, 1, length(substr(e.date, 1, 10)))";
  if (filter.to) condition += " AND substr(e.date, 1, 10) <= substr(?2, 1, length(substr(e.date, 1, 10)))";
  if (filter.modality) condition += " AND e.modality = ?3";
  return condition;
}

void BindDates(SqliteStatement& statement, const EventFilter& filter) {
  if (filter.from) statement.Bind(1, std::string_view(*filter.from));
  if (filter.to) statement.Bind(2, std::string_view(*filter.to));
  if (filter.modality) statement.Bind(3, std::string_view(*filter.modality));
}

// SqliteStatement read as stored_rows.h expects (its NULLs already read as "" and 0).
StoredEvent EventOfRow(const SqliteStatement& row) { return StoredEventOf(row); }
StoredMention MentionOfRow(const SqliteStatement& row) { return StoredMentionOf(row); }

template <typename Row>
Status Visit(SqliteConnection& db, const std::string& sql, const EventFilter& filter, Row (*convert)(const SqliteStatement&),
             const std::function<void(const Row&)>& visit) {
  SqliteStatement query;
  if (Status status = db.Prepare(sql, query); !status.ok()) return status;
  BindDates(query, filter);
  Status status;
  while (query.Step(status)) visit(convert(query));
  return status;
}

}  // namespace

Status ReadSqliteEvents(SqliteConnection& db, const EventFilter& filter, const std::function<void(const StoredEvent&)>& visit) {
  return Visit<StoredEvent>(db, StoredEventsQuery(kSqliteRead, DateCondition(filter)), filter, &EventOfRow, visit);
}

Status ReadSqliteMentions(SqliteConnection& db, const EventFilter& filter,
                          const std::function<void(const StoredMention&)>& visit) {
  return Visit<StoredMention>(db, StoredMentionsQuery(kSqliteRead, DateCondition(filter)), filter, &MentionOfRow, visit);
}

}  // namespace lagebild
