#include "serve/read_pool.h"

#include "serve/postgres_read_pool.h"
#include "serve/sqlite_read_pool.h"
#include "store/store_location.h"

namespace lagebild::serve {

std::unique_ptr<ReadPool> MakeReadPool(const std::string& db, std::chrono::milliseconds time_limit, size_t max_leased) {
  if (IsPostgresUrl(db)) return std::make_unique<PostgresReadPool>(db, time_limit, max_leased);
  return std::make_unique<SqliteReadPool>(db, time_limit, max_leased);
}

}  // namespace lagebild::serve
