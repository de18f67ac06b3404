// Store::Open: the backend is chosen by the form of the location.
#include "store/store.h"

#include <fmt/format.h>

#include "store/postgres_store.h"
#include "store/sqlite_store.h"
#include "store/store_location.h"

namespace lagebild {

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string DisplayedLocation(std::string_view location) {
  if (!IsPostgresUrl(location)) return std::string(location);
  const size_t user = location.find("://") + 3;
  const size_t at = location.substr(0, location.find('/', user)).rfind('@');  // the last @ before the path
  const size_t colon = location.find(':', user);
  if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) return std::string(location);
  return fmt::format("{}***{}", location.substr(0, colon + 1), location.substr(at));
}

std::unique_ptr<Store> Store::Open(const std::string& location, Status& status) {
  if (IsPostgresUrl(location)) return OpenPostgresStore(location, status);
  return OpenSqliteStore(location, status);
}

}  // namespace lagebild
