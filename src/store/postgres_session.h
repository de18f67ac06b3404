// One PostgreSQL connection and the transaction that the store and its queue share
// (postgres_store.cc, postgres_queue.cc). libpqxx throws; everything here returns a Status naming
// the database (the URL without its password). Transactions are plain SQL (BEGIN, SAVEPOINT,
// COMMIT) so that a document can be rolled back alone, as in the SQLite store.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "lagebild/status.h"
#include "store/store_location.h"

namespace lagebild {

// A PostgreSQL array literal of integers, for a `$1::bigint[]` parameter.
std::string BigintArray(std::span<const int64_t> values);

class PostgresSession {
 public:
  static std::unique_ptr<PostgresSession> Connect(const std::string& url, Status& status);

  // Runs `work` on the connection; an exception becomes an error Status. An error outside a
  // savepoint spoils the open transaction: Commit then rolls it back and reports the error.
  Status Run(const std::function<void(pqxx::transaction_base&)>& work);

  Status Begin();   // opens a transaction unless one is open
  Status Commit();  // commits the open transaction, if any
  bool in_transaction() const { return in_transaction_; }

  // A savepoint around one document: Release keeps its work, Undo drops it and keeps the
  // transaction usable.
  Status Savepoint();
  Status Release();
  void Undo();

  pqxx::connection& connection() { return connection_; }
  const std::string& name() const { return name_; }

 private:
  PostgresSession(const std::string& url, std::string name) : connection_(url), name_(std::move(name)) {}
  Status Execute(const std::string& sql);

  pqxx::connection connection_;
  std::string name_;
  bool in_transaction_ = false;
  bool in_savepoint_ = false;
  std::optional<std::string> spoiled_;  // the first error that spoiled the transaction
};

}  // namespace lagebild
