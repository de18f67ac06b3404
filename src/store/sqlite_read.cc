#include "store/sqlite_read.h"

#include <fmt/format.h>

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

// The first report of an event with a value in `column`.
std::string FirstReport(std::string_view column) {
  return fmt::format("(SELECT {0} FROM mentions m WHERE m.event_id = e.id AND {0} IS NOT NULL ORDER BY m.id LIMIT 1)", column);
}

std::string EventsQuery(const EventFilter& filter) {
  return fmt::format(
      "SELECT e.id, e.source_code, e.target_code, e.code, e.modality, e.date, e.quad_class, e.goldstein, e.num_mentions, "
      "e.num_articles, e.num_sources, e.first_seen, e.last_seen, "
      "(SELECT min(d.ingested_at) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id), "
      "(SELECT min(m.sentence) FROM mentions m WHERE m.event_id = e.id) = 0, "
      "{}, {}, "
      "(SELECT coalesce(d.url, d.external_id) FROM mentions m JOIN documents d ON d.id = m.document_id "
      "WHERE m.event_id = e.id ORDER BY m.id LIMIT 1), "
      "p.place_lat, p.place_lon, p.place_name, p.place_kind, p.place_country, p.place_admin1, p.place_geonames "
      "FROM events e LEFT JOIN mentions p ON p.id = (SELECT m.id FROM mentions m WHERE m.event_id = e.id AND "
      "m.place_name IS NOT NULL ORDER BY m.id LIMIT 1) WHERE {} ORDER BY e.id",
      FirstReport("m.source_text"), FirstReport("m.target_text"), DateCondition(filter));
}

StoredEvent EventOfRow(const SqliteStatement& row) {
  StoredEvent event;
  event.id = row.Int(0);
  event.source_code = row.Text(1);
  event.target_code = row.Text(2);
  event.code = row.Text(3);
  event.modality = row.Text(4);
  event.date = row.Text(5);
  event.quad_class = row.Int(6);
  event.goldstein = row.Real(7);
  event.num_mentions = row.Int(8);
  event.num_articles = row.Int(9);
  event.num_sources = row.Int(10);
  event.first_seen = row.Text(11);
  event.last_seen = row.Text(12);
  event.first_ingested = row.Text(13);
  event.in_lead = row.Int(14) != 0;
  event.source_name = row.Text(15);
  event.target_name = row.Text(16);
  event.url = row.Text(17);
  if (!row.IsNull(18)) event.lat = row.Real(18);
  if (!row.IsNull(19)) event.lon = row.Real(19);
  event.place_name = row.Text(20);
  event.place_kind = row.Text(21);
  event.place_country = row.Text(22);
  event.place_admin1 = row.Text(23);
  event.place_geonames = row.Int(24);
  return event;
}

StoredMention MentionOfRow(const SqliteStatement& row) {
  StoredMention mention;
  mention.event_id = row.Int(0);
  mention.event_ingested = row.Text(1);
  mention.ingested = row.Text(2);
  mention.source_name = row.Text(3);
  mention.url = row.Text(4);
  mention.external_id = row.Text(5);
  mention.modality = row.Text(6);
  mention.sentence = row.Int(7);
  mention.trigger_begin = row.Int(8);
  mention.document_length = row.Int(9);
  if (!row.IsNull(10)) mention.source_begin = row.Int(10);
  if (!row.IsNull(11)) mention.target_begin = row.Int(11);
  return mention;
}

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
  return Visit<StoredEvent>(db, EventsQuery(filter), filter, &EventOfRow, visit);
}

Status ReadSqliteMentions(SqliteConnection& db, const EventFilter& filter,
                          const std::function<void(const StoredMention&)>& visit) {
  const std::string sql = fmt::format(
      "SELECT m.event_id, (SELECT min(d2.ingested_at) FROM mentions m2 JOIN documents d2 ON d2.id = m2.document_id "
      "WHERE m2.event_id = m.event_id), d.ingested_at, s.name, d.url, d.external_id, e.modality, m.sentence, "
      "m.trigger_begin, length(CAST(d.text AS BLOB)), m.source_begin, m.target_begin "
      "FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.document_id "
      "JOIN sources s ON s.id = d.source_id WHERE {} ORDER BY m.event_id, m.document_id, m.sentence, m.id",
      DateCondition(filter));
  return Visit<StoredMention>(db, sql, filter, &MentionOfRow, visit);
}

}  // namespace lagebild
