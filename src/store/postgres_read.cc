#include "store/postgres_read.h"

#include <fmt/format.h>

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

// The first report of an event with a value in `column`.
std::string FirstReport(std::string_view column) {
  return fmt::format("(SELECT {0} FROM mentions m WHERE m.event_id = e.id AND {0} IS NOT NULL ORDER BY m.id LIMIT 1)", column);
}

std::string EventsQuery(const std::string& condition) {
  return fmt::format(
      "SELECT e.id, e.source_code, e.target_code, e.code, e.modality, e.date, e.quad_class, e.goldstein, e.num_mentions, "
      "e.num_articles, e.num_sources, e.first_seen, e.last_seen, "
      "(SELECT min(d.ingested_at COLLATE \"C\") FROM mentions m JOIN documents d ON d.id = m.document_id "
      "WHERE m.event_id = e.id), "
      "(SELECT min(m.sentence) FROM mentions m WHERE m.event_id = e.id) = 0, "
      "{}, {}, "
      "(SELECT coalesce(d.url, d.external_id) FROM mentions m JOIN documents d ON d.id = m.document_id "
      "WHERE m.event_id = e.id ORDER BY m.id LIMIT 1), "
      "p.place_lat, p.place_lon, p.place_name, p.place_kind, p.place_country, p.place_admin1, p.place_geonames "
      "FROM events e LEFT JOIN mentions p ON p.id = (SELECT m.id FROM mentions m WHERE m.event_id = e.id AND "
      "m.place_name IS NOT NULL ORDER BY m.id LIMIT 1) WHERE {} ORDER BY e.id",
      FirstReport("m.source_text"), FirstReport("m.target_text"), condition);
}

std::string MentionsQuery(const std::string& condition) {
  return fmt::format(
      "SELECT m.event_id, (SELECT min(d2.ingested_at COLLATE \"C\") FROM mentions m2 JOIN documents d2 "
      "ON d2.id = m2.document_id WHERE m2.event_id = m.event_id), d.ingested_at, s.name, d.url, d.external_id, e.modality, "
      "m.sentence, m.trigger_begin, octet_length(d.text), m.source_begin, m.target_begin "
      "FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.document_id "
      "JOIN sources s ON s.id = d.source_id WHERE {} ORDER BY m.event_id, m.document_id, m.sentence, m.id",
      condition);
}

// NULL reads as "", 0 or false, as SqliteStatement's accessors do.
std::string Text(const pqxx::field& field) { return field.is_null() ? "" : field.as<std::string>(); }
int64_t Int(const pqxx::field& field) { return field.is_null() ? 0 : field.as<int64_t>(); }
double Real(const pqxx::field& field) { return field.is_null() ? 0 : field.as<double>(); }

StoredEvent EventOfRow(const pqxx::row& row) {
  StoredEvent event;
  event.id = Int(row[0]);
  event.source_code = Text(row[1]);
  event.target_code = Text(row[2]);
  event.code = Text(row[3]);
  event.modality = Text(row[4]);
  event.date = Text(row[5]);
  event.quad_class = Int(row[6]);
  event.goldstein = Real(row[7]);
  event.num_mentions = Int(row[8]);
  event.num_articles = Int(row[9]);
  event.num_sources = Int(row[10]);
  event.first_seen = Text(row[11]);
  event.last_seen = Text(row[12]);
  event.first_ingested = Text(row[13]);
  event.in_lead = !row[14].is_null() && row[14].as<bool>();
  event.source_name = Text(row[15]);
  event.target_name = Text(row[16]);
  event.url = Text(row[17]);
  if (!row[18].is_null()) event.lat = row[18].as<double>();
  if (!row[19].is_null()) event.lon = row[19].as<double>();
  event.place_name = Text(row[20]);
  event.place_kind = Text(row[21]);
  event.place_country = Text(row[22]);
  event.place_admin1 = Text(row[23]);
  event.place_geonames = Int(row[24]);
  return event;
}

StoredMention MentionOfRow(const pqxx::row& row) {
  StoredMention mention;
  mention.event_id = Int(row[0]);
  mention.event_ingested = Text(row[1]);
  mention.ingested = Text(row[2]);
  mention.source_name = Text(row[3]);
  mention.url = Text(row[4]);
  mention.external_id = Text(row[5]);
  mention.modality = Text(row[6]);
  mention.sentence = Int(row[7]);
  mention.trigger_begin = Int(row[8]);
  mention.document_length = Int(row[9]);
  if (!row[10].is_null()) mention.source_begin = row[10].as<int64_t>();
  if (!row[11].is_null()) mention.target_begin = row[11].as<int64_t>();
  return mention;
}

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
