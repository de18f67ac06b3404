#include "store/postgres_session.h"

#include <fmt/format.h>

namespace lagebild {

std::string BigintArray(std::span<const int64_t> values) {
  std::string array = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) array += ',';
    array += std::to_string(values[i]);
  }
  return array + "}";
}

std::unique_ptr<PostgresSession> PostgresSession::Connect(const std::string& url, Status& status) {
  const std::string name = DisplayedLocation(url);
  std::unique_ptr<PostgresSession> session;
  try {
    session.reset(new PostgresSession(url, name));
  } catch (const std::exception& error) {
    std::string message = error.what();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    status = Status::Error(fmt::format("{}: cannot connect: {}", name, message));
    return nullptr;
  }
  // the server's notices ("relation … already exists, skipping") would go to stderr
  if (status = session->Execute("SET client_min_messages TO warning"); !status.ok()) return nullptr;
  return session;
}

Status PostgresSession::Run(const std::function<void(pqxx::transaction_base&)>& work) {
  try {
    pqxx::nontransaction sql(connection_);
    work(sql);
    sql.commit();
    return Status::Ok();
  } catch (const std::exception& error) {
    std::string message = fmt::format("{}: {}", name_, error.what());
    while (!message.empty() && message.back() == '\n') message.pop_back();
    if (in_transaction_ && !in_savepoint_ && !spoiled_) spoiled_ = message;
    return Status::Error(message);
  }
}

Status PostgresSession::Execute(const std::string& sql) {
  return Run([&](pqxx::transaction_base& work) { work.exec(sql); });
}

Status PostgresSession::Begin() {
  if (in_transaction_) return Status::Ok();
  if (Status status = Execute("BEGIN"); !status.ok()) return status;
  in_transaction_ = true;
  return Status::Ok();
}

Status PostgresSession::Commit() {
  if (!in_transaction_) return Status::Ok();
  const bool spoiled = spoiled_.has_value();
  Status status = Execute(spoiled ? "ROLLBACK" : "COMMIT");
  in_transaction_ = false;
  in_savepoint_ = false;
  if (spoiled) status = Status::Error(*spoiled_ + " (the transaction was rolled back)");
  spoiled_.reset();
  return status;
}

Status PostgresSession::Savepoint() {
  if (Status status = Execute("SAVEPOINT document"); !status.ok()) return status;
  in_savepoint_ = true;
  return Status::Ok();
}

Status PostgresSession::Release() {
  in_savepoint_ = false;
  return Execute("RELEASE SAVEPOINT document");
}

void PostgresSession::Undo() {
  in_savepoint_ = false;
  if (Execute("ROLLBACK TO SAVEPOINT document").ok()) Execute("RELEASE SAVEPOINT document");
}

}  // namespace lagebild
