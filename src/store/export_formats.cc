#include "store/export_formats.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace lagebild {
namespace {

// CAMEO codes that do not start with a country: international and non-state actors.
bool StartsWithCountry(std::string_view code) {
  if (code.size() < 3) return false;
  for (std::string_view prefix : {"IGO", "NGO", "NGM", "MNC", "UIS", "INS", "IMG", "AGR", "BUS", "CVL", "MED", "REB"}) {
    if (code.starts_with(prefix)) return false;
  }
  return true;
}

// The day of an event for GDELT's date columns: its own date when it has a day, else the day
// its first report was published.
std::string EventDay(const StoredEvent& event) {
  const bool day = event.date.size() >= 10 && event.date[4] == '-' && event.date[7] == '-';
  return day ? event.date.substr(0, 10) : event.first_seen;
}

// Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
// Religion2Code, Type1Code, Type2Code, Type3Code.
void AddActor(std::vector<std::string>& columns, const std::string& code, const std::string& name) {
  const bool country = StartsWithCountry(code);
  std::string upper = name;
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  columns.insert(columns.end(), {code, upper, country ? code.substr(0, 3) : "", "", "", "", "",
                                 code.size() >= 6 ? code.substr(country ? 3 : 0, 3) : (country ? "" : code.substr(0, 3)), "", ""});
}

// GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
std::string GeoType(const StoredEvent& event) {
  const bool usa = event.place_country == "USA";
  if (event.place_kind == "country") return "1";
  if (event.place_kind == "region") return usa ? "2" : "5";
  if (event.place_kind == "city") return usa ? "3" : "4";
  return event.place_kind.empty() ? "0" : "";
}

// Geo columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
void AddGeo(std::vector<std::string>& columns, const StoredEvent* event) {
  if (event == nullptr || !event->lat) {
    columns.insert(columns.end(), {"0", "", "", "", "", "", "", ""});
    return;
  }
  const std::string adm1 = event->place_admin1.empty() ? event->place_country : event->place_country + event->place_admin1;
  columns.insert(columns.end(), {GeoType(*event), event->place_name, event->place_country, adm1, "",
                                 fmt::format("{:.4f}", *event->lat), fmt::format("{:.4f}", *event->lon),
                                 event->place_geonames != 0 ? std::to_string(event->place_geonames) : ""});
}

std::string Joined(const std::vector<std::string>& columns, char separator) {
  std::string line;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) line += separator;
    line += columns[i];
  }
  return line;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string GdeltTimestamp(std::string_view iso) {
  if (iso.size() < 19) return "";
  return fmt::format("{}{}{}{}{}{}", iso.substr(0, 4), iso.substr(5, 2), iso.substr(8, 2), iso.substr(11, 2), iso.substr(14, 2),
                     iso.substr(17, 2));
}

std::string GdeltEventLine(const StoredEvent& event) {
  const std::string day = EventDay(event);
  std::vector<std::string> columns = {std::to_string(event.id)};
  if (day.size() == 10) {
    const int month = std::stoi(day.substr(5, 2)), dom = std::stoi(day.substr(8, 2));
    columns.insert(columns.end(), {day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2), day.substr(0, 4) + day.substr(5, 2),
                                   day.substr(0, 4), fmt::format("{:.4f}", std::stoi(day.substr(0, 4)) + (month * 30 + dom) / 365.0)});
  } else {
    columns.insert(columns.end(), {"", "", "", ""});
  }
  AddActor(columns, event.source_code, event.source_name);
  AddActor(columns, event.target_code, event.target_name);
  columns.insert(columns.end(), {event.in_lead ? "1" : "0", event.code, event.code.substr(0, 3), event.code.substr(0, 2),
                                 std::to_string(event.quad_class), fmt::format("{:.1f}", event.goldstein),
                                 std::to_string(event.num_mentions), std::to_string(event.num_sources),
                                 std::to_string(event.num_articles), "0"});
  AddGeo(columns, nullptr);  // Actor1Geo: the actors are not located
  AddGeo(columns, nullptr);  // Actor2Geo
  AddGeo(columns, &event);   // ActionGeo: where the event happened
  columns.insert(columns.end(), {GdeltTimestamp(event.first_ingested), event.url});
  return Joined(columns, '\t');
}

