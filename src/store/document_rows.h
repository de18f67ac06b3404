// What a document and its events put into the columns of the event database (docs/schema.md),
// the same for every backend, so that SQLite and PostgreSQL store the same values. Text columns
// hold NULL rather than "" (an empty value is unknown).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "lagebild/document.h"
#include "store/event_key.h"

namespace lagebild {

// The current time as stored in ingested_at: ISO 8601 UTC to the second.
std::string NowUtc();

// documents.content_hash: the XXH3-64 of the cleaned text as 16 hex digits.
std::string ContentHashText(const Document& doc);

// The name a document's source is counted under: the publisher, else the input it came from.
std::string SourceName(const DocumentMeta& meta);

// The columns of events (besides the counts, which follow from the mentions).
struct EventRow {
  std::string event_key;
  EventKey key;
  std::string code, root_code;
  int64_t quad_class = 0;
  double goldstein = 0;
  std::string date;
};
EventRow EventRowOf(const Document& doc, const Event& event);

// The columns of mentions (besides event_id and document_id).
struct MentionRow {
  int64_t sentence = 0, sentence_begin = 0, sentence_end = 0, trigger_begin = 0, trigger_end = 0;
  std::string source_text, target_text, speaker_code, date_basis, rule;
  std::optional<int64_t> source_begin, target_begin;
  std::optional<std::string> place_name, place_kind, place_country, place_admin1;
  std::optional<double> place_lat, place_lon;
  std::optional<int64_t> place_geonames;
};
MentionRow MentionRowOf(const Document& doc, const Event& event);

}  // namespace lagebild
