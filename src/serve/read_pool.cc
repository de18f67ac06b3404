#include "serve/read_pool.h"

#include "serve/postgres_read_pool.h"
#include "serve/sqlite_read_pool.h"
#include "store/store_location.h"

namespace lagebild::serve {

std::unique_ptr<ReadPool> MakeReadPool(const std::string& db, std::chrono::milliseconds time_limit) {
  if (IsPostgresUrl(db)) return std::make_unique<PostgresReadPool>(db, time_limit);
  return std::make_unique<SqliteReadPool>(db, time_limit);
}

}  // namespace lagebild::serve
