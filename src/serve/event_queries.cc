#include "serve/event_queries.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "serve/api_error.h"
#include "serve/event_cursor.h"
#include "serve/sql_dialect.h"

namespace lagebild::serve {
namespace {

using nlohmann::json;

constexpr std::string_view kEventColumns =
    "e.id, e.source_code, e.target_code, e.code, e.root_code, e.quad_class, e.goldstein, e.modality, e.date, "
    "e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen";

constexpr int64_t kActorNameSample = 200;  // events per side whose reports give an actor's names

// An edge's mean Goldstein value is summed in hundredths, which are whole numbers for every value
// of the scale (one decimal) and so add up exactly in any order: SQLite and PostgreSQL aggregate
// rows in different orders, and a floating-point avg() would differ in its last bits.
constexpr double kGoldsteinScale = 100;

// An event's names, place and URL come from its first reports that give them.
constexpr std::string_view kEventDetails =
    "SELECT m.source_text, m.target_text, m.place_name, m.place_kind, m.place_country, m.place_lat, m.place_lon, d.url "
    "FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ? ORDER BY m.id LIMIT 20";

std::string MentionsQuery(const SqlDialect& dialect) {
  return fmt::format(
      "SELECT m.document_id, d.url, d.title, d.published, s.name, m.sentence, {}, "
      "m.sentence_begin, m.trigger_begin, m.trigger_end, m.source_text, m.target_text, m.speaker_code, e.modality, m.rule "
      "FROM mentions m JOIN documents d ON d.id = m.document_id JOIN sources s ON s.id = d.source_id "
      "JOIN events e ON e.id = m.event_id WHERE m.event_id = ? ORDER BY m.document_id, m.sentence, m.id LIMIT ?",
      dialect.ByteSlice("d.text", "m.sentence_begin", "m.sentence_end"));
}

// The ways /api/events sorts: a key expression, its direction, and the type of its cursor value.
// A text key compares byte by byte (SqlDialect::Binary).
struct EventSort {
  std::string_view key;
  bool descending;
  size_t key_type;  // index into SqlValue
};

const std::map<std::string, EventSort>& EventSorts() {
  static const std::map<std::string, EventSort> sorts = {
      {"date", {"coalesce(e.date, '')", false, 2}},      {"-date", {"coalesce(e.date, '')", true, 2}},
      {"mentions", {"e.num_mentions", false, 0}},        {"-mentions", {"e.num_mentions", true, 0}},
      {"goldstein", {"e.goldstein", false, 1}},          {"-goldstein", {"e.goldstein", true, 1}},
  };
  return sorts;
}

const EventSort& SortParam(const QueryParams& params) {
  const std::string name = params.count("sort") ? Param(params, "sort") : "-date";
  const auto found = EventSorts().find(name);
  if (found == EventSorts().end()) {
    throw ApiError(kBadRequest, "sort: expected date, -date, mentions, -mentions, goldstein or -goldstein");
  }
  return found->second;
}

std::string SortKey(const EventSort& sort, const SqlDialect& dialect) {
  return sort.key_type == 2 ? dialect.Binary(sort.key) : std::string(sort.key);
}

json TextOrNull(const SqlRow& row, int column) {
  return row.IsNull(column) ? json(nullptr) : json(row.Text(column));
}

json ActorJson(const SqlRow& row, int column) {
  return {{"code", TextOrNull(row, column)}, {"name", nullptr}};
}

json EventJson(const SqlRow& row) {
  return {{"id", row.Int(0)},
          {"source", ActorJson(row, 1)},
          {"target", ActorJson(row, 2)},
          {"code", row.Text(3)},
          {"root", row.Text(4)},
          {"quad_class", row.Int(5)},
          {"goldstein", row.Real(6)},
          {"modality", row.Text(7)},
          {"date", TextOrNull(row, 8)},
          {"place", nullptr},
          {"num_mentions", row.Int(9)},
          {"num_articles", row.Int(10)},
          {"num_sources", row.Int(11)},
          {"first_seen", TextOrNull(row, 12)},
          {"last_seen", TextOrNull(row, 13)},
          {"url", nullptr}};
}

json PlaceJson(const SqlRow& row) {
  return {{"name", row.Text(2)},
          {"kind", TextOrNull(row, 3)},
          {"country", TextOrNull(row, 4)},
          {"lat", row.IsNull(5) ? json(nullptr) : json(row.Real(5))},
          {"lon", row.IsNull(6) ? json(nullptr) : json(row.Real(6))}};
}

SqlValue CursorKey(const SqlRow& row, int column, const EventSort& sort) {
  if (sort.key_type == 0) return row.Int(column);
  if (sort.key_type == 1) return row.Real(column);
  return row.Text(column);
}

void SetIfNull(json& field, const SqlRow& row, int column) {
  if (field.is_null() && !row.IsNull(column) && !row.Text(column).empty()) field = row.Text(column);
}

// One period's counts per QuadClass.
json PeriodJson(const SqlRow& row) {
  return {{"date", row.Text(0)}, {"q1", row.Int(1)}, {"q2", row.Int(2)}, {"q3", row.Int(3)}, {"q4", row.Int(4)}};
}

// `value` as a LIKE pattern for text starting with it: its own wildcards escaped.
std::string LikePrefix(const std::string& value) {
  std::string pattern;
  for (char c : value) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + '%';
}

}  // namespace

int64_t EventQueries::CountOf(const std::string& sql, const std::vector<SqlValue>& values) {
  int64_t count = 0;
  db_.ForEachRow(sql, values, [&](const SqlRow& row) { count = row.Int(0); });
  return count;
}

SqlCondition EventQueries::Filters(const QueryParams& params) {
  SqlCondition condition = EventFilterCondition(params, db_.dialect());
  if (const std::string query = Param(params, "q"); !query.empty()) {
    const SqlCondition probe = db_.dialect().FullTextProbe(query);
    try {
      db_.ForEachRow(probe.sql, probe.values, [](const SqlRow&) {});
    } catch (const ApiError& error) {
      if (error.status() != kInternalError) throw;
      throw ApiError(kBadRequest, std::string("q: ") + error.what());
    }
  }
  return condition;
}

json EventQueries::EventDetails(json event) {
  db_.ForEachRow(kEventDetails, {event["id"].get<int64_t>()}, [&](const SqlRow& row) {
    SetIfNull(event["source"]["name"], row, 0);
    SetIfNull(event["target"]["name"], row, 1);
    if (event["place"].is_null() && !row.IsNull(2)) event["place"] = PlaceJson(row);
    SetIfNull(event["url"], row, 7);
  });
  return event;
}

json EventQueries::Events(const QueryParams& params) {
  const SqlCondition filters = Filters(params);
  const EventSort& sort = SortParam(params);
  const int64_t limit = IntParam(params, "limit", kDefaultPageSize, 1, kMaxPageSize);
  const std::string key = SortKey(sort, db_.dialect());
  SqlCondition page = filters;
  if (const std::string cursor_text = Param(params, "cursor"); !cursor_text.empty()) {
    const EventCursor cursor = DecodeCursor(cursor_text);
    if (cursor.key.index() != sort.key_type) throw ApiError(kBadRequest, "cursor: made for another sort");
    page.And(fmt::format("({}, e.id) {} (?, ?)", key, sort.descending ? "<" : ">"), {cursor.key, cursor.id});
  }
  const std::string direction = sort.descending ? "DESC" : "ASC";
  const std::string sql = fmt::format("SELECT {}, {} FROM events e WHERE {} ORDER BY {} {}, e.id {} LIMIT ?", kEventColumns,
                                      key, page.sql, key, direction, direction);
  std::vector<SqlValue> values = page.values;
  values.push_back(limit + 1);  // one more tells whether there is a next page
  json events = json::array();
  std::optional<EventCursor> last;
  bool more = false;
  db_.ForEachRow(sql, values, [&](const SqlRow& row) {
    if (static_cast<int64_t>(events.size()) == limit) {
      more = true;
      return;
    }
    events.push_back(EventJson(row));
    last = EventCursor{CursorKey(row, 14, sort), row.Int(0)};
  });
  for (json& event : events) event = EventDetails(std::move(event));
  const int64_t total = Total(params, filters);
  return {{"events", std::move(events)},
          {"next_cursor", more && last ? json(EncodeCursor(*last)) : json(nullptr)},
          {"total", total}};
}

int64_t EventQueries::Total(const QueryParams& params, const SqlCondition& filters) {
  auto count = [&] { return CountOf("SELECT count(*) FROM events e WHERE " + filters.sql, filters.values); };
  if (!count_memo_) return count();
  std::string key = "events-total";
  for (const auto& [name, value] : params) {
    if (name == "sort" || name == "cursor" || name == "limit") continue;  // the same events in any page
    key += '\x1f' + name + '=' + value;
  }
  return count_memo_(key, count);
}

json EventQueries::Mentions(int64_t event_id) {
  json mentions = json::array();
  db_.ForEachRow(MentionsQuery(db_.dialect()), {event_id, kMaxMentionsPerEvent}, [&](const SqlRow& row) {
    mentions.push_back({{"document_id", row.Int(0)},
                        {"url", TextOrNull(row, 1)},
                        {"title", TextOrNull(row, 2)},
                        {"published", TextOrNull(row, 3)},
                        {"source", row.Text(4)},
                        {"sentence", row.Int(5)},
                        {"text", row.Text(6)},
                        {"sentence_begin", row.Int(7)},
                        {"trigger", {{"begin", row.Int(8)}, {"end", row.Int(9)}}},
                        {"source_text", TextOrNull(row, 10)},
                        {"target_text", TextOrNull(row, 11)},
                        {"speaker", TextOrNull(row, 12)},
                        {"modality", row.Text(13)},
                        {"rule", row.Text(14)}});
  });
  return mentions;
}

json EventQueries::Event(int64_t id) {
  json event;
  db_.ForEachRow(fmt::format("SELECT {} FROM events e WHERE e.id = ?", kEventColumns), {id},
                 [&](const SqlRow& row) { event = EventJson(row); });
  if (event.is_null()) throw ApiError(kNotFound, fmt::format("no event {}", id));
  event = EventDetails(std::move(event));
  event["mentions"] = Mentions(id);
  return event;
}

// The names most often written for an actor, among the reports of a sample of its events on each
// side: an actor of many thousand events must not make the list slow.
json EventQueries::ActorNames(const std::string& code) {
  json names = json::array();
  const std::string sql = fmt::format(
      "SELECT name FROM (SELECT m.source_text AS name FROM (SELECT id FROM events WHERE source_code = ?1 LIMIT ?2) s "
      "JOIN mentions m ON m.event_id = s.id UNION ALL SELECT m.target_text FROM (SELECT id FROM events WHERE "
      "target_code = ?1 LIMIT ?2) t JOIN mentions m ON m.event_id = t.id) names WHERE name IS NOT NULL "
      "GROUP BY name ORDER BY count(*) DESC, {} LIMIT 5",
      db_.dialect().Binary("name"));
  db_.ForEachRow(sql, {code, kActorNameSample}, [&](const SqlRow& row) { names.push_back(row.Text(0)); });
  return names;
}

json EventQueries::Actors(const QueryParams& params) {
  const SqlCondition filters = Filters(params);
  const int64_t limit = IntParam(params, "limit", kDefaultPageSize, 1, kMaxPageSize);
  const SqlDialect& dialect = db_.dialect();
  std::string prefix_condition = "TRUE";
  std::vector<SqlValue> values = filters.values;
  if (const std::string prefix = Param(params, "prefix"); !prefix.empty()) {
    // a code prefix, or the start of a name the actor was written as
    prefix_condition = fmt::format(
        "({0} OR code IN (SELECT e2.source_code FROM mentions m2 JOIN events e2 ON e2.id = m2.event_id WHERE "
        "m2.source_text {1} ? ESCAPE '\\' UNION SELECT e2.target_code FROM mentions m2 JOIN events e2 ON e2.id = "
        "m2.event_id WHERE m2.target_text {1} ? ESCAPE '\\'))",
        dialect.StartsWith("code", "upper(?)"), dialect.LikeIgnoringCase());
    values.insert(values.end(), {prefix, LikePrefix(prefix), LikePrefix(prefix)});
  }
  values.push_back(limit);
  const std::string sql = fmt::format(
      "WITH matched AS (SELECT e.id, e.source_code, e.target_code FROM events e WHERE {}), "
      "sides AS (SELECT id, source_code AS code FROM matched UNION SELECT id, target_code FROM matched) "
      "SELECT code, count(*) AS events FROM sides WHERE code IS NOT NULL AND {} GROUP BY code "
      "ORDER BY events DESC, {} LIMIT ?",
      filters.sql, prefix_condition, dialect.Binary("code"));
  json actors = json::array();
  db_.ForEachRow(sql, values, [&](const SqlRow& row) {
    actors.push_back({{"code", row.Text(0)}, {"names", json::array()}, {"events", row.Int(1)}});
  });
  for (json& actor : actors) actor["names"] = ActorNames(actor["code"].get<std::string>());
  return {{"actors", std::move(actors)}};
}

json EventQueries::Graph(const QueryParams& params) {
  const SqlCondition filters = Filters(params);
  std::vector<SqlValue> values = filters.values;
  values.push_back(IntParam(params, "limit", kDefaultGraphEdges, 1, kMaxPageSize * 10));
  const std::string sql = fmt::format(
      "SELECT e.source_code, e.target_code, count(*) AS events, sum(e.num_mentions), sum(round(e.goldstein * {})) "
      "FROM events e "
      "WHERE {} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL GROUP BY e.source_code, e.target_code "
      "ORDER BY events DESC, {}, {} LIMIT ?",
      kGoldsteinScale, filters.sql, db_.dialect().Binary("e.source_code"), db_.dialect().Binary("e.target_code"));
  json edges = json::array();
  std::map<std::string, int64_t> node_events;
  db_.ForEachRow(sql, values, [&](const SqlRow& row) {
    edges.push_back({{"source", row.Text(0)}, {"target", row.Text(1)}, {"events", row.Int(2)}, {"mentions", row.Int(3)},
                     {"goldstein", row.Real(4) / (kGoldsteinScale * static_cast<double>(row.Int(2)))}});
    node_events[row.Text(0)] += row.Int(2);
    if (row.Text(1) != row.Text(0)) node_events[row.Text(1)] += row.Int(2);
  });
  std::vector<std::pair<std::string, int64_t>> nodes(node_events.begin(), node_events.end());
  std::stable_sort(nodes.begin(), nodes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  json node_list = json::array();
  for (const auto& [id, events] : nodes) node_list.push_back({{"id", id}, {"events", events}});
  return {{"nodes", std::move(node_list)}, {"edges", std::move(edges)}};
}

json EventQueries::Timeline(const QueryParams& params) {
  const SqlCondition filters = Filters(params);
  const std::string by = params.count("by") ? Param(params, "by") : "day";
  if (by != "day" && by != "month") throw ApiError(kBadRequest, "by: expected day or month");
  // a day is YYYY-MM-DD; a month also takes the days within it
  const std::string_view period = by == "day" ? "substr(e.date, 1, 10)" : "substr(e.date, 1, 7)";
  const SqlDialect& dialect = db_.dialect();
  const std::string sql = fmt::format(
      "SELECT {} AS period, count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2), "
      "count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4) "
      "FROM events e WHERE {} AND {} GROUP BY period ORDER BY period",
      dialect.Binary(period), filters.sql, dialect.DatePattern("e.date", by == "day"));
  json days = json::array();
  db_.ForEachRow(sql, filters.values, [&](const SqlRow& row) { days.push_back(PeriodJson(row)); });
  return {{"days", std::move(days)}};
}

json EventQueries::Health() {
  return {{"status", "ok"},
          {"documents", CountOf("SELECT count(*) FROM documents", {})},
          {"events", CountOf("SELECT count(*) FROM events", {})}};
}

}  // namespace lagebild::serve
