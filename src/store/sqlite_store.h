// The SQLite store (sqlite_store.cc): a database file, created and migrated when new.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace lagebild {

std::unique_ptr<Store> OpenSqliteStore(const std::string& path, Status& status);

}  // namespace lagebild
