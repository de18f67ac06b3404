// What an export reads back of an event and of a mention (StoredEvent, StoredMention): the SELECT
// lists and how a row of them becomes the struct, shared by the SQLite and the PostgreSQL reader
// so that both read the same columns in the same order. The dialects differ in two places only,
// given by ReadDialect; the filter condition (parameters there, quoted literals here) is each
// reader's own.
#pragma once

#include <string>
#include <string_view>

#include "store/store.h"

namespace lagebild {

struct ReadDialect {
  std::string_view byte_order;   // appended to a text to compare it byte by byte ("" or " COLLATE \"C\"")
  std::string_view byte_length;  // a format for the length in bytes of the text `{}`
};

inline constexpr ReadDialect kSqliteRead{"", "length(CAST({} AS BLOB))"};
inline constexpr ReadDialect kPostgresRead{" COLLATE \"C\"", "octet_length({})"};

// Every event matching `condition` (SQL over the alias e), in id order.
std::string StoredEventsQuery(const ReadDialect& dialect, const std::string& condition);
// Every mention of an event matching `condition`, by event, document and sentence.
std::string StoredMentionsQuery(const ReadDialect& dialect, const std::string& condition);

// Row: an adapter with Text(i), Int(i), Real(i) and IsNull(i), where NULL reads as "" or 0.
template <typename Row>
StoredEvent StoredEventOf(const Row& row) {
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

template <typename Row>
StoredMention StoredMentionOf(const Row& row) {
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

}  // namespace lagebild
