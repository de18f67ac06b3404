#include "store/document_rows.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "lagebild/output.h"
#include "read/publisher.h"

namespace lagebild {
namespace {

bool IsEntity(const Document& doc, int32_t entity) {
  return entity >= 0 && static_cast<size_t>(entity) < doc.entities.size();
}

std::string EntityText(const Document& doc, int32_t entity) {
  return IsEntity(doc, entity) ? std::string(doc.Surface(doc.entities[entity].span)) : "";
}

std::optional<int64_t> EntityBegin(const Document& doc, int32_t entity) {
  if (!IsEntity(doc, entity)) return std::nullopt;
  return static_cast<int64_t>(doc.entities[entity].span.begin);
}

std::string EntityCode(const Document& doc, int32_t entity) { return IsEntity(doc, entity) ? doc.entities[entity].code : ""; }

void AddPlace(const Place& place, MentionRow& row) {
  row.place_name = place.name;
  row.place_kind = PlaceKindName(place.kind);
  row.place_country = place.country;
  row.place_admin1 = place.admin1;
  row.place_lat = place.lat;
  row.place_lon = place.lon;
  if (place.geonames != 0) row.place_geonames = place.geonames;
}

}  // namespace

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string ContentHashText(const Document& doc) { return fmt::format("{:016x}", doc.content_hash); }

std::string SourceName(const DocumentMeta& meta) {
  std::string publisher = PublisherOf(meta);
  return publisher.empty() ? meta.source : publisher;
}

EventRow EventRowOf(const Document& doc, const Event& event) {
  EventRow row;
  row.key = KeyOf(doc, event);
  row.event_key = row.key.Text();
  row.code = event.code;
  row.root_code = event.code.substr(0, 2);
  row.quad_class = event.quad_class;
  row.goldstein = event.goldstein;
  row.date = event.date;
  return row;
}

MentionRow MentionRowOf(const Document& doc, const Event& event) {
  const Sentence& sentence = doc.sentences.at(event.sentence);
  MentionRow row;
  row.sentence = event.sentence;
  row.sentence_begin = sentence.span.begin;
  row.sentence_end = sentence.span.end;
  row.trigger_begin = event.trigger.begin;
  row.trigger_end = event.trigger.end;
  row.source_text = EntityText(doc, event.source);
  row.target_text = EntityText(doc, event.target);
  row.speaker_code = EntityCode(doc, event.attribution);
  row.date_basis = DateBasisName(event.date_basis) ? DateBasisName(event.date_basis) : "";
  row.rule = event.rule;
  row.source_begin = EntityBegin(doc, event.source);
  row.target_begin = EntityBegin(doc, event.target);
  if (event.place >= 0) AddPlace(doc.places.at(event.place), row);
  return row;
}

}  // namespace lagebild
