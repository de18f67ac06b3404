#include "store/stored_rows.h"

#include <fmt/format.h>

namespace lagebild {
namespace {

// The first report of an event with a value in `column`.
std::string FirstReport(std::string_view column) {
  return fmt::format("(SELECT {0} FROM mentions m WHERE m.event_id = e.id AND {0} IS NOT NULL ORDER BY m.id LIMIT 1)", column);
}

}  // namespace

std::string StoredEventsQuery(const ReadDialect& dialect, const std::string& condition) {
  return fmt::format(
      "SELECT e.id, e.source_code, e.target_code, e.code, e.modality, e.date, e.quad_class, e.goldstein, e.num_mentions, "
      "e.num_articles, e.num_sources, e.first_seen, e.last_seen, "
      "(SELECT min(d.ingested_at{}) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id), "
      "CASE WHEN (SELECT min(m.sentence) FROM mentions m WHERE m.event_id = e.id) = 0 THEN 1 ELSE 0 END, "
      "{}, {}, "
      "(SELECT coalesce(d.url, d.external_id) FROM mentions m JOIN documents d ON d.id = m.document_id "
      "WHERE m.event_id = e.id ORDER BY m.id LIMIT 1), "
      "p.place_lat, p.place_lon, p.place_name, p.place_kind, p.place_country, p.place_admin1, p.place_geonames "
      "FROM events e LEFT JOIN mentions p ON p.id = (SELECT m.id FROM mentions m WHERE m.event_id = e.id AND "
      "m.place_name IS NOT NULL ORDER BY m.id LIMIT 1) WHERE {} ORDER BY e.id",
      dialect.byte_order, FirstReport("m.source_text"), FirstReport("m.target_text"), condition);
}

std::string StoredMentionsQuery(const ReadDialect& dialect, const std::string& condition) {
  return fmt::format(
      "SELECT m.event_id, (SELECT min(d2.ingested_at{}) FROM mentions m2 JOIN documents d2 ON d2.id = m2.document_id "
      "WHERE m2.event_id = m.event_id), d.ingested_at, s.name, d.url, d.external_id, e.modality, m.sentence, "
      "m.trigger_begin, {}, m.source_begin, m.target_begin "
      "FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.document_id "
      "JOIN sources s ON s.id = d.source_id WHERE {} ORDER BY m.event_id, m.document_id, m.sentence, m.id",
      dialect.byte_order, fmt::format(fmt::runtime(dialect.byte_length), "d.text"), condition);
}

}  // namespace lagebild
