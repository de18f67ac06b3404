#include "store/postgres_read.h"

#include <fmt/format.h>

#include "store/stored_rows.h"

namespace lagebild {
namespace {

// Rows are fetched through a cursor in pieces of this many, so that an export of millions of
// events does not hold them all in memory.
constexpr int kRowsPerFetch = 5000;

// The filter as SQL over the alias e (events), as in sqlite_read.cc: the event's date at its own
// precision between the bounds, the modality. Values are quoted literals (a cursor takes no
// parameters); dates compare in byte order.
std::string FilterCondition(pqxx::transaction_base& sql, const EventFilter& filter) {
  std::string condition = "TRUE";
  constexpr std::string_view kDay = "substr(e.date, 1, 10) COLLATE \"C\"";
  if (filter.from) condition += fmt::format(" AND {} >= substr({}, 1, length(substr(e.date, 1, 10)))", kDay, sql.quote(*filter.from));
  if (filter.to) condition += fmt::format(" AND {} <= substr({}, 1, length(substr(e.date, 1, 10)))", kDay, sql.quote(*filter.to));
  if (filter.modality) condition += " AND e.modality = " + sql.quote(*filter.modality);
  return condition;
}

std::string EventsQuery(const std::string& condition) { return StoredEventsQuery(kPostgresRead, condition); }
std::string MentionsQuery(const std::string& condition) { return StoredMentionsQuery(kPostgresRead, condition); }

// A pqxx row read as stored_rows.h expects: NULL reads as "" or 0, as SqliteStatement's accessors do.
struct PostgresRow {
  const pqxx::row& row;
  bool IsNull(int column) const { return row[column].is_null(); }
  std::string Text(int column) const { return IsNull(column) ? "" : row[column].as<std::string>(); }
  int64_t Int(int column) const { return IsNull(column) ? 0 : row[column].as<int64_t>(); }
  double Real(int column) const { return IsNull(column) ? 0 : row[column].as<double>(); }
};

StoredEvent EventOfRow(const pqxx::row& row) { return StoredEventOf(PostgresRow{row}); }
StoredMention MentionOfRow(const pqxx::row& row) { return StoredMentionOf(PostgresRow{row}); }

// Runs the query of `make_query` (given the filter condition) through a cursor in the store's
// transaction, or in one of its own when none is open.
template <typename Row>
Status Visit(PostgresSession& session, const EventFilter& filter, std::string (*make_query)(const std::string&),
             Row (*convert)(const pqxx::row&), const std::function<void(const Row&)>& visit) {
  const bool own_transaction = !session.in_transaction();
  if (Status status = session.Begin(); !status.ok()) return status;
  Status status = session.Run([&](pqxx::transaction_base& sql) {
    sql.exec("DECLARE export_rows NO SCROLL CURSOR FOR " + make_query(FilterCondition(sql, filter)));
    for (;;) {
      const pqxx::result rows = sql.exec(fmt::format("FETCH {} FROM export_rows", kRowsPerFetch));
      for (const pqxx::row& row : rows) visit(convert(row));
      if (rows.size() < static_cast<size_t>(kRowsPerFetch)) break;
    }
    sql.exec("CLOSE export_rows");
  });
  if (own_transaction) {
    if (Status committed = session.Commit(); status.ok()) status = committed;
  }
  return status;
}

}  // namespace

Status ReadPostgresEvents(PostgresSession& session, const EventFilter& filter,
                          const std::function<void(const StoredEvent&)>& visit) {
  return Visit<StoredEvent>(session, filter, &EventsQuery, &EventOfRow, visit);
}

Status ReadPostgresMentions(PostgresSession& session, const EventFilter& filter,
                            const std::function<void(const StoredMention&)>& visit) {
  return Visit<StoredMention>(session, filter, &MentionsQuery, &MentionOfRow, visit);
}

}  // namespace lagebild