std::string GdeltMentionLine(const StoredMention& mention) {
  const auto offset = [](const std::optional<int64_t>& value) { return value ? std::to_string(*value) : std::string("-1"); };
  const std::vector<std::string> columns = {
      std::to_string(mention.event_id),
      GdeltTimestamp(mention.event_ingested),
      GdeltTimestamp(mention.ingested),
      mention.url.empty() ? "2" : "1",  // 1 web (a URL), 2 citation only
      mention.source_name,
      mention.url.empty() ? mention.external_id : mention.url,
      std::to_string(mention.sentence + 1),
      offset(mention.source_begin),
      offset(mention.target_begin),
      std::to_string(mention.trigger_begin),
      "1",
      mention.modality == "asserted" ? "100" : "50",
      std::to_string(mention.document_length),
      "0",
      "",
      ""};
  return Joined(columns, '\t');
}

std::string CsvEventHeader() {
  return "id,source_code,source_name,target_code,target_name,code,root_code,quad_class,goldstein,modality,date,"
         "num_mentions,num_articles,num_sources,first_seen,last_seen,place_name,place_country,lat,lon,url";
}

std::string CsvEventLine(const StoredEvent& event) {
  const std::vector<std::string> columns = {
      std::to_string(event.id), event.source_code, CsvField(event.source_name), event.target_code, CsvField(event.target_name),
      event.code, event.code.substr(0, 2), std::to_string(event.quad_class), fmt::format("{}", event.goldstein), event.modality,
      event.date, std::to_string(event.num_mentions), std::to_string(event.num_articles), std::to_string(event.num_sources),
      event.first_seen, event.last_seen, CsvField(event.place_name), event.place_country,
      event.lat ? fmt::format("{}", *event.lat) : "", event.lon ? fmt::format("{}", *event.lon) : "", CsvField(event.url)};
  return Joined(columns, ',');
}

// `text` cut or padded to `width` characters (UTF-8 code points, not bytes), "…" marking a cut.
std::string Column(std::string_view text, size_t width) {
  std::string out;
  size_t characters = 0;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) ++length;
    if (characters + 1 == width && i + length < text.size()) {
      out += "…";
      ++characters;
      break;
    }
    out.append(text.substr(i, length));
    ++characters;
    i += length;
  }
  out.append(width > characters ? width - characters : 0, ' ');
  return out;
}

std::string TableEventHeader() {
  return fmt::format("{:>4}  {} {} {:<5} {:<9} {:<11} {:>8} {:>8}  {}", "id", Column("source", 24), Column("target", 24), "code",
                     "modality", "date", "mentions", "articles", "place");
}

std::string TableEventLine(const StoredEvent& event) {
  const auto actor = [](const std::string& code, const std::string& name) {
    return Column(code.empty() ? name : code + " " + name, 24);
  };
  return fmt::format("{:>4}  {} {} {:<5} {:<9} {:<11} {:>8} {:>8}  {}", event.id, actor(event.source_code, event.source_name),
                     actor(event.target_code, event.target_name), event.code, event.modality,
                     event.date.empty() ? "-" : event.date, event.num_mentions, event.num_articles,
                     event.place_name.empty() ? "-" : event.place_name);
}

std::string JsonEventLine(const StoredEvent& event) {
  using nlohmann::json;
  const auto text = [](const std::string& value) { return value.empty() ? json(nullptr) : json(value); };
  json place = nullptr;
  if (event.lat) {
    place = {{"name", event.place_name}, {"kind", text(event.place_kind)}, {"country", text(event.place_country)},
             {"lat", *event.lat}, {"lon", *event.lon}};
  }
  const json out = {{"id", event.id},
                    {"source", {{"code", text(event.source_code)}, {"name", text(event.source_name)}}},
                    {"target", {{"code", text(event.target_code)}, {"name", text(event.target_name)}}},
                    {"code", event.code},
                    {"quad_class", event.quad_class},
                    {"goldstein", event.goldstein},
                    {"modality", event.modality},
                    {"date", text(event.date)},
                    {"num_mentions", event.num_mentions},
                    {"num_articles", event.num_articles},
                    {"num_sources", event.num_sources},
                    {"first_seen", text(event.first_seen)},
                    {"last_seen", text(event.last_seen)},
                    {"place", place},
                    {"url", text(event.url)}};
  return out.dump();
}

}  // namespace lagebild
