// The PostgreSQL store (postgres_store.cc): the schema of the SQLite store for a server that
// several processes write at once, with the queue of documents for `lagebild worker`.
#pragma once

#include <memory>
#include <string>

#include "store/postgres_session.h"
#include "store/store.h"

namespace lagebild {

// Connects to `url` (libpq's URL form: postgresql://user:password@host:port/database?…) and
// applies the missing migrations.
std::unique_ptr<Store> OpenPostgresStore(const std::string& url, Status& status);

}  // namespace lagebild
