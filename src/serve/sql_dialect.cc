#include "serve/sql_dialect.h"

#include <fmt/format.h>

#include "serve/full_text_query.h"

namespace lagebild::serve {
namespace {

class Sqlite : public SqlDialect {
 public:
  std::string Binary(std::string_view expression) const override { return std::string(expression); }
  std::string StartsWith(std::string_view column, std::string_view prefix) const override {
    return fmt::format("instr({}, {}) = 1", column, prefix);
  }
  std::string_view LikeIgnoringCase() const override { return "LIKE"; }
  std::string ByteSlice(std::string_view text, std::string_view begin, std::string_view end) const override {
    return fmt::format("CAST(substr(CAST({} AS BLOB), {} + 1, {} - {}) AS TEXT)", text, begin, end, begin);
  }
  std::string DatePattern(std::string_view date, bool day) const override {
    return fmt::format("{} GLOB {}", date,
                       day ? "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'" : "'[0-9][0-9][0-9][0-9]-[0-9][0-9]*'");
  }
  // FTS5 (migration 3 of sqlite_schema.h) reads the query itself.
  SqlCondition FullTextMatch(const std::string& query) const override {
    return {"e.id IN (SELECT qm.event_id FROM mention_search JOIN mentions qm ON qm.id = mention_search.rowid "
            "WHERE mention_search MATCH ?)",
            {query}};
  }
  SqlCondition FullTextProbe(const std::string& query) const override {
    return {"SELECT rowid FROM mention_search WHERE mention_search MATCH ? LIMIT 1", {query}};
  }
};

class Postgres : public SqlDialect {
 public:
  std::string Binary(std::string_view expression) const override { return fmt::format("{} COLLATE \"C\"", expression); }
  std::string StartsWith(std::string_view column, std::string_view prefix) const override {
    return fmt::format("starts_with({}, {})", column, prefix);
  }
  std::string_view LikeIgnoringCase() const override { return "ILIKE"; }
  std::string ByteSlice(std::string_view text, std::string_view begin, std::string_view end) const override {
    return fmt::format("convert_from(substring(convert_to({}, 'UTF8') FROM ({} + 1)::int FOR ({} - {})::int), 'UTF8')", text,
                       begin, end, begin);
  }
  std::string DatePattern(std::string_view date, bool day) const override {
    return fmt::format("{} ~ {}", date, day ? "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'" : "'^[0-9]{4}-[0-9]{2}'");
  }
  // A tsvector per mention (migration 4 of postgres_schema.h); the query, in FTS5's syntax, is
  // translated into a tsquery (full_text_query.h).
  SqlCondition FullTextMatch(const std::string& query) const override {
    const SqlCondition tsquery = PostgresTextQuery(query);
    return {"e.id IN (SELECT qm.event_id FROM mention_search JOIN mentions qm ON qm.id = mention_search.id "
            "WHERE mention_search.sentence @@ (" + tsquery.sql + "))",
            tsquery.values};
  }
  SqlCondition FullTextProbe(const std::string& query) const override {
    const SqlCondition tsquery = PostgresTextQuery(query);
    return {"SELECT " + tsquery.sql, tsquery.values};
  }
};

}  // namespace

const SqlDialect& SqliteDialect() {
  static const Sqlite dialect;
  return dialect;
}

const SqlDialect& PostgresDialect() {
  static const Postgres dialect;
  return dialect;
}

}  // namespace lagebild::serve
