// The SQL fragments in which SQLite and PostgreSQL differ, for the API's queries (read_pool.h).
// Everything else is written once: placeholders are `?`, which the PostgreSQL connection numbers.
#pragma once

#include <string>
#include <string_view>

#include "serve/event_filters.h"

namespace lagebild::serve {

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;
  // `expression` compared and sorted byte by byte, as SQLite always does, whatever collation the
  // database has: the answers, and the cursors that continue them, do not depend on the locale.
  virtual std::string Binary(std::string_view expression) const = 0;
  // A condition: the text `column` starts with the text `prefix` (an expression, e.g. "?").
  virtual std::string StartsWith(std::string_view column, std::string_view prefix) const = 0;
  // LIKE that ignores the case of ASCII letters (SQLite's LIKE does).
  virtual std::string_view LikeIgnoringCase() const = 0;
  // The bytes [begin, end) of the UTF-8 text `text` as text: stored offsets are bytes.
  virtual std::string ByteSlice(std::string_view text, std::string_view begin, std::string_view end) const = 0;
  // A condition: `date` is a day YYYY-MM-DD, or (`day` false) starts with a month YYYY-MM.
  virtual std::string DatePattern(std::string_view date, bool day) const = 0;
  // The condition "an event e has a report whose sentence matches the full-text query `query`"
  // (docs/api.md, `q`). Throws ApiError(400) naming `q` when it sees that `query` is no query.
  virtual SqlCondition FullTextMatch(const std::string& query) const = 0;
  // A cheap statement that fails when the database cannot run `query`, so that this is a 400 and
  // not the 500 of the real query later.
  virtual SqlCondition FullTextProbe(const std::string& query) const = 0;
};

const SqlDialect& SqliteDialect();
const SqlDialect& PostgresDialect();

}  // namespace lagebild::serve
