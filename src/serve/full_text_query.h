// The `q` parameter (docs/api.md) for PostgreSQL: a query in the syntax of SQLite's FTS5 — words,
// "phrases", prefix `*`, `+` joining phrases, AND (or nothing), OR, NOT, parentheses, the column
// filter `sentence:` — as a tsquery expression over the words of migration 4 of
// postgres_schema.h. The grammar is FTS5's: phrases side by side are ANDed first (and only
// phrases: "(a) b" is FTS5's syntax error, so here too), then NOT, then AND, then OR; `a NOT b`
// is `a && !!b`. A phrase's text goes to the database as a value, never into the SQL: there
// lagebild_search_words splits and folds it exactly as it did the stored sentences, and
// phraseto_tsquery (or lagebild_search_prefix for `*`) makes it a query. FTS5's syntax errors are
// ApiError(400) naming `q`, and so are the parts of it that have no tsquery counterpart (`^`,
// NEAR, `-column:`).
#pragma once

#include <string>

#include "serve/event_filters.h"

namespace lagebild::serve {

// A tsquery expression and the values of its placeholders.
SqlCondition PostgresTextQuery(const std::string& query);

}  // namespace lagebild::serve
