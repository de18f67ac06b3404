// What a database location (--db) names: a PostgreSQL URL or else a SQLite file.
#pragma once

#include <string>
#include <string_view>

namespace lagebild {

// "postgresql://…" or "postgres://…".
bool IsPostgresUrl(std::string_view location);

// The location as it may be shown: a URL's password replaced by "***".
std::string DisplayedLocation(std::string_view location);

}  // namespace lagebild
